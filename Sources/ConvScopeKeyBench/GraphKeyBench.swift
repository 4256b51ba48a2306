import ConvCore
import ConvScopeApp
import Foundation

/// `convscope-keybench --graph [FILE] [--size N]`: a key → the selected node's maps on the graph
/// screen (update, which computes what the row needs, plus the frame), for a torch.fx print at
/// N×N (resnet18 at 224² by default). A key to the next node computes that node alone; a jump to
/// the end from a fresh screen computes everything the last node reads (the worst case).
func graphBench(_ arguments: [String]) throws {
    let flag = arguments.firstIndex(of: "--graph")!
    let path = arguments.indices.contains(flag + 1) && !arguments[flag + 1].hasPrefix("--")
        ? arguments[flag + 1] : "Tests/ConvCoreTests/Fixtures/fx_prints/resnet18.txt"
    let side = arguments.firstIndex(of: "--size").flatMap { Int(arguments[$0 + 1]) } ?? 224
    let graph = try FxModelReader.read(try String(contentsOfFile: path, encoding: .utf8))
    let shape = [1, graph.firstChannels ?? 3, side, side]
    let size = TerminalSize(columns: 200, rows: 60), environment = RenderEnvironment(language: .en)
    func fresh() -> ModelProgram { update(ModelProgram(graph: graph, inputShape: shape), .start(size)) }
    print("graph screen, \(path) at \(side)×\(side), 200×60 (update + frame per key)")
    report("open (trace, first node's maps, frame)", time(3) { _ = view(fresh(), maps: nil, environment: environment) })
    var state = fresh()
    let rows = state.graph!.rows.count
    // Each key timed alone; what it sent behind the screen is then computed (and timed apart),
    // as the run loop's background queue would, before the next key.
    var keys: [Double] = [], behind: [Double] = [], slowest = (0.0, "")
    for _ in 1..<rows {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = update(&state, .key(.down))
        _ = view(state, maps: nil, environment: environment)
        keys.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if keys.last! > slowest.0 { slowest = (keys.last!, state.graph!.outputStep.node.name) }
        if let request = state.graph!.pending {
            let start = DispatchTime.now().uptimeNanoseconds
            let values = request.run()
            behind.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            _ = update(&state, .graphComputed(request, values))
        }
    }
    keys.sort(); behind.sort()
    report("↓ through all \(rows) rows, each new (the key)", (keys[keys.count / 2], keys.last!))
    print("  the slowest: to \(slowest.1)")
    if !behind.isEmpty {
        report("  behind \(behind.count) of those keys (their maps)", (behind[behind.count / 2], behind.last!))
    }
    report("↑ / ↓ over rows already computed", time(60) {
        _ = update(&state, .key(.up)); _ = view(state, maps: nil, environment: environment)
    })
    var samples: [ModelProgram] = (0..<3).map { _ in fresh() }
    var k = 0
    report("End from a fresh screen (the key; maps behind it)", time(3) {
        _ = update(&samples[k], .key(.end)); k += 1
        _ = view(samples[k - 1], maps: nil, environment: environment)
    })
    let far = samples[0].graph!.pending!
    report("  behind it: the forward up to fc", time(3) { _ = far.run() })
    // The receptive field view of the first add: its effective field over the input.
    var field = fresh()
    while !(field.graph!.outputStep.node.op == "add") { _ = update(&field, .key(.down)) }
    // A large field is counted behind the screen: the key, then that work apart.
    var fieldsBehind: [Double] = []
    func countBehind() {
        guard let request = field.graph!.pending else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        let counts = request.runField()
        fieldsBehind.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        _ = update(&field, .graphComputed(request, request.run(), field: counts))
    }
    report("R on \(field.graph!.outputStep.node.name): r, j, start (the key)", time(1) {
        _ = update(&field, .key(.character("R"))); _ = view(field, maps: nil, environment: environment)
    })
    countBehind()
    var moves: [Double] = []
    for _ in 0..<10 {
        moves.append(time(1) { _ = update(&field, .key(.right)); _ = view(field, maps: nil, environment: environment) }.0)
        countBehind()
    }
    moves.sort(); fieldsBehind.sort()
    report("→ in the field view (the key)", (moves[moves.count / 2], moves.last!))
    if !fieldsBehind.isEmpty {
        report("  behind those keys: the effective fields", (fieldsBehind[fieldsBehind.count / 2], fieldsBehind.last!))
    }
}
