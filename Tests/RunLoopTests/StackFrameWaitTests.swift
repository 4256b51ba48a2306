import Foundation
import Testing
@testable import ConvScopeRuntime

/// The stack job's pause after the selected layer's values: it lasts until the loop has taken
/// them and come back once (so has drawn them), not until its time limit.
@Suite("The stack job waits for the selected layer's frame")
struct StackFrameWaitTests {
    @Test func theWaitEndsOnTheLoopsSecondTakeNotOnItsLimit() {
        let wanted = WantedLayer(2), mark = wanted.takes
        let ended = Finished()
        Thread.detachNewThread {
            wanted.waitForTheFrame(after: mark, limit: 600, isCancelled: { false })
            ended.set()
        }
        wanted.loopTook()  // the take that hands the values to the loop
        wanted.loopTook()  // the loop is back after drawing them
        let deadline = ContinuousClock.now + .seconds(60)
        while !ended.isSet && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.001) }
        #expect(ended.isSet, "the wait ended with the second take, long before its 600 s limit")
    }

    @Test func aCancelledJobStopsWaiting() {
        let wanted = WantedLayer(0)
        // Nobody takes anything: only the cancellation ends the wait.
        wanted.waitForTheFrame(after: wanted.takes, limit: 600, isCancelled: { true })
        #expect(wanted.takes == 0)
    }
}

/// A flag one thread sets and another reads.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func set() { lock.lock(); done = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
}
