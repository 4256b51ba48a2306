import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file could not be written, in words for the status line or stderr.
struct FileWriteError: Error, CustomStringConvertible {
    /// The file (or directory) concerned.
    let path: String
    /// What went wrong, e.g. "No space left on device".
    let reason: String
    var alreadyExists = false

    /// "cannot write PATH: REASON", for stderr.
    var description: String {
        alreadyExists ? "\(path) already exists; use --force to replace it" : "cannot write \(path): \(reason)"
    }

    /// The reason first, for a status line that may cut the end off.
    var shortDescription: String { alreadyExists ? "\(path) already exists" : "\(reason) (\(path))" }
}

/// Writes files atomically and never over a user's file: the bytes go to a temporary file in the
/// same directory, which is then hard-linked to the final name (link fails if the name exists)
/// or, with `replace`, renamed over it.
enum SafeFileWriter {
    static func write(_ bytes: [UInt8], to path: String, replace: Bool = false) throws {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileWriteError(path: path, reason: "directory \(directory) does not exist")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileWriteError(path: path, reason: "it is a directory")
        }
        // mkstemp replaces the six trailing X characters with a unique suffix.
        var template = Array((directory + "/.convscope-" + String(repeating: "X", count: 6)).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileWriteError(path: directory, reason: String(cString: strerror(errno))) }
        let temporary = String(cString: template)
        defer { unlink(temporary) }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        let writeErrno = errno
        fchmod(fd, 0o644)
        close(fd)
        guard ok else { throw FileWriteError(path: path, reason: String(cString: strerror(writeErrno))) }
        if replace {
            guard rename(temporary, path) == 0 else {
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary, path) != 0 {
            if errno == EEXIST { throw FileWriteError(path: path, reason: "it already exists", alreadyExists: true) }
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
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
}
