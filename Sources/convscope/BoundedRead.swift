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

        /// The end of a one-line message: "… cannot be read" or "… is larger than 4 MiB".
        var reason: String {
            switch self {
            case .unreadable: "cannot be read"
            case .tooLarge(let limit): "is larger than \(limit >> 20) MiB, more than any text convscope reads"
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
    static func bytes(atPath path: String, limit: Int = textLimit) throws(Failure) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        return try bytes(from: handle, limit: limit)
    }
}
