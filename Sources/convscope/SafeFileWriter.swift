import CConvKernels
import ConvCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written, in words for the status line or stderr.
struct FileWriteError: Error, CustomStringConvertible {
    /// The file (or directory) concerned, as the user typed it.
    let path: String
    /// What went wrong, e.g. "No space left on device".
    let reason: String
    var alreadyExists = false

    /// "cannot write PATH: REASON", for stderr (control characters in the path shown escaped,
    /// so the message stays one line).
    var description: String {
        alreadyExists ? "\(displayed(path)) already exists; use --force to replace it"
            : "cannot write \(displayed(path)): \(reason)"
    }

    /// The reason first, for a status line that may cut the end off.
    var shortDescription: String { alreadyExists ? "\(displayed(path)) already exists" : "\(reason) (\(displayed(path)))" }
}

/// A path for a one-line message: newlines, tabs and other control characters escaped.
func displayed(_ path: String) -> String { TerminalText.safe(path, keepingLines: false) }

/// Writes files without ever losing one: a new or replaced regular file is written to a temporary
/// file in the same directory, then hard-linked to the final name (link fails if the name exists)
/// or, with `replace`, renamed over it. Character devices and FIFOs (/dev/null, a named pipe) and
/// descriptor paths (/dev/stdout, /dev/fd/N) are written into, never renamed over.
enum SafeFileWriter {
    /// Hands `produce` a sink for the bytes of `path`; throws `FileWriteError` when the file cannot
    /// be written (nothing is left behind: no partial file, no temporary file).
    static func write(to path: String, replace: Bool = false, _ produce: (ByteSink) throws -> Void) throws {
        switch try OutputDestination(path) {
        case .descriptor(let fd):
            try stream(into: fd, path: path, produce)
        case .device(let resolved):
            let fd = open(resolved, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw FileWriteError(path: path, reason: lastError()) }
            defer { close(fd) }
            try stream(into: fd, path: path, produce)
        case .newFile(let directory):
            try viaTemporaryFile(in: directory, path: path, mode: 0o666 & ~currentUmask(), produce) { temporary in
                guard link(temporary, path) != 0 else { return }
                if errno == EEXIST { throw FileWriteError(path: path, reason: "it already exists", alreadyExists: true) }
                throw FileWriteError(path: path, reason: lastError())
            }
        case .regularFile(let target, let info):
            guard replace else { throw FileWriteError(path: path, reason: "it already exists", alreadyExists: true) }
            let release = CachedPagesRelease(of: target)
            try viaTemporaryFile(in: parentDirectory(of: target), path: path, mode: info.st_mode & 0o7777,
                                 owner: (info.st_uid, info.st_gid), produce) { temporary in
                release.wait()
                guard rename(temporary, target) == 0 else { throw FileWriteError(path: path, reason: lastError()) }
            }
        }
    }

    /// Writes `bytes` to `path` (see `write(to:replace:_:)`).
    static func write(_ bytes: [UInt8], to path: String, replace: Bool = false) throws {
        try write(to: path, replace: replace) { $0.write(bytes) }
    }

