import ConvCore
import Foundation

/// Measures every figure (each convscope workload in a child process of its own, so its peak RSS
/// is its own) and formats the report.
struct Runner {
    let threads: Int
    /// Children measure the direct path only (`--direct`).
    var direct = false
    /// Children never take the FFT path (`--no-fft`).
    var noFFT = false
    /// Children never take the Winograd path (`--no-winograd`).
    var noWinograd = false
    /// Children take the FFT path wherever it can compute the layer (`--fft`).
    var fft = false
    /// Children run this direct kernel on every layer (`--kernel`), nil: each layer's choice.
    var kernel: String?
    let torch: TorchRunner?
    /// Alternating rounds per pair of figures (one with --quick).
    static let rounds = 5

    func report(quick: Bool) throws -> String {
        let figures = Figure.table(quick: quick)
        let sizes = Figure.scalingSizes(quick: quick)
        let scaling = sizes.map { Figure.scaling(size: $0, quick: quick) }
        // Each pair is measured back to back, so both see the same load on a shared machine, and
        // in `rounds` alternating rounds (convscope, torch, convscope, torch, …): a neighbour's
        // burst on a shared machine then falls on both sides instead of on one. Each side's
        // figure is the median of its rounds' medians.
        let pairs = zip(figures.map(\.convscope) + scaling, figures.map(\.torch) + scaling)
        let rounds = quick ? 1 : Self.rounds
        let roundsOfPair = figures.map { quick ? 1 : $0.rounds ?? rounds } + scaling.map { _ in rounds }
        var ours: [Measurement] = [], torchResults: [Measurement?] = []
        var torchVersion: String?
        let peak = MachinePeak.measure()
        let loadAtStart = LoadAverage.oneMinute()
        for ((mine, theirs), pairRounds) in zip(pairs, roundsOfPair) {
            var mineRounds: [Measurement] = [], theirRounds: [Measurement] = []
            for _ in 0..<pairRounds {
                mineRounds.append(try measureInChild(mine))
                let answer = try torch?.measure([theirs])
                torchVersion = answer?.version ?? torchVersion
                if let result = answer?.results.first ?? nil { theirRounds.append(result) }
            }
            ours.append(Measurement(medianOf: mineRounds))
            torchResults.append(theirRounds.isEmpty ? nil : Measurement(medianOf: theirRounds))
        }

        let loadAtEnd = LoadAverage.oneMinute()
        var lines = machineLines(torchVersion: torchVersion, rounds: rounds, peak: peak)
        lines.append(LoadAverage.line(start: loadAtStart, end: loadAtEnd))
        lines.append("")
        lines.append("| figure | convscope | torch | convscope / torch | goal | GFLOP/s convscope | GFLOP/s torch "
            + "| convscope's path | peak RSS convscope | peak RSS torch |")
        lines.append("|---|---:|---:|---:|---|---:|---:|---|---:|---:|")
        for (i, figure) in figures.enumerated() {
            let mine = ours[i], other = torchResults[i]
            let ratio = other.map { mine.medianMilliseconds / $0.medianMilliseconds }
            let verdict = figure.goal.flatMap { $0.holds(convscope: mine.medianMilliseconds, torch: other?.medianMilliseconds) }
            let goal = figure.goal.map { "\($0.text) \(verdict.map { $0 ? "✓" : "✗" } ?? "?")" } ?? "—"
            lines.append("| \(figure.title) | \(time(mine.medianMilliseconds)) | \(other.map { time($0.medianMilliseconds) } ?? "—") | "
                + "\(ratio.map { String(format: "%.2f×", $0) } ?? "—") | \(goal) | \(gflops(figure.convscope, mine)) | "
                + "\(other.map { gflops(figure.torch, $0) } ?? "—") | \(path(figure.convscope)) | "
                + "\(mib(mine.peakMiB)) | \(other.map { mib($0.peakMiB) } ?? "—") |")
        }
        let large = figures[1].convscope
        let perChannel = ours[1].medianMilliseconds / Double(large.outChannels)
        lines.append("")
        lines.append("\(figures[1].title): \(time(perChannel)) per output channel (whole plane); "
            + (large.band.map { "the layer extrapolated from \($0) of \(large.outputRows) output rows." } ?? "the whole layer."))
        let latency = try CancelLatency.measure(
            large, threads: threads, trials: quick ? 1 : 5, after: .milliseconds(quick ? 2 : 300))
        lines.append("Cancelled \(quick ? "after 2 ms" : "after 300 ms") from another thread, the same layer stops "
            + String(format: "%.2f ms", latency.milliseconds) + " later (median; goal ≤ 10 ms).")
        lines.append("")
        lines.append("Cost versus size, general path 16→16 k8 random (median ms):")
        lines.append("")
        lines.append("| size | " + sizes.map { "\($0)²" }.joined(separator: " | ") + " | exponent |")
        lines.append("|---|" + String(repeating: "---:|", count: sizes.count + 1))
        let mineScaling = Array(ours[figures.count...]).map(\.medianMilliseconds)
        lines.append("| convscope | " + mineScaling.map { String(format: "%.2f", $0) }.joined(separator: " | ")
            + " | \(String(format: "%.2f", fittedExponent(sizes, mineScaling))) |")
        let torchScaling = Array(torchResults[figures.count...]).map { $0?.medianMilliseconds }
        if torchScaling.allSatisfy({ $0 != nil }) {
            let values = torchScaling.map { $0! }
            lines.append("| torch | " + values.map { String(format: "%.2f", $0) }.joined(separator: " | ")
                + " | \(String(format: "%.2f", fittedExponent(sizes, values))) |")
            lines.append("| convscope / torch | " + zip(mineScaling, values).map { String(format: "%.2f×", $0 / $1) }
                .joined(separator: " | ") + " | |")
        }
        let rows = figures.indices.map { (figures[$0].title, ours[$0].medianMilliseconds, torchResults[$0]?.medianMilliseconds) }
            + sizes.indices.map { ("general \(sizes[$0])² 16→16 k8, random", mineScaling[$0], torchScaling[$0]) }
        if let slowest = SlowestLayer(rows) {
            lines.append("")
            lines.append(slowest.line)
        }
        return lines.joined(separator: "\n")
    }

