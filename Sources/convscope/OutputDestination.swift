#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path given to `-o` (or a state or export file) is, decided before anything is written.
enum OutputDestination {
    /// /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor the shell gave us.
    case descriptor(Int32)
    /// An existing character device or FIFO (/dev/null, a named pipe): written into, never replaced.
    case device(String)
    /// Nothing there yet; the file will be created in `directory`.
    case newFile(directory: String)
    /// An existing regular file, reached through any symbolic links (`target` is the resolved path,
    /// so replacing it keeps the links), and its mode and owner.
    case regularFile(target: String, info: stat)

    /// Classifies `path`; throws a `FileWriteError` naming what is wrong for paths that cannot be written.
    init(_ path: String) throws {
        func refuse(_ reason: String) -> FileWriteError { FileWriteError(path: path, reason: reason) }
        guard !path.isEmpty else { throw refuse("no file name given") }
        if let fd = Self.descriptorNumber(path) {
            guard fcntl(fd, F_GETFD) != -1 else { throw refuse("descriptor \(fd) is not open") }
            self = .descriptor(fd)
            return
        }
        guard !path.hasSuffix("/") else { throw refuse("it names a directory; give a file name") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw refuse(lastError()) }
            var linkInfo = stat()
            if lstat(path, &linkInfo) == 0 { throw refuse("it is a symbolic link to a missing file") }
            self = .newFile(directory: try Self.existingDirectory(parentDirectory(of: path), for: path))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw refuse("it is a directory")
        case S_IFCHR, S_IFIFO: self = .device(path)
        case S_IFREG:
            // /proc/self/mem and /sys files look regular, but they are the kernel's, not files on a disk.
            if Self.isKernelFile(path) { throw refuse("it is a file of the kernel's (/proc, /sys); convscope writes regular files, pipes and character devices") }
            guard let resolved = realpath(path, nil) else { throw refuse(lastError()) }
            defer { free(resolved) }
            self = .regularFile(target: String(cString: resolved), info: info)
        case S_IFSOCK: throw refuse("it is a socket; convscope writes regular files, pipes and character devices")
        default: throw refuse("it is a block device; convscope writes regular files, pipes and character devices")
        }
    }

    /// True for a file under /proc or /sys (reached through any links): the kernel's, not a disk's.
    private static func isKernelFile(_ path: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        let full = String(cString: resolved)
        return full.hasPrefix("/proc/") || full.hasPrefix("/sys/")
    }

    /// The descriptor a /dev/fd-style path names, if it is one.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                let digits = path.dropFirst(prefix.count)
                guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
                return Int32(digits)
            }
            return nil
        }
    }

    /// `directory` when it exists and is a directory; otherwise a message saying which it is not.
    private static func existingDirectory(_ directory: String, for path: String) throws -> String {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            if errno == ENOENT { throw FileWriteError(path: path, reason: "directory \(displayed(directory)) does not exist") }
            throw FileWriteError(path: path, reason: lastError())
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw FileWriteError(path: path, reason: "\(displayed(directory)) is not a directory")
        }
        return directory
    }
}