    /// Writes `bytes` as the regular file `path` that convscope owns (the state file), never through
    /// a symbolic link: a link there is itself replaced, atomically, and its target left alone. A
    /// named pipe, device, socket or directory there is refused by its type, never opened (opening
    /// a FIFO would wait for a reader forever).
    static func replaceOwnFile(_ bytes: [UInt8], at path: String) throws {
        var info = stat()
        var mode = 0o666 & ~currentUmask()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: mode = info.st_mode & 0o7777
            case S_IFLNK: break
            default: throw FileWriteError(path: path, reason: "\(FileKind(info.st_mode).phrase) is there; convscope keeps a regular file there, so remove it")
            }
        } else if errno != ENOENT {
            throw FileWriteError(path: path, reason: lastError())
        }
        try viaTemporaryFile(in: parentDirectory(of: path), path: path, mode: mode, { $0.write(bytes) }) { temporary in
            guard rename(temporary, path) == 0 else { throw FileWriteError(path: path, reason: lastError()) }
        }
    }

    /// Writes to `base.ext`, or `base-2.ext`, `base-3.ext`… — the first name not taken. Returns it.
    static func writeUnique(_ bytes: [UInt8], base: String, fileExtension: String) throws -> String {
        for n in 1...999 {
            let path = n == 1 ? "\(base).\(fileExtension)" : "\(base)-\(n).\(fileExtension)"
            do {
                try write(bytes, to: path)
                return path
            } catch let error as FileWriteError where error.alreadyExists {
                continue
            }
        }
        throw FileWriteError(path: "\(base).\(fileExtension)", reason: "no free file name")
    }

    private static func stream(into fd: Int32, path: String, _ produce: (ByteSink) throws -> Void) throws {
        let sink = ByteSink(fd: fd)
        try produce(sink)
        if let failure = sink.failure { throw FileWriteError(path: path, reason: failure) }
    }

    /// Streams into a fresh temporary file in `directory`, gives it `mode` (and the old owner, when
    /// replacing as root), syncs it, then lets `publish` give it its final name. The temporary file
    /// is removed on every path out, including SIGINT, SIGTERM and SIGHUP while writing.
    private static func viaTemporaryFile(in directory: String, path: String, mode: mode_t, owner: (uid_t, gid_t)? = nil,
                                         _ produce: (ByteSink) throws -> Void,
                                         publish: (String) throws -> Void) throws {
        let pending = try PendingTemporaryFile(directory: directory, path: path)
        defer { pending.remove() }
        let sink = ByteSink(fd: pending.fd, startsWriteback: true)
        try produce(sink)
        if sink.failure == nil && fsync(pending.fd) != 0 { sink.failure = lastError() }
        if let owner { _ = fchown(pending.fd, owner.0, owner.1) }
        fchmod(pending.fd, mode)
        if let failure = sink.failure { throw FileWriteError(path: path, reason: failure) }
        try publish(pending.path)
    }

    /// The process's umask (read by setting and restoring it: there is no getter).
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

/// Drops the page cache of a file about to be replaced, on a thread of its own while the new one
/// is written. The rename that replaces it frees the old file, and freeing a gigabyte of cached
/// pages took the kernel ~0.4 s of the 1.1 s `render --format json` of 965 MB spent replacing
/// one. Only the cache goes: the file stays whole on disk until the new one has its name.
private final class CachedPagesRelease: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let started: Bool

    init(of path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        started = fd >= 0
        guard started else { return }
        let done = self.done
        Thread.detachNewThread {
            _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(fd)
            done.signal()
        }
    }

    /// Waits for the release (so the old file is not freed twice over at once).
    func wait() { if started { done.wait() } }
}

/// Receives bytes for a file descriptor and remembers the first write error instead of throwing,
/// so producers that cannot throw (the JSON writer's chunk sink) can stream into it.
final class ByteSink {
    private let fd: Int32
    /// The first failure, e.g. "No space left on device"; later writes are skipped.
    fileprivate(set) var failure: String?
    /// A file that is fsynced at the end: every `writebackStep` bytes written are sent on to the
    /// disk at once, so the disk writes while the rest is produced and the final fsync waits for
    /// the last step only. `render --format json` of 965 MB to a new file took 1.07–1.20 s with a
    /// plain write and fsync, 0.68–0.79 s this way (same disk, same minutes; dd: 0.85–0.90 s).
    private let startsWriteback: Bool
    private var written: Int64 = 0, sentToDisk: Int64 = 0
    static let writebackStep: Int64 = 16 << 20

    fileprivate init(fd: Int32, startsWriteback: Bool = false) {
        self.fd = fd
        self.startsWriteback = startsWriteback
    }

    /// Writes every byte (nothing after the first failure).
    func write(_ bytes: [UInt8]) {
        guard failure == nil else { return }
        if !writeAll(fd, bytes) { failure = lastError(); return }
        written += Int64(bytes.count)
        if startsWriteback && written - sentToDisk >= Self.writebackStep {
            // Best effort: where it fails, the final fsync writes these bytes instead.
            _ = convscope_start_writeback(fd, sentToDisk, written - sentToDisk)
            sentToDisk = written
        }
    }
}

/// strerror(errno), e.g. "Permission denied".
func lastError() -> String { String(cString: strerror(errno)) }

/// The directory a path's last component lives in ("." for a bare name, "/" for "/x").
/// Plain string work: Foundation's path helpers crash on one-character relative paths.
func parentDirectory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : parent
}
