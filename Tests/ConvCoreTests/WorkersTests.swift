import CConvKernels
@testable import ConvCore
import Dispatch
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

    @Test("a loop wakes a helper on each processor but its caller's, the next one first, as many as it wants")
    func placesToWake() {
        #expect(WorkerPool.placesToWake(3, caller: 0, places: 2) == [1])
        #expect(WorkerPool.placesToWake(3, caller: 1, places: 2) == [0])
        #expect(WorkerPool.placesToWake(2, caller: 2, places: 4) == [3, 0])
        #expect(WorkerPool.placesToWake(7, caller: 2, places: 4) == [3, 0, 1])
        #expect(WorkerPool.placesToWake(0, caller: 0, places: 2) == [])
        // The caller's processor unknown (not among the places): every place.
        #expect(WorkerPool.placesToWake(5, caller: nil, places: 3) == [1, 2, 0])
        #expect(WorkerPool.placesToWake(1, caller: nil, places: 3) == [1])
        #expect(WorkerPool.placesToWake(2, caller: 0, places: 0) == [])
    }

    /// The processors the calling thread may run on.
    static func allowedProcessors() -> [Int32] { WorkerPool.allowedProcessors(ofProcess: false) }

    #if os(Linux)
    @Test("each helper keeps to one processor, and a loop's helpers run beside its caller's processor",
          .enabled(if: allowedProcessors().count >= 2, "one processor: nothing to spread over"))
    func helpersKeepToProcessors() throws {
        let allowed = Self.allowedProcessors()
        // Per caller's processor: per helper thread that ran an iteration, the processors it may run on.
        let seen = Mutex<[Int32: [UInt: [Int32]]]>([:])
        for callerProcessor in allowed.prefix(2) {
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                defer { done.signal() }
                guard convscope_bind_to_processor(callerProcessor) == 0 else { return }
                let caller = pthread_self()
                for _ in 0..<100 {
                    Workers.perform(iterations: 8) { _ in
                        let me = pthread_self()
                        if pthread_equal(me, caller) == 0 {
                            let mine = Self.allowedProcessors()
                            seen.withLock { $0[callerProcessor, default: [:]][UInt(me)] = mine }
                        }
                        // A little work, so that the helpers woken for the loop take part.
                        let start = DispatchTime.now().uptimeNanoseconds
                        while DispatchTime.now().uptimeNanoseconds - start < 50_000 { convscope_spin_pause() }
                    }
                }
            }
            thread.start()
            done.wait()
        }
        let byCaller = seen.withLock { $0 }
        try #require(byCaller.count == 2, "helpers ran for the callers on \(byCaller.keys.sorted())")
        for (callerProcessor, masks) in byCaller {
            #expect(masks.values.allSatisfy { $0.count == 1 }, "a helper may run on \(masks)")
            #expect(masks.values.contains { $0 != [callerProcessor] }, "no helper beside the caller's processor \(callerProcessor): \(masks)")
        }
        #expect(Set(byCaller.values.flatMap(\.values).flatMap { $0 }).count >= 2)
    }
    #endif
}
