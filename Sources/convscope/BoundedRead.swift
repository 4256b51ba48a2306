import Foundation

/// Reads a text input a user names — a file, a pipe, a device or standard input — up to a limit,
/// so `/dev/zero` or a runaway pipe is refused in one line instead of filling the memory.
enum BoundedRead {
    /// Exercise files, answer files and `print(model)` printouts are kilobytes; 4 MiB is plenty.
    static let textLimit = 4 << 20

    /// Why an input could not be read.
    enum Failure: Error {
        case unreadable
        case tooLarge(limit: Int)
        /// Not a regular file (a named pipe, a device…), refused by its type before it is opened.
        case notRegular(FileKind)

        /// The end of a one-line message: "… cannot be read" or "… is larger than 4 MiB".
        var reason: String {
            switch self {
            case .unreadable: "cannot be read"
            case .tooLarge(let limit): "is larger than \(limit >> 20) MiB, more than any text convscope reads"
            case .notRegular(let kind): "is \(kind.phrase), not a regular file"
            }
        }
    }

    /// Every byte the handle gives until its end, or `.tooLarge` past `limit`.
    static func bytes(from handle: FileHandle, limit: Int = textLimit) throws(Failure) -> Data {
        var data = Data()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 64 << 10) ?? Data() } catch { throw .unreadable }
            if chunk.isEmpty { return data }
            data.append(chunk)
            if data.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// The bytes of the file at `path` (FileHandle reads pipes and devices too: `<(…)`, /dev/stdin).
    /// A regular file's size is checked before a byte is read, so a 2 GiB file costs no time.
    static func bytes(atPath path: String, limit: Int = textLimit) throws(Failure) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        var info = stat()
        if fstat(handle.fileDescriptor, &info) == 0, FileKind(info.st_mode).isRegular, Int(info.st_size) > limit {
            throw .tooLarge(limit: limit)
        }
        return try bytes(from: handle, limit: limit)
    }

    /// The bytes of a file convscope keeps for itself (the state file, the settings file), or nil
    /// when there is none. Anything but a regular file (reached through links) is refused by its
    /// type before it is opened — a named pipe there would wait for a writer forever — and its
    /// size is checked before it is read.
    static func regularFile(atPath path: String, limit: Int) throws(Failure) -> Data? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable
        }
        guard FileKind(info.st_mode).isRegular else { throw .notRegular(FileKind(info.st_mode)) }
        // O_NONBLOCK: should the file be swapped for a pipe after the check, open still returns.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        guard fstat(fd, &info) == 0 else { throw .unreadable }
        guard FileKind(info.st_mode).isRegular else { throw .notRegular(FileKind(info.st_mode)) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(limit: limit) }
        return try bytes(from: handle, limit: limit)
    }
}
