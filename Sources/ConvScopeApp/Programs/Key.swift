import ConvCore
/// A key press, independent of the terminal library.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// A key the terminal reported that convscope has no use for.
    case unknown

    /// How the help screen writes this key.
    public func label(_ g: Glyphs, _ lang: Language) -> String {
        switch self {
        case .character(" "): lang.pick("space", "пробел")
        case .character(let c): String(c)
        case .up: g.arrowUp
        case .down: g.arrowDown
        case .left: g.arrowLeft
        case .right: g.arrowRight
        case .shiftUp: "Shift-" + g.arrowUp
        case .shiftDown: "Shift-" + g.arrowDown
        case .shiftLeft: "Shift-" + g.arrowLeft
        case .shiftRight: "Shift-" + g.arrowRight
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .control(let c): "Ctrl-" + String(c).uppercased()
        case .unknown: "?"
        }
    }
}
