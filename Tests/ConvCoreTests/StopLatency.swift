import Foundation
import Synchronization
import Testing
@testable import ConvCore

/// How long a computation takes to stop once its cancellation flag is set from another thread:
/// measured from the flag's store to the last poll that saw it, `trials` times, one at a time.
enum StopLatency {
    /// Runs `computation` with a flag set `after` microseconds; each run must throw `ComputationCancelled`.
    static func measure(trials: Int = 5, after microseconds: UInt32,
                        _ computation: (@escaping () -> Bool) throws -> Void) throws -> [Duration] {
        var latencies: [Duration] = []
        for _ in 0..<trials {
            let flag = Atomic<Bool>(false)
            let setAt = Mutex<ContinuousClock.Instant?>(nil), lastSeen = Mutex<ContinuousClock.Instant?>(nil)
            // A thread of its own: a busy Dispatch pool could hold a queued block back.
            let timer = Thread {
                usleep(microseconds)
                setAt.withLock { $0 = .now }
                flag.store(true, ordering: .relaxed)
            }
            timer.start()
            #expect(throws: ComputationCancelled.self) {
                try computation {
                    guard flag.load(ordering: .relaxed) else { return false }
                    lastSeen.withLock { $0 = .now }
                    return true
                }
            }
            let set = try #require(setAt.withLock { $0 }), seen = try #require(lastSeen.withLock { $0 })
            latencies.append(seen - set)
        }
        return latencies
    }

    /// The best stop shows what the polling allows; the median also carries the scheduler's
    /// delays on a busy machine, so its bound is looser.
    static func check(_ latencies: [Duration]) {
        let sorted = latencies.sorted()
        #expect(sorted[0] < .milliseconds(10), "stop latencies \(latencies)")
        #expect(sorted[sorted.count / 2] < .milliseconds(50), "stop latencies \(latencies)")
    }
}
