import CConvKernels
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the iterations of a parallel loop on the calling thread and the process's helper threads,
/// in place of `DispatchQueue.concurrentPerform`. On Linux, the first worker thread of Dispatch's
/// global pool starts a pool monitor that wakes the process every second for as long as it lives
/// (swift-corelibs-libdispatch, `_dispatch_workq_init_once`): an idle screen that had computed
/// one layer then never slept. These helpers sleep on a semaphore until there is work.
public enum Workers {
    /// Runs `body(i)` for every i in `0..<iterations`, spread over the calling thread and up to
    /// one helper per other processor; returns when all have run. Nested calls are safe: the
    /// calling thread runs whatever no helper has taken.
    public static func perform(iterations: Int, _ body: (Int) -> Void) {
        if iterations <= 1 || WorkerPool.shared.helpers == 0 {
            for i in 0..<max(0, iterations) { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let batch = Batch(iterations: iterations, body: body)
            WorkerPool.shared.run(batch)
        }
    }
}

/// One parallel loop: its iterations are claimed one at a time by whichever thread asks next.
/// Unchecked Sendable: the loop's body is not Sendable (it may capture the caller's buffers). It is
/// only called for a claimed iteration, which the caller waits for, and `release` drops it before
/// the caller returns (a helper may still hold the batch, never the body after that).
final class Batch: @unchecked Sendable {
    let iterations: Int
    /// Read and cleared under `bodyLock` only.
    nonisolated(unsafe) private var body: ((Int) -> Void)?
    private let bodyLock = Mutex(())
    private let claimed = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    /// Signalled by the helper that finishes the last iteration.
    let finished = DispatchSemaphore(value: 0)

    init(iterations: Int, body: @escaping (Int) -> Void) {
        self.iterations = iterations
        self.body = body
    }

    /// True while some iteration is not claimed yet.
    var hasWork: Bool { claimed.load(ordering: .relaxed) < iterations }

    /// Runs iterations until none is left to claim; a helper that ends the last one says so.
    func work(onCaller: Bool) {
        while case let i = claimed.add(1, ordering: .relaxed).oldValue, i < iterations {
            run(i)
            if done.add(1, ordering: .acquiringAndReleasing).newValue == iterations, !onCaller { finished.signal() }
        }
    }

    /// Calls the body for iteration `i` (its reference is let go when this returns).
    private func run(_ i: Int) {
        let call = bodyLock.withLock { _ in body }
        call?(i)
    }

    /// True once every iteration has run.
    var isFinished: Bool { done.load(ordering: .acquiring) == iterations }

    /// Drops the body once every iteration has run.
    func release() { bodyLock.withLock { _ in body = nil } }
}

/// Helper threads that sleep until a batch is posted (no timeout, no periodic wake).
final class WorkerPool: Sendable {
    /// The process's helpers: two per processor it may run on (one on a single processor). One per
    /// processor would do for one loop at a time, but a paused layer's workers sleep on theirs while
    /// a preview of the region in view runs its own loop (Dispatch's pool added threads for the same
    /// reason); each helper keeps to its processor, so each processor has a second one for the preview.
    static let shared = WorkerPool()

    let helpers: Int
    private let batches = Mutex<[Batch]>([])
    /// The processors this process may run on, where there are two or more and Linux tells:
    /// helper k keeps to place k mod their count and sleeps on that place's semaphore.
    private let processors: [Int32]
    /// One semaphore per place (one in all where `processors` is empty).
    private let wakes: [DispatchSemaphore]
    /// Helpers started so far: the next one's place.
    private let startedHelpers = Atomic<Int>(0)
    /// Batches posted so far: what a looking helper watches for a change.
    private let posted = Atomic<Int>(0)
    /// Helpers looking for a next batch instead of sleeping, at most `lookingPlaces`.
    private let spinning = Atomic<Int>(0)
    private let lookingPlaces: Int
    /// Per place, helpers looking for the next loop there: a loop wakes no one on such a place.
    private let lookingAt: [LookingCount]
    private let started = Mutex(false)
    /// Whether a helper done with its loop looks for the next one (see `SpinPolicy`): not while
    /// more threads are runnable than the cores and this process's own caller and helpers.
    let spinPolicy: SpinPolicy

    /// A pool with `helpers` helpers (by default two per processor the process may run on).
    init(helpers: Int? = nil) {
        let allowed = Self.allowedProcessors(ofProcess: true)
        let cores = allowed.isEmpty ? ProcessorCount.online : allowed.count
        self.helpers = max(0, helpers ?? (cores > 1 ? 2 * cores : 1))
        lookingPlaces = max(0, cores - 1)
        processors = allowed.count >= 2 ? allowed : []
        wakes = (0..<max(1, processors.count)).map { _ in DispatchSemaphore(value: 0) }
        lookingAt = (0..<max(1, processors.count)).map { _ in LookingCount() }
        spinPolicy = SpinPolicy(window: Self.helperSpinNanoseconds,
                                crowding: RunnableThreads(limit: ProcessorCount.online + 1 + self.helpers))
    }

    /// Runs `batch` on the caller and the helpers that are free; returns when it is finished.
    func run(_ batch: Batch) {
        startHelpers()
        spinPolicy.loopBegins()
        defer { spinPolicy.loopEnds() }
        batches.withLock { $0.append(batch) }
        posted.add(1, ordering: .releasing)
        // A helper still looking after its last loop takes this one without a wake-up; only the
        // rest are woken (one that stops looking just now is not: the caller does its share).
        wakeHelpers(min(helpers, batch.iterations - 1))
        batch.work(onCaller: true)
        batches.withLock { $0.removeAll { $0 === batch } }
        if !batch.isFinished, !Self.spin(for: Self.callerSpinNanoseconds, until: { batch.isFinished }) {
            batch.finished.wait()
        }
        batch.release()
    }

