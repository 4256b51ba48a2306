import ConvCore
import Foundation
import Synchronization

/// How long a general-path computation keeps running after its cancel flag is set from another
/// thread: the TUI drops stale layers this way (goal: within 10 ms).
enum CancelLatency {
    /// Median stop latency over `trials` cancellations of the workload, flag set `after` its start:
    /// from the flag's store to the last worker's check that saw it.
    static func measure(_ workload: Workload, threads: Int, trials: Int, after: Duration) throws -> Duration {
        let (input, weights) = workload.makeTensors()
        let spec = workload.spec
        var latencies: [Duration] = []
        for _ in 0..<trials {
            let flag = Atomic<Bool>(false)
            let setAt = Mutex<ContinuousClock.Instant?>(nil), lastSeen = Mutex<ContinuousClock.Instant?>(nil)
            // A thread of its own: a busy Dispatch pool could hold a queued block back.
            let timer = Thread {
                Thread.sleep(forTimeInterval: Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
                setAt.withLock { $0 = .now }
                flag.store(true, ordering: .relaxed)
            }
            timer.start()
            do {
                // Each worker stops at its first `true`: the latest such answer is when the last one stopped.
                _ = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: threads) {
                    guard flag.load(ordering: .relaxed) else { return false }
                    lastSeen.withLock { $0 = .now }
                    return true
                }
            } catch is ComputationCancelled {}
            guard let set = setAt.withLock({ $0 }), let seen = lastSeen.withLock({ $0 }) else {
                throw BenchError(message: "the layer finished before it was cancelled; cancel it sooner")
            }
            latencies.append(seen - set)
        }
        return latencies.sorted()[latencies.count / 2]
    }
}
