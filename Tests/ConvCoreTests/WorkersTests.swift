import ConvCore
import Synchronization
import Testing

/// The parallel loops' helper threads: every iteration runs once, nested loops finish.
@Suite("Parallel loops on the helper threads")
struct WorkersTests {
    @Test("each of a thousand iterations runs exactly once, and all before perform returns")
    func everyIterationOnce() {
        let counts = Mutex([Int](repeating: 0, count: 1000))
        Workers.perform(iterations: 1000) { i in counts.withLock { $0[i] += 1 } }
        #expect(counts.withLock { $0 } == [Int](repeating: 1, count: 1000))
    }

    @Test("a loop inside a loop's iterations finishes (the caller runs what no helper takes)")
    func nestedLoops() {
        let total = Atomic<Int>(0)
        Workers.perform(iterations: 8) { _ in
            Workers.perform(iterations: 50) { i in total.add(i, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 8 * (0..<50).reduce(0, +))
    }

    @Test("zero and one iteration run on the caller")
    func trivialLoops() {
        var ran: [Int] = []
        Workers.perform(iterations: 0) { ran.append($0) }
        Workers.perform(iterations: 1) { ran.append($0) }
        #expect(ran == [0])
    }

    @Test("thousands of short loops back to back, as a benchmark posts them to looking helpers: every iteration once")
    func shortLoopsBackToBack() {
        let total = Atomic<Int>(0)
        for loop in 0..<3000 {
            Workers.perform(iterations: 2 + loop % 3) { i in total.add(i + 1, ordering: .relaxed) }
        }
        // Loop l adds 1 + 2 + … + (2 + l % 3): 3, 6 or 10.
        #expect(total.load(ordering: .relaxed) == 1000 * (3 + 6 + 10))
    }
}
