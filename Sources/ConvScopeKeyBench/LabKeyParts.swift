import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// `--lab-key-parts`: where one key of a lab's course screen goes (256² 16→16 k5, random input
/// and weights, h_in stepped 256 → 257 and back as `scripts/bench_lab.py` does), step by step
/// on this thread: wall and CPU time (all threads) of each part, medians of `runs`.
func labKeyParts(runs: Int) {
    let layer = labLayer()
    let environment = RenderEnvironment(language: .en)
    var state = update(AppState(parameters: layer), .start(TerminalSize(columns: 100, rows: 30)))
    let names = ["input", "kernels", "convolution", "ComputedMaps", "frame"]
    var wall = [[Double]](repeating: [], count: names.count), cpu = wall
    let workspace = CommandLine.arguments.contains("--workspace") ? Conv2dWorkspace() : nil
    // `--engine-memory`: blocks of 1 MB and more mapped and unmapped on their own, as the run loop's engine sets.
    if CommandLine.arguments.contains("--engine-memory") { _ = Engine() }
    // `--pause MS`: the time between keys (a lab sends each screen a key a second).
    let pause = CommandLine.arguments.firstIndex(of: "--pause").flatMap { UInt32(CommandLine.arguments[$0 + 1]) }.map { $0 * 1000 }
    for run in 0...runs {
        var settings = layer
        settings.hIn = run % 2 == 0 ? 257 : 256
        state.parameters = settings
        var lap = (DispatchTime.now().uptimeNanoseconds, processCPUMilliseconds())
        func record(_ step: Int) {
            let now = (DispatchTime.now().uptimeNanoseconds, processCPUMilliseconds())
            if run > 0 { wall[step].append(Double(now.0 - lap.0) / 1e6); cpu[step].append(now.1 - lap.1) }
            lap = now
        }
        let input = settings.makeInputMaps(); record(0)
        let kernels = settings.makeKernelMaps(); record(1)
        let experiment = try! ConvExperiment(settings, input: input, kernels: kernels, workspace: workspace); record(2)
        let maps = ComputedMaps(experiment); record(3)
        _ = view(state, maps: maps, environment: environment); record(4)
        if let pause { usleep(pause) }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    print("a lab's key, 256² 16→16 k5 random, h_in 256 ↔ 257, 100×30 (median of \(runs); CPU of all threads)")
    for (i, name) in names.enumerated() {
        print(String(format: "  %@ wall %7.2f ms   CPU %7.2f ms", name.padding(toLength: 14, withPad: " ", startingAt: 0) as NSString, median(wall[i]), median(cpu[i])))
    }
    let totals = (0..<runs).map { r in names.indices.reduce(0) { $0 + wall[$1][r] } }
    let cpuTotals = (0..<runs).map { r in names.indices.reduce(0) { $0 + cpu[$1][r] } }
    print(String(format: "  %@ wall %7.2f ms   CPU %7.2f ms", "total         " as NSString, median(totals), median(cpuTotals)))
}

/// `--lab-key-engine`: the same key through the run loop's engine (a background thread, the
/// whole layer's workers, the mailbox), from the request to the frame painted with its maps.
func labKeyEngine(runs: Int) {
    let layer = labLayer()
    let environment = RenderEnvironment(language: .en)
    var state = update(AppState(parameters: layer), .start(TerminalSize(columns: 100, rows: 30)))
    let engine = Engine()
    var wall: [Double] = [], cpu: [Double] = []
    for run in 0...runs {
        var settings = layer
        settings.hIn = run % 2 == 0 ? 257 : 256
        state.parameters = settings
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUMilliseconds()
        var results = engine.request(.layer(settings, showing: nil, onScreen: nil))
        while results.isEmpty { usleep(100); results = engine.take() }
        for result in results { state = update(state, result.action) }
        _ = state.frame(environment: environment, spinner: 0)
        if run > 0 { wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6); cpu.append(processCPUMilliseconds() - startCPU) }
        usleep(50_000)
    }
    wall.sort(); cpu.sort()
    print(String(format: "engine: request → frame  wall %7.2f ms (p90 %.2f)   CPU %7.2f ms", wall[runs / 2], wall[runs * 9 / 10], cpu[runs / 2]))
}

/// The lab's layer as `scripts/bench_lab.py` starts each screen: 256² random input (start 1),
/// 16→16, a 5×5 random kernel (start 1).
func labLayer() -> Conv2dSettings {
    var p = ConvParameters()
    p.hIn = 256; p.wIn = 256; p.inChannels = 16; p.outChannels = 16; p.kernelSizeH = 5; p.kernelSizeW = 5
    p.paddingH = 0; p.paddingW = 0; p.strideH = 1; p.strideW = 1; p.dilationH = 1; p.dilationW = 1
    var layer = Conv2dSettings(p)
    layer.input = .generated(.random(start: 1))
    layer.kernel = .preset(.random(start: 1))
    return layer
}
