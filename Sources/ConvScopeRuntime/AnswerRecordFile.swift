#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConvExercises

/// The `--record` file of an exercise session. The whole file is written once (atomically, by
/// `writeWhole`); after that each answer appends its one line and syncs it, so Enter costs the
/// same at 40,000 questions as at 5 and a crash loses at most the answer being written. The file
/// is written whole again whenever an append cannot be trusted: after a failed write, or when
/// what is at the path is no longer the file this session wrote (replaced, linked, truncated).
/// When the session ends normally `finish` writes it whole once more, atomically, each question's
/// last answer on its line and nothing below the marker; a killed session leaves the appended
/// lines, which read back to the same answers.
public final class AnswerRecordFile: @unchecked Sendable {
    let path: String
    /// Replaces the file with the given text atomically; returns why it failed, or nil.
    let writeWhole: (String) -> String?
    /// The device, inode and size the file had after this session's last good write; nil when
    /// the next write must be whole.
    private var written: (device: UInt64, inode: UInt64, size: Int64)?
    /// Why the last write failed, or nil when the file holds every answer given.
    public private(set) var failure: String?
    /// The latest answer's record while lines have been appended since the last whole write.
    private var untidy: AnswerRecord?

    /// A record at `path`, written whole through `writeWhole`.
    public init(path: String, writeWhole: @escaping (String) -> String?) {
        self.path = path
        self.writeWhole = writeWhole
    }

    /// Writes the record whole (the session's first write); returns why it failed, or nil.
    public func start(_ text: String) -> String? { whole(text) }

    /// Records `record`'s answer: appends its line, or writes the file whole when the last write
    /// failed or the file changed under the session. Returns why it failed, or nil.
    public func record(_ record: AnswerRecord) -> String? {
        if written == nil || !append(record.line) { return whole(record.text, keeping: record) }
        failure = nil
        untidy = record
        return nil
    }

    /// At the end of a session: the file written whole once, when lines were appended since the
    /// last whole write (a failed write is tried once more this way). Returns why that write
    /// failed, or nil. A failed tidy leaves the appended file as it was, every answer in it, so
    /// it does not count as answers lost (`failure`); a retried failed write that succeeds does clear it.
    public func finish() -> String? {
        guard let latest = untidy else { return nil }
        let reason = writeWhole(latest.text)
        if reason == nil { (failure, untidy, written) = (nil, nil, identity()) }
        return reason
    }

    /// Writes `text` whole; when it fails, `record` is kept for `finish` to try again.
    private func whole(_ text: String, keeping record: AnswerRecord? = nil) -> String? {
        failure = writeWhole(text)
        written = failure == nil ? identity() : nil
        untidy = failure == nil ? nil : record
        return failure
    }

    /// Appends `line` to the file this session wrote; false (nothing trusted) when the path now
    /// names something else, or the write or sync failed.
    private func append(_ line: String) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { written = nil; return false }
        defer { close(fd) }
        var info = stat()
        guard let expected = written, fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              UInt64(info.st_dev) == expected.device, UInt64(info.st_ino) == expected.inode, Int64(info.st_size) == expected.size
        else { written = nil; return false }
        let bytes = Array(line.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { written = nil; return false }
            done += n
        }
        guard fsync(fd) == 0 else { written = nil; return false }
        written = (expected.device, expected.inode, expected.size + Int64(bytes.count))
        return true
    }

    /// The file's device, inode and size, read through the path without following a link.
    private func identity() -> (device: UInt64, inode: UInt64, size: Int64)? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino), Int64(info.st_size))
    }
}
