import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// One layer the maps-in-view figure times, and the zoom its screen shows it at.
struct MapsInViewCase {
    let name: String, layer: Conv2dSettings, zoom: Zoom
}

/// The largest layers in range, random input and weights: key → the maps in view drawn.
func mapsInViewCases(quick: Bool) -> [MapsInViewCase] {
    let side = quick ? 256 : 1024
    func layer(_ channels: Int, _ k: Int, padding: Int = 0, mode: PaddingMode = .zeros, dilation: Int = 1) -> Conv2dSettings {
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
    print("key → maps in view, 200×60, random input and weights (median of \(runs) after a warm-up)")
    let timings = mapsInViewCases(quick: quick).map { timeMapsInView($0, runs: runs) }
    printMapsInViewVerdict(timings)
}

/// One case's figures: median and worst key → maps in view, median CPU time, and (whole maps
/// first drawn from samples) the median key → the exact block means.
struct MapsInViewTiming {
    let name: String, median: Double, worst: Double, cpu: Double, exact: Double?
    /// False when the screen computed no maps for it (a model over the screen's limits says so instead).
    var shown = true
}

/// Times one case `runs` times after a warm-up and prints its line.
func timeMapsInView(_ bench: MapsInViewCase, runs: Int) -> MapsInViewTiming {
    let environment = RenderEnvironment(language: .en)
    var state = update(AppState(parameters: bench.layer), .start(TerminalSize(columns: 200, rows: 60)))
    state.zoomOverride = bench.zoom
    let region = state.visibleOutput(environment: environment)
    var samples: [Double] = [], cpu: [Double] = [], exact: [Double] = []
    for run in 0...runs {
        let engine = Engine()
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = processCPUMilliseconds()
        _ = engine.request(.layer(bench.layer, showing: region))
        var shown = state
        /// Waits for the next result and takes it into the state: true when it is the whole layer.
        func nextResult() -> Bool {
            while true {
                let results = engine.take()
                for result in results { shown = update(shown, result.action) }
                if results.contains(where: { if case .maps = $0 { true } else { false } }) { return true }
                if !results.isEmpty { return false }
                usleep(200)
            }
        }
        let finished = nextResult()
        _ = shown.frame(environment: environment, spinner: 0)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, used = processCPUMilliseconds() - startCPU
        // A sampled first frame: how long until its exact means (or the whole layer) replace it.
        var exactAfter: Double?
        if !finished, shown.shownMaps?.experiment.sampledPitch != nil {
            while !nextResult() && shown.shownMaps?.experiment.sampledPitch != nil {}
            exactAfter = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        if run > 0 {
            samples.append(elapsed); cpu.append(used)
            if let exactAfter { exact.append(exactAfter) }
        }
        // The rest of the layer is cancelled with the engine; let its workers stop first (a
        // whole input being drawn does not stop: its CPU time would count in the next run).
        withExtendedLifetime(engine) {}
        waitUntilIdle()
    }
    samples.sort(); cpu.sort(); exact.sort()
    let timing = MapsInViewTiming(name: bench.name, median: samples[samples.count / 2], worst: samples.last!,
                                  cpu: cpu[cpu.count / 2], exact: exact.isEmpty ? nil : exact[exact.count / 2])
    report("maps in view: " + bench.name, (timing.median, timing.worst))
    // On a shared machine the wall clock waits for a core; the CPU time is the work itself.
    print(String(format: "%-46@ CPU time (all threads) median %7.2f ms", "" as NSString, timing.cpu)
          + (timing.exact.map { String(format: "   sampled first; exact means at %.0f ms", $0) } ?? ""))
    return timing
}

/// One line: do all cases show their maps in view within the goal, how loaded the machine was,
/// and (loaded) what the final run needs.
func printMapsInViewVerdict(_ timings: [MapsInViewTiming], goal: Double = 100) {
    let slow = timings.filter { $0.median > goal }, slowCPU = timings.filter { $0.cpu > goal }
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let loaded = (Double(load) ?? 0) > 1
    let verdict = slow.isEmpty
        ? "PASS — all \(timings.count) cases' median key → maps in view ≤ \(Int(goal)) ms"
        : "FAIL — \(slow.count) of \(timings.count) cases over \(Int(goal)) ms ("
            + slow.map { "\($0.name) \(Int($0.median)) ms" }.joined(separator: "; ") + ")"
    print("verdict: \(verdict); CPU time ≤ \(Int(goal)) ms in \(timings.count - slowCPU.count) of \(timings.count); load average \(load) on \(cores) cores"
          + (loaded ? " — loaded: the goal is judged on a quiet machine (load average < 1), run this again there" : ""))
}

/// Returns once this process has used under 5 ms of CPU time in 100 ms (at most 3 s).
func waitUntilIdle() {
    for _ in 0..<30 {
        let before = processCPUMilliseconds()
        usleep(100_000)
        if processCPUMilliseconds() - before < 5 { return }
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
    let all = mapsInViewCases(quick: quick) + mapsInViewGrid(quick: quick)
    let chosen = CommandLine.arguments.firstIndex(of: "--case").flatMap { Int(CommandLine.arguments[$0 + 1]) }
    for bench in chosen.map({ [all[$0]] }) ?? Array(all.prefix(CommandLine.arguments.contains("--first") ? 1 : 2)) {
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
        let grid = region.block > 1 ? SampledGrid(region: region, spec: bench.layer.spec) : nil
        let input = step(grid.map { "input (the samples' reads; pitch \($0.pitch))" } ?? "input (the rows read, or all)") {
            grid.flatMap { bench.layer.makeSampledInputMaps(for: $0) } ?? bench.layer.makePreviewInputMaps(for: region)
                ?? bench.layer.makeInputMaps()
        }
        _ = step("kernels, all of them (as before)") { bench.layer.makeKernelMaps() }
        let kernels = step("kernels (output channels \(bench.layer.previewOutputChannels(for: region)))") {
            bench.layer.makePreviewKernelMaps(for: region) ?? bench.layer.makeKernelMaps()
        }
        let experiment = try! step(grid == nil ? "the region's output" : "the samples") {
            try grid.map { try ConvExperiment(sampledPreviewOf: bench.layer, region: region, grid: $0, input: input, kernels: kernels) }
                ?? ConvExperiment(previewOf: bench.layer, region: region, input: input, kernels: kernels)
        }
        let maps = step("ComputedMaps") { ComputedMaps(experiment) }
        _ = step("frame") { view(state, maps: maps, environment: environment) }
    }
}
