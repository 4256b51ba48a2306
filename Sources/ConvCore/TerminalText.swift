/// Text that came from a file or a flag, made safe to print on a terminal: a student's answers
/// file or a lab's title must not retitle the teacher's window, move the cursor or clear the
/// screen, and a 2 MiB token must not fill it.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1: ESC, BEL, CR…) shown escaped, `\u{1B}`;
    /// newlines and tabs stay when `keepingLines` (a multi-line report), so the text's layout is kept.
    public static func safe(_ text: String, keepingLines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0, keepingLines: keepingLines) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar, keepingLines: keepingLines) { result += scalar.escaped(asASCII: true) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// At most `limit` characters of `text` with "…" where it was cut, safe for a terminal: what
    /// an error message quotes from a file.
    public static func excerpt<S: StringProtocol>(_ text: S, limit: Int = 40) -> String {
        let cut = text.count > limit ? String(text.prefix(limit)) + "…" : String(text)
        return safe(cut, keepingLines: false)
    }

    private static func isControl(_ scalar: Unicode.Scalar, keepingLines: Bool) -> Bool {
        if keepingLines && (scalar == "\n" || scalar == "\t") { return false }
        return scalar.properties.generalCategory == .control
    }
}