    /// How long a helper keeps looking for the next loop after its last one before it sleeps. A
    /// thread woken from sleep starts 30–80 µs late, most of a 0.1 ms layer (32² 16→16 k8), and
    /// a benchmark's or a stack's loops follow each other closer than this; an idle screen's
    /// helpers are asleep 0.2 ms after its last loop.
    static let helperSpinNanoseconds: UInt64 = 200_000
    /// How long the caller, its own share done, watches for the helpers' last iterations before
    /// it sleeps until they signal.
    static let callerSpinNanoseconds: UInt64 = 50_000

    /// Busy-waits (PAUSE) until `done` holds or `nanoseconds` have passed; returns whether it held.
    private static func spin(for nanoseconds: UInt64, until done: () -> Bool) -> Bool {
        let start = DispatchTime.now().uptimeNanoseconds
        var polls = 0
        while !done() {
            convscope_spin_pause()
            polls += 1
            // The clock is read every 64 polls (a few microseconds), not on every one.
            if polls & 63 == 0, DispatchTime.now().uptimeNanoseconds - start > nanoseconds { return done() }
        }
        return true
    }

    /// Wakes up to `count` helpers, one on each processor but the caller's: a second thread on a
    /// processor only takes turns with the first. Each helper keeps to its processor because a
    /// kernel may place a woken thread on its waker's busy processor rather than an idle one (one
    /// that packs virtual processors, as `sched_vcpu_pack` does): the two then took turns there for
    /// milliseconds while the other processor stood idle, and a 256² 16→16 k5 layer took 11.6 ms
    /// instead of 7.7 after a pause (docs/DECISIONS.md).
    private func wakeHelpers(_ count: Int) {
        guard !processors.isEmpty else {
            let looking = spinning.load(ordering: .acquiring)
            for _ in 0..<max(0, count - looking) { wakes[0].signal() }
            return
        }
        let mine = processors.firstIndex(of: convscope_current_processor())
        for place in Self.placesToWake(count, caller: mine, places: processors.count)
        where lookingAt[place].value.load(ordering: .acquiring) == 0 {
            wakes[place].signal()
        }
    }

    /// The places a loop wakes a helper on for `count` helpers wanted: each place but the
    /// caller's once, the one after the caller's first; every place when the caller's is unknown.
    static func placesToWake(_ count: Int, caller: Int?, places: Int) -> [Int] {
        guard places > 0 else { return [] }
        let others = (1...places).map { ((caller ?? 0) + $0) % places }.filter { $0 != caller }
        return Array(others.prefix(max(0, count)))
    }

    /// The processors the process (or the calling thread) may run on; empty where that cannot be read.
    static func allowedProcessors(ofProcess: Bool) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: 1024) { buffer, count in
            count = convscope_allowed_processors(buffer.baseAddress, buffer.count, ofProcess ? 1 : 0)
        }
    }

    /// The helpers' loop: keep to its place's processor; sleep until woken, help with a batch that
    /// has work, then look a little while for the next one if a looking place is free; sleep again
    /// when no batch has work.
    private func help() {
        let k = startedHelpers.add(1, ordering: .relaxed).oldValue
        let place = processors.isEmpty ? 0 : k % processors.count
        if !processors.isEmpty { _ = convscope_bind_to_processor(processors[place]) }
        while true {
            wakes[place].wait()
            // The newest loop first: its caller waits for it now (a preview's, or a loop nested in
            // an older one's iteration), where an older loop's may be paused.
            while let batch = batches.withLock({ $0.last(where: \.hasWork) }) {
                batch.work(onCaller: false)
                // Looking pays only when loops follow closely and no other thread waits for a core.
                guard spinPolicy.shouldLook() else { break }
                // At most one looking helper fewer than the processors: more would take the cores
                // from the threads running the next loop.
                guard spinning.add(1, ordering: .acquiringAndReleasing).newValue <= lookingPlaces else {
                    spinning.subtract(1, ordering: .acquiringAndReleasing)
                    break
                }
                lookingAt[place].value.add(1, ordering: .acquiringAndReleasing)
                let seen = posted.load(ordering: .acquiring)
                _ = Self.spin(for: Self.helperSpinNanoseconds) { posted.load(ordering: .acquiring) != seen }
                lookingAt[place].value.subtract(1, ordering: .acquiringAndReleasing)
                spinning.subtract(1, ordering: .acquiringAndReleasing)
                // Posted or not, the list is looked at once more: a poster that counted this helper
                // as looking did not wake anyone for its batch, and appended it before counting.
            }
        }
    }

    /// Starts the helper threads the first time there is work (they live as long as the process).
    private func startHelpers() {
        let first = started.withLock { started in defer { started = true }; return !started }
        guard first else { return }
        for _ in 0..<helpers {
            let context = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let made = pthread_create(&thread, nil, { context in
                Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue().help()
                return nil
            }, context)
            if made == 0 { pthread_detach(thread) } else { Unmanaged<WorkerPool>.fromOpaque(context).release() }
        }
    }
}

/// How many helpers look for the next loop on one place.
final class LookingCount: Sendable {
    let value = Atomic<Int>(0)
}
