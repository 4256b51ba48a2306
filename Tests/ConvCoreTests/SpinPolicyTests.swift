import Foundation
import Testing
@testable import ConvCore

/// When a helper done with its loop looks for the next one: only after a short gap between loops,
/// and only when no other thread of the machine waits for a core.
@Suite("Helpers look for the next loop only when it pays")
struct SpinPolicyTests {
    /// A loadavg file saying `running` threads are runnable.
    static func loadavg(running: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loadavg-\(UUID().uuidString)").path
        try "0.20 1.24 1.98 \(running)/512 12345\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `body` with a policy of a 0.2 ms window (10 ms memory), busy above 2 runnable threads, `running` threads runnable.
    static func withPolicy(running: Int, _ body: (SpinPolicy) -> Void) throws {
        let path = try loadavg(running: running)
        defer { try? FileManager.default.removeItem(atPath: path) }
        body(SpinPolicy(window: 200_000, crowding: RunnableThreads(limit: 2, path: path)))
    }

    @Test("the running count is read from loadavg's fourth field; nil when it has none")
    func runningCount() {
        #expect(RunnableThreads.runnable(line: "0.20 1.24 1.98 3/512 12345\n") == 3)
        #expect(RunnableThreads.runnable(line: "7.01 6.50 5.00 17/1024 99") == 17)
        #expect(RunnableThreads.runnable(line: "0.20 1.24 1.98") == nil)
        #expect(RunnableThreads.runnable(line: "") == nil)
        #expect(RunnableThreads.runnable(path: "/nonexistent/loadavg") == nil)
    }

    @Test("busy when more threads are runnable than the limit; a missing file says free")
    func busyCores() throws {
        let crowded = try Self.loadavg(running: 3), calm = try Self.loadavg(running: 2)
        defer { try? FileManager.default.removeItem(atPath: crowded); try? FileManager.default.removeItem(atPath: calm) }
        #expect(RunnableThreads(limit: 2, path: crowded).coresAreBusy)
        #expect(!RunnableThreads(limit: 2, path: calm).coresAreBusy)
        #expect(!RunnableThreads(limit: 2, path: "/nonexistent/loadavg").coresAreBusy)
    }

    @Test("the file is read again only after the interval: a long interval keeps the first answer")
    func readAtMostEveryInterval() throws {
        let path = try Self.loadavg(running: 9)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let kept = RunnableThreads(interval: UInt64.max / 2, limit: 2, path: path)
        let fresh = RunnableThreads(interval: 0, limit: 2, path: path)
        #expect(kept.coresAreBusy && fresh.coresAreBusy)
        try "0.20 1.24 1.98 1/512 12345\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(kept.coresAreBusy, "not read again within the interval")
        #expect(!fresh.coresAreBusy, "read again once the interval has passed")
    }

    @Test("helpers look only while loops have lately followed each other within the window")
    func lookAfterCloseLoops() throws {
        try Self.withPolicy(running: 1) { policy in
            policy.loopBegins(at: 1_000_000)
            #expect(!policy.shouldLook(at: 1_100_000), "the first loop follows none")
            policy.loopEnds(at: 2_000_000)
            policy.loopBegins(at: 2_150_000)
            #expect(policy.shouldLook(at: 2_300_000), "0.15 ms after the last one")
            policy.loopEnds(at: 3_000_000)
            policy.loopBegins(at: 6_000_000)
            #expect(policy.shouldLook(at: 6_500_000), "a longer gap within a burst of close loops (a layer's next run)")
            policy.loopEnds(at: 7_000_000)
            policy.loopBegins(at: 900_000_000)
            #expect(!policy.shouldLook(at: 901_000_000), "a key's loop a second later: no close loop for 0.9 s")
        }
    }

    @Test("helpers never look while other threads wait for the cores, however close the loops")
    func noLookingOnABusyMachine() throws {
        try Self.withPolicy(running: 5) { policy in
            policy.loopEnds(at: 1_000_000)
            policy.loopBegins(at: 1_010_000)
            #expect(!policy.shouldLook(at: 1_020_000))
        }
    }
}
