/// Exports a Canvas as plain text, for pasting into issues and diffing in tests.
public enum TextExporter {
    /// The canvas characters, one line per row with trailing spaces trimmed, each ending in "\n".
    public static func export(_ canvas: Canvas) -> String {
        var out = ""
        for line in canvas.lines {
            // Trailing blanks are padding of the fixed-width grid, not content.
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            out += trimmed
            out += "\n"
        }
        return out
    }
}