    /// Runs this executable again with `--measure`, so the workload's peak RSS is its own.
    func measureInChild(_ workload: Workload) throws -> Measurement {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let result = try Subprocess.run(me, ["--threads", String(threads)] + (direct ? ["--direct"] : [])
            + (noFFT ? ["--no-fft"] : []) + (noWinograd ? ["--no-winograd"] : []) + (fft ? ["--fft"] : [])
            + (kernel.map { ["--kernel", $0] } ?? []) + ["--measure", workload.argument])
        guard result.status == 0, let measurement = Measurement(line: result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchError(message: "measuring \(workload.argument) failed (exit \(result.status))") }
        return measurement
    }

    /// Direct-equivalent GFLOP/s of a measured workload (its whole layer's flops over the time).
    func gflops(_ workload: Workload, _ measured: Measurement) -> String {
        String(format: "%.0f", workload.directFlops / (measured.medianMilliseconds * 1e6))
    }

    /// The algorithm convscope's general path takes for the workload (random values are integers).
    func path(_ workload: Workload) -> String {
        if workload.weights == .ones { return "window sums" }
        // Only a layer the FFT leaves to the direct path may take the Winograd path, by its values.
        let withoutValues = GeneralPathChoice.describe(workload.spec)
        guard withoutValues == "direct" else { return withoutValues }
        let (input, weights) = workload.makeTensors()
        return GeneralPathChoice.describe(workload.spec, input: input, weights: weights)
    }

    func machineLines(torchVersion: String?, rounds: Int, peak: MachinePeak) -> [String] {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return [
            "Machine: \(ProcessorCount.online) cores (nproc), \(cpu); convscope's kernel: \(InstructionSet.name); "
                + "threads: \(threads) for both.",
            String(format: "Peak (float32 FMA): %d cores × %d lanes per cycle (%d-bit vectors; measured %.1f) × 2 × "
                + "%.2f GHz (measured) = %.0f GFLOP/s; with --threads %d: %.0f GFLOP/s.",
                peak.cores, peak.lanesPerCycle, peak.vectorBits, peak.measuredLanesPerCycle, peak.clockGHz, peak.gflops,
                threads, peak.gflops * Double(threads) / Double(max(1, peak.cores))),
            torchVersion.map { "torch \($0), torch.set_num_threads(\(threads)), F.conv2d on the same tensors." }
                ?? "torch: not measured (not installed, or --no-torch).",
            "Medians after one warm-up run, each side's the median of \(rounds) alternating rounds (one process each); "
                + "except where a row says one round; GFLOP/s count the direct convolution's 2 flops per multiply-add "
                + "whatever the path.",
        ]
    }
}

/// Least-squares slope of log(time) against log(size).
func fittedExponent(_ sizes: [Int], _ times: [Double]) -> Double {
    let xs = sizes.map { log(Double($0)) }, ys = times.map { log(max($0, 1e-9)) }
    let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
    let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
    return sxy / sxx
}

/// Milliseconds below a second, seconds above.
func time(_ ms: Double) -> String {
    ms < 1000 ? String(format: "%.2f ms", ms) : String(format: "%.2f s", ms / 1000)
}

/// MiB, no decimals.
func mib(_ value: Double) -> String { String(format: "%.0f MiB", value) }

/// A failed measurement, as one line.
struct BenchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
