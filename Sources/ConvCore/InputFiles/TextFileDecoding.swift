/// The one way convscope turns a text file's bytes into text: UTF-8, with or without the byte
/// order mark Excel's "CSV UTF-8" and Notepad write, lines ending in LF or CRLF. Swift's
/// `Character` makes "\r\n" one grapheme, so a CRLF file split on "\n" would keep every line
/// whole; CRLF is read as LF here, before any reader splits lines.
public enum TextFileDecoding {
    /// The UTF-8 byte order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text of `bytes` with a leading BOM dropped and CRLF read as LF; nil when not UTF-8.
    public static func text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        var body = bytes[...]
        if body.starts(with: byteOrderMark) { body = body.dropFirst(byteOrderMark.count) }
        var lines: [UInt8] = []
        lines.reserveCapacity(body.count)
        var previous: UInt8?
        for byte in body {
            if previous == 13 && byte == 10 { lines.removeLast() }
            lines.append(byte)
            previous = byte
        }
        return String(validating: lines, as: UTF8.self)
    }
}
