import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file being written, as a C string a signal handler may read: unlink(2) is
/// async-signal-safe, Swift strings and locks are not. One temporary file at a time (the main
/// thread writes exports, state and -o files one after another).
private nonisolated(unsafe) let signalSafePath = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
private let signalSafePathIsSet = Atomic<Bool>(false)
/// Held from a temporary file's creation to its removal. Two writes at once from two threads (the
/// tests save state files in parallel) would share the one path buffer: one would rename the
/// other's file to its name and leave its own name without a file.
private let oneAtATime = DispatchSemaphore(value: 1)

/// SIGINT, SIGTERM or SIGHUP during a write: remove the temporary file, then die of the signal
/// as if we had no handler (so the shell still sees 130, 143 or 129).
private let removeTemporaryFileAndDie: @convention(c) (Int32) -> Void = { number in
    if signalSafePathIsSet.load(ordering: .sequentiallyConsistent) { unlink(signalSafePath) }
    signal(number, SIG_DFL)
    raise(number)
}

/// A hidden `.convscope-` file (mkstemp's six random characters after the dash) being written next
/// to its final name, removed by `remove()` on every
/// path out and by a signal handler if the process is interrupted. Signals the process already
/// handles (the TUI watches them itself and ignores them) keep their handlers.
final class PendingTemporaryFile {
    let fd: Int32
    let path: String
    private var displaced: [Int32] = []

    /// Creates the file (mode 0600 until the caller gives it its final mode).
    init(directory: String, path finalPath: String) throws {
        // mkstemp replaces the trailing six X with random characters.
        let template = Array((directory + "/.convscope-" + String(repeating: "X", count: 6)).utf8CString)
        guard template.count <= Int(PATH_MAX) else { throw FileWriteError(path: finalPath, reason: String(cString: strerror(ENAMETOOLONG))) }
        oneAtATime.wait()
        template.withUnsafeBufferPointer { signalSafePath.update(from: $0.baseAddress!, count: $0.count) }
        // Armed before the file exists, so no signal can fall between its creation and the handler.
        signalSafePathIsSet.store(true, ordering: .sequentiallyConsistent)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number, removeTemporaryFileAndDie)
            if previous == nil { displaced.append(number) } else { signal(number, previous) }
        }
        fd = mkstemp(signalSafePath)
        path = String(cString: signalSafePath)
        guard fd >= 0 else {
            // Which step failed: the final name may exist while its directory takes no new file.
            let reason = "cannot create a temporary file in \(displayed(directory)): \(lastError())"
            disarm()
            oneAtATime.signal()
            throw FileWriteError(path: finalPath, reason: reason)
        }
    }

    /// Closes and unlinks the temporary name (the final name, if linked or renamed, stays).
    func remove() {
        close(fd)
        unlink(path)
        disarm()
        oneAtATime.signal()
    }

    private func disarm() {
        signalSafePathIsSet.store(false, ordering: .sequentiallyConsistent)
        for number in displaced { signal(number, SIG_DFL) }
        displaced = []
    }
}
