import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// One layer the maps-in-view figure times, and the zoom its screen shows it at.
struct MapsInViewCase {
    let name: String, layer: ConvLayer, zoom: Zoom
}

/// The largest layers in range, random input and weights: key → the maps in view drawn.
func mapsInViewCases(quick: Bool) -> [MapsInViewCase] {
    let side = quick ? 256 : 1024
    func layer(_ channels: Int, _ k: Int, padding: Int = 0, mode: PaddingMode = .zeros, dilation: Int = 1) -> ConvLayer {
        var p = ConvParameters()
        p.hIn = side; p.wIn = side; p.inChannels = channels; p.outChannels = channels
        p.kernelSizeH = k; p.kernelSizeW = k; p.paddingH = padding; p.paddingW = padding
        p.strideH = 1; p.strideW = 1; p.dilationH = dilation; p.dilationW = dilation
        var settings = Conv2dSettings(p)
        settings.paddingMode = mode
        settings.input = .generated(.random(start: 0))
        settings.kernel = .preset(.random(start: 1))
        return settings
    }
    let big = layer(64, 32), reflect = layer(64, 32, padding: 31, mode: .reflect)
    let wide = layer(64, 32, padding: 15, dilation: 2), small = layer(16, 8)
    return [
        MapsInViewCase(name: "\(side)² 64→64 k32, numbers", layer: big, zoom: .numbers),
        MapsInViewCase(name: "\(side)² 64→64 k32, whole maps", layer: big, zoom: .whole),
        MapsInViewCase(name: "\(side)² 64→64 k32 reflect p31, numbers", layer: reflect, zoom: .numbers),
        MapsInViewCase(name: "\(side)² 64→64 k32 dilation 2, numbers", layer: wide, zoom: .numbers),
        MapsInViewCase(name: "\(side)² 16→16 k8, whole maps", layer: small, zoom: .whole),
    ]
}

/// Key → maps in view on a 200×60 screen: from asking the engine for a layer (what a key that
/// arrives at it does) to the frame painted with the maps the screen shows, its region of the
/// output computed first. A fresh engine each run, so nothing is kept from the run before.
func mapsInView(quick: Bool, runs: Int) {
    let environment = RenderEnvironment(language: .en)
    let size = TerminalSize(columns: 200, rows: 60)
    print("key → maps in view, 200×60, random input and weights (median of \(runs) after a warm-up)")
    for bench in mapsInViewCases(quick: quick) {
        var state = update(AppState(parameters: bench.layer), .start(size))
        state.zoomOverride = bench.zoom
        let region = state.visibleOutput(environment: environment)
        var samples: [Double] = [], cpu: [Double] = []
        for run in 0...runs {
            let engine = ComputeEngine()
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUMilliseconds()
            engine.request(bench.layer, showing: region)
            while !(engine.pollPreview() || engine.poll()) { usleep(200) }
            _ = view(state, maps: engine.shown(for: bench.layer), environment: environment)
            if run > 0 {
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                cpu.append(processCPUMilliseconds() - startCPU)
            }
            // The rest of the layer is cancelled with the engine; let its workers stop first.
            withExtendedLifetime(engine) {}
            usleep(500_000)
        }
        samples.sort(); cpu.sort()
        report("maps in view: " + bench.name, (samples[samples.count / 2], samples.last!))
        // On a shared machine the wall clock waits for a core; the CPU time is the work itself.
        print(String(format: "%-46@ CPU time (all threads) median %7.2f ms", "" as NSString, cpu[cpu.count / 2]))
    }
}

/// CPU time this process has used on all its threads, in milliseconds.
func processCPUMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let total = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec, micro = usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
    return Double(total) * 1000 + Double(micro) / 1000
}

/// Where the time of the first case goes, step by step on this thread (one run each).
func mapsInViewParts(quick: Bool) {
    let environment = RenderEnvironment(language: .en)
    for bench in mapsInViewCases(quick: quick).prefix(CommandLine.arguments.contains("--first") ? 1 : 2) {
        var state = update(AppState(parameters: bench.layer), .start(TerminalSize(columns: 200, rows: 60)))
        state.zoomOverride = bench.zoom
        guard let region = state.visibleOutput(environment: environment) else { continue }
        func step<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { print(String(format: "  %-40@ %8.2f ms", name as NSString, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)) }
            return try body()
        }
        print("\(bench.name): region \(region)")
        _ = step("input, all of it (as before)") { bench.layer.makeInputMaps() }
        let input = step("input (the rows read, or all)") { bench.layer.makePreviewInputMaps(for: region) ?? bench.layer.makeInputMaps() }
        let kernels = step("kernels") { bench.layer.makeKernelMaps() }
        let experiment = try! step("the region's output") {
            try ConvExperiment(previewOf: bench.layer, region: region, input: input, kernels: kernels)
        }
        let maps = step("ComputedMaps") { ComputedMaps(experiment) }
        _ = step("frame") { view(state, maps: maps, environment: environment) }
    }
}
