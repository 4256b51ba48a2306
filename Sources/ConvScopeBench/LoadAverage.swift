import Foundation

/// The machine's one-minute load average (/proc/loadavg), read before and after the run: the
/// figures of a machine busy with other work are upper bounds, and the goals are judged by a
/// run that starts and ends with it under 1.
enum LoadAverage {
    /// The one-minute load average; nil where /proc/loadavg cannot be read.
    static func oneMinute() -> Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .split(separator: " ").first.flatMap { Double($0) }
    }

    /// One line naming the load at the start and the end, and whether the run counts as quiet.
    static func line(start: Double?, end: Double?) -> String {
        guard let start, let end else { return "Load average: unknown (no /proc/loadavg)." }
        let quiet = max(start, end) < 1
        return String(format: "Load average (1 min): %.2f at the start, %.2f at the end: ", start, end)
            + (quiet ? "a quiet machine, the figures the goals are judged by."
                : "a busy machine, every time an upper bound; the goals are judged by a run with it under 1 "
                  + "from start to end (nothing else running; the whole run takes about 10 minutes on 2 cores).")
    }
}

/// The row of the whole run where convscope's time is the largest fraction of torch's, against
/// the goal that convscope is never slower than torch on any layer of the benchmark.
struct SlowestLayer {
    let title: String, ratio: Double

    /// The largest ratio among `rows` (title, convscope ms, torch ms); nil when torch was not measured.
    init?(_ rows: [(title: String, convscope: Double, torch: Double?)]) {
        let measured = rows.compactMap { row in row.torch.map { (row.title, row.convscope / $0) } }
        guard let worst = measured.max(by: { $0.1 < $1.1 }) else { return nil }
        (title, ratio) = worst
    }

    var line: String {
        String(format: "Slowest against torch: %@ at %.2f× (goal: never slower than torch on any layer, ≤ 1×) %@",
               title, ratio, ratio <= 1 ? "✓" : "✗")
    }
}
