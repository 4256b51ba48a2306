import Synchronization
import Testing
@testable import ConvCore

/// How often a computation asks its cancellation flag, counted rather than timed: a count does not
/// depend on how busy the machine is (the time a stop takes is the benchmark's, `CancelLatency`).
enum StopPolling {
    /// The polls a whole computation makes when its flag never says stop.
    static func polls(_ computation: (@escaping () -> Bool) throws -> Void) throws -> Int {
        let count = Atomic<Int>(0)
        try computation {
            count.add(1, ordering: .relaxed)
            return false
        }
        return count.load(ordering: .relaxed)
    }

    /// The flag says stop from the `stopAt`-th poll on. The computation must throw
    /// `ComputationCancelled`; returns how many polls saw the stop (each worker needs one).
    static func pollsAfterStop(at stopAt: Int, _ computation: (@escaping () -> Bool) throws -> Void) -> Int {
        let count = Atomic<Int>(0)
        #expect(throws: ComputationCancelled.self) {
            try computation { count.add(1, ordering: .relaxed).newValue >= stopAt }
        }
        return count.load(ordering: .relaxed) - stopAt + 1
    }

    /// At least one poll per `budget` multiply-adds on average: at ≥ 0.1 GMAC/s (a debug build on one
    /// busy core) 2^18 of them take under 3 ms, the screen's bound for leaving a stale map.
    static let budget = 1 << 18

    static func checkOften(polls: Int, multiplyAdds: Int, _ what: String) {
        #expect(polls >= multiplyAdds / budget, "\(what): \(polls) polls for \(multiplyAdds) multiply-adds")
    }
}
