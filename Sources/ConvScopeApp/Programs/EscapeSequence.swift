/// The keys terminals send as escape sequences that ncurses may not decode: the terminfo entry
/// for TERM names one encoding of Home or End, and the terminal (tmux, screen, PuTTY, rxvt, the
/// linux console) sends another. Each encoding in use is read here.
public enum EscapeSequence {
    /// The key for the sequence after ESC (e.g. "[1~", "OH", "[1;5H"), or nil when it is none of
    /// them. Delete reads as Backspace: convscope's entries have no cursor, so both erase the
    /// last character.
    public static func key(_ sequence: String) -> Key? {
        guard let introducer = sequence.first, introducer == "[" || introducer == "O",
              let final = sequence.last else { return nil }
        // Modifier parameters ("1;5" in "[1;5H", "3;2" in "[3;2~") leave the key as it is.
        let number = sequence.dropFirst().dropLast().split(separator: ";").first.flatMap { Int($0) }
        if final == "~" {
            switch number {
            case 1, 7: return .home     // vt220, linux console, tmux, screen, PuTTY; rxvt
            case 4, 8: return .end      // likewise; rxvt
            case 3: return .backspace   // Delete
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        }
        switch final {
        case "H": return .home          // xterm: "[H" (normal mode), "OH" (application mode)
        case "F": return .end
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        default: return nil
        }
    }
}
