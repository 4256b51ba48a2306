import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a helper that finished its share of a loop should keep looking for the next loop
/// (`WorkerPool.helperSpinNanoseconds`) instead of sleeping at once. Looking pays only when loops
/// follow each other closely (a benchmark's, a stack's) and only when the core is free: in a lab
/// of 30 screens on two cores the next loop of a key comes much later, and a looking helper took
/// its core from another screen's key.
final class SpinPolicy: Sendable {
    /// How close the next loop must follow the last for looking to pay.
    let window: UInt64
    /// How long after loops last followed closely helpers go on looking: a layer's loops come in
    /// bursts (a short gap between its packing and its rows, a longer one between two runs).
    let memory: UInt64
    /// When the last loop ended (uptime nanoseconds; 0 before the first).
    private let lastEnd = Atomic<UInt64>(0)
    /// When a loop last began within `window` of the one before it (0: never).
    private let lastCloseStart = Atomic<UInt64>(0)
    private let crowding: RunnableThreads

    init(window: UInt64, memory: UInt64 = 10_000_000, crowding: RunnableThreads) {
        (self.window, self.memory, self.crowding) = (window, memory, crowding)
    }

    /// A loop begins at `now`: notes whether it followed the last one within the window.
    func loopBegins(at now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        let end = lastEnd.load(ordering: .relaxed)
        if end != 0, now &- end <= window { lastCloseStart.store(now, ordering: .relaxed) }
    }

    /// A loop ended at `now`.
    func loopEnds(at now: UInt64 = DispatchTime.now().uptimeNanoseconds) { lastEnd.store(now, ordering: .relaxed) }

    /// True when a helper done at `now` should look for the next loop: loops followed each other
    /// closely within the last `memory` nanoseconds and the machine's other work does not crowd the cores.
    func shouldLook(at now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Bool {
        let close = lastCloseStart.load(ordering: .relaxed)
        return close != 0 && now &- close <= memory && !crowding.coresAreBusy
    }
}

/// The machine's runnable threads against a limit, read from /proc/loadavg's fourth field
/// ("running/total") at most every `interval` nanoseconds; never busy where that file is missing.
/// The count includes this process's own threads (a loop's caller and helpers, up to one more
/// than twice the cores): the limit leaves room for them, so only other work makes it busy.
final class RunnableThreads: Sendable {
    let interval: UInt64
    private let readAt = Atomic<UInt64>(0)
    private let busy = Atomic<Bool>(false)
    private let limit: Int
    private let path: String

    init(interval: UInt64 = 100_000_000, limit: Int, path: String = "/proc/loadavg") {
        (self.interval, self.limit, self.path) = (interval, max(1, limit), path)
    }

    /// True when more threads are runnable than the limit (the reader counts itself).
    var coresAreBusy: Bool {
        let now = DispatchTime.now().uptimeNanoseconds, last = readAt.load(ordering: .relaxed)
        if last == 0 || now &- last >= interval, readAt.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged {
            busy.store((Self.runnable(path: path) ?? 0) > limit, ordering: .relaxed)
        }
        return busy.load(ordering: .relaxed)
    }

    /// The running count of a loadavg line such as "0.20 1.24 1.98 3/512 12345"; nil when unreadable.
    static func runnable(path: String) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 128)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return runnable(line: String(decoding: bytes[0..<count], as: UTF8.self))
    }

    /// The running count of a loadavg line; nil when it has no "running/total" field.
    static func runnable(line: String) -> Int? {
        let fields = line.split(separator: " ")
        guard fields.count >= 4, let slash = fields[3].firstIndex(of: "/") else { return nil }
        return Int(fields[3][..<slash])
    }
}
