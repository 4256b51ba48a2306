#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says a path is, in words for a one-line refusal ("a named pipe").
struct FileKind {
    let type: mode_t

    init(_ mode: mode_t) { type = mode & S_IFMT }

    var isRegular: Bool { type == S_IFREG }

    /// "a named pipe", "a directory"…
    var phrase: String {
        switch type {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFIFO: "a named pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }
}
