import ConvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes every byte to a file descriptor, retrying short writes and EINTR.
/// Returns false on a real write error (closed pipe, full disk).
@discardableResult
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}

/// Writes a message to standard error, safe for a terminal: a message may quote a file or a flag,
/// so control characters are shown escaped and a line is cut at 1,000 characters (a quoted
/// excerpt is shorter; this is the backstop for any that is not).
func printError(_ message: String) {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.count > 1000 ? String(line.prefix(1000)) + "…" : String(line)
    }
    writeAll(2, Array((TerminalText.safe(lines.joined(separator: "\n")) + "\n").utf8))
}
