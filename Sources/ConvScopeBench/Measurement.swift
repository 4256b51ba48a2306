import ConvCore
import Foundation

/// A median time and the peak resident memory of the process that measured it.
struct Measurement {
    /// Median over the runs, scaled to the whole layer, in milliseconds.
    var medianMilliseconds: Double
    /// Peak resident set size in MiB.
    var peakMiB: Double
    /// The fastest run, scaled like the median (nil where not reported): on a machine others
    /// load, the run they disturbed least, for comparing two kernels.
    var fastestMilliseconds: Double?

    /// The child's one-line answer: `median_ms=… peak_kib=…`.
    var line: String {
        String(format: "median_ms=%.4f peak_kib=%.0f", medianMilliseconds, peakMiB * 1024)
            + (fastestMilliseconds.map { String(format: " fastest_ms=%.4f", $0) } ?? "")
    }

    init(medianMilliseconds: Double, peakMiB: Double, fastestMilliseconds: Double? = nil) {
        self.medianMilliseconds = medianMilliseconds; self.peakMiB = peakMiB; self.fastestMilliseconds = fastestMilliseconds
    }

    /// The median time of several measurements of one workload, and the largest peak.
    init(medianOf rounds: [Measurement]) {
        self.init(medianMilliseconds: median(rounds.map(\.medianMilliseconds)), peakMiB: rounds.map(\.peakMiB).max() ?? 0)
    }

    /// Parses `line` (the torch script prints the same); nil for anything else.
    init?(line: String) {
        var fields: [String: Double] = [:]
        for pair in line.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { fields[String(parts[0])] = value }
        }
        guard let median = fields["median_ms"], let peak = fields["peak_kib"] else { return nil }
        self.init(medianMilliseconds: median, peakMiB: peak / 1024)
    }

    /// Times convscope's `Conv2dForward` on the workload in this process (one warm-up run first).
    static func convscope(_ workload: Workload, threads: Int) throws -> Measurement {
        let (input, weights) = workload.makeTensors()
        let spec = workload.spec
        let workspace = Conv2dWorkspace()
        let clock = ContinuousClock()
        var times: [Double] = []
        for run in 0...workload.runs {
            let elapsed = try clock.measure {
                _ = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: threads, workspace: workspace)
            }
            if run > 0 { times.append(elapsed.milliseconds) }
        }
        return Measurement(medianMilliseconds: median(times) * workload.scale, peakMiB: peakResidentMiB(),
                           fastestMilliseconds: (times.min() ?? .nan) * workload.scale)
    }

    /// Peak resident set size of this process so far (Linux reports KiB).
    static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF_ID, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

#if canImport(Glibc)
private let RUSAGE_SELF_ID = Int32(RUSAGE_SELF.rawValue)
#else
private let RUSAGE_SELF_ID = RUSAGE_SELF
#endif

/// The middle value (mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
