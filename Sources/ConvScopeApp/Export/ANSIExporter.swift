/// Exports a Canvas as text with 24-bit ANSI escapes, for `cat` in any true-colour terminal.
public enum ANSIExporter {
    private static let escape = "\u{1B}["
    private static let reset = "\u{1B}[0m"

    /// Every row with SGR escapes where the style changes, reset at the end of each line.
    public static func export(_ canvas: Canvas) -> String {
        var out = ""
        for y in 0..<canvas.height {
            // Each line starts from the terminal default so lines can be shown on their own.
            var current = Style.plain
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.style != current {
                    out += sgr(from: current, to: cell.style)
                    current = cell.style
                }
                out.append(cell.character)
            }
            out += reset + "\n"
        }
        return out
    }

    /// Switching styles resets first: SGR has no portable "colour off" short of 0 (39/49 exist
    /// but 22 clears bold and dim together), so a reset plus the new attributes is always right.
    static func sgr(from old: Style, to new: Style) -> String {
        var out = old == .plain ? "" : reset
        if new.bold { out += escape + "1m" }
        if new.dim { out += escape + "2m" }
        if new.underline { out += escape + "4m" }
        if new.reverse { out += escape + "7m" }
        if let c = new.foreground { out += escape + "38;2;\(c.r);\(c.g);\(c.b)m" }
        if let c = new.background { out += escape + "48;2;\(c.r);\(c.g);\(c.b)m" }
        return out
    }
}
