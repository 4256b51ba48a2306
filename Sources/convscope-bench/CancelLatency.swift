import ConvCore
import Dispatch
import Foundation
import Synchronization

/// How long a general-path computation keeps running after its cancel flag is set from another
/// thread: the TUI drops stale layers this way (goal: within 10 ms).
enum CancelLatency {
    /// Median stop latency over `trials` cancellations of the workload, flag set `after` its start.
    static func measure(_ workload: Workload, threads: Int, trials: Int, after: Duration) throws -> Duration {
        let (input, weights) = workload.makeTensors()
        let spec = workload.spec
        var latencies: [Duration] = []
        for _ in 0..<trials {
            let flag = Atomic<Bool>(false)
            let setAt = Mutex<ContinuousClock.Instant?>(nil)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                Thread.sleep(forTimeInterval: Double(after.components.seconds) + Double(after.components.attoseconds) / 1e18)
                setAt.withLock { $0 = .now }
                flag.store(true, ordering: .relaxed)
                done.signal()
            }
            do {
                _ = try Conv2dForward.run(input: input, weights: weights, spec: spec, threads: threads,
                                          isCancelled: { flag.load(ordering: .relaxed) })
            } catch is ComputationCancelled {}
            let stoppedAt = ContinuousClock.now
            done.wait()
            let set = setAt.withLock { $0! }
            latencies.append(stoppedAt > set ? stoppedAt - set : .zero)
        }
        return latencies.sorted()[latencies.count / 2]
    }
}
