#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes the run loop's wait for input from another thread: a background computation that
/// finished, a signal. An idle screen then waits on the terminal and this pipe alone, and
/// wakes for nothing else (no timeout: 0 % CPU while nothing happens).
public final class LoopWakeup: Sendable {
    /// The process's one wakeup: one run loop runs at a time.
    public static let shared = LoopWakeup()

    /// The end to wait on (readable once woken); -1 when the pipe could not be made, and the
    /// loop then waits with a timeout as it did before.
    public let fileDescriptor: Int32
    private let writeEnd: Int32

    private init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { (fileDescriptor, writeEnd) = (-1, -1); return }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        (fileDescriptor, writeEnd) = (ends[0], ends[1])
    }

    /// Makes the waiting side readable (safe from any thread; a full pipe is already awake).
    public func wake() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe after a wait, so the next wait blocks again.
    public func drain() {
        guard fileDescriptor >= 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(fileDescriptor, &bytes, bytes.count) > 0 {}
    }
}
