import ConvCore
import ConvScopeApp
import Foundation

/// `convscope-keybench --graph-values [FILE] [--size N] [--runs N]`: inside one process, what
/// `render --format json` of every node's values costs apart from starting the process and
/// writing to a file — the forward alone (maps kept as their distinct planes), the forward with
/// every channel written out (the whole-tensor kernels), and the forward with its JSON made into
/// a sink that only counts bytes. Medians of N runs (5 by default), in milliseconds.
func graphValuesBench(_ arguments: [String]) throws {
    let flag = arguments.firstIndex(of: "--graph-values")!
    let path = arguments.indices.contains(flag + 1) && !arguments[flag + 1].hasPrefix("--")
        ? arguments[flag + 1] : "Tests/ConvCoreTests/Fixtures/fx_prints/resnet50.txt"
    let side = arguments.firstIndex(of: "--size").flatMap { Int(arguments[$0 + 1]) } ?? 224
    let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 5
    let graph = try FxModelReader.read(try String(contentsOfFile: path, encoding: .utf8))
    let trace = GraphTrace(graph, inputShape: [1, graph.firstChannels ?? 3, side, side])
    let ramp = TensorN.ramp(shape: trace.inputShape)
    let input = GraphTensor(shape: ramp.shape, storage: ramp.storage)
    print("every node's values, \(path) at \(side)×\(side), median of \(runs) runs")
    report("forward, shared planes (compute only)", time(runs) {
        GraphForward.streamShared(trace, inputName: graph.inputName, input: input, sharingPlanes: true) { _, _ in }
    })
    report("forward, whole tensors", time(max(1, runs / 2)) {
        GraphForward.streamShared(trace, inputName: graph.inputName, input: input, sharingPlanes: false) { _, _ in }
    })
    var bytes = 0
    report("forward + JSON into memory (no file)", time(runs) {
        bytes = 0
        var writer = StackJSONWriter { bytes += $0.count }
        writer.writeGraphValues(trace, inputName: graph.inputName, input: input)
    })
    print("  JSON bytes \(bytes)")
}
