/// One row of the key table: the keys, what they do, and the help text.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let help: String
}

/// The single key table: the run loop looks keys up here and the help overlay is printed from it.
public enum KeyMap {
    /// Bindings in the order the help screen lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "select the previous parameter"),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the next parameter"),
        KeyBinding(keys: [.left, .character("h"), .character("-")], action: .decrement, help: "decrease it by one"),
        KeyBinding(keys: [.right, .character("l"), .character("+"), .character("=")], action: .increment,
                   help: "increase it by one"),
        KeyBinding(keys: [.pageUp], action: .bigIncrement, help: "double (sizes, channels) or +4"),
        KeyBinding(keys: [.pageDown], action: .bigDecrement, help: "halve (sizes, channels) or -4"),
        KeyBinding(keys: [.home], action: .setMinimum, help: "set it to its minimum"),
        KeyBinding(keys: [.end], action: .setMaximum, help: "set it to its maximum"),
        KeyBinding(keys: [.character("L")], action: .toggleLink,
                   help: "link h/w pairs (size, kernel, padding, stride, dilation)"),
        KeyBinding(keys: [.character("z")], action: .cycleZoom, help: "zoom: overview, numbers, large"),
        KeyBinding(keys: [.character("["), .character("]")], action: .nextPage,
                   help: "previous / next page of channels"),
        KeyBinding(keys: [.shiftLeft, .shiftRight, .shiftUp, .shiftDown], action: .scroll(dx: 0, dy: 0),
                   help: "scroll maps larger than the window"),
        KeyBinding(keys: [.tab, .backTab], action: .focusNext,
                   help: "inspect: parameters, output cells, input cells"),
        KeyBinding(keys: [.character(" ")], action: .togglePlay, help: "play / pause the sliding kernel"),
        KeyBinding(keys: [.character("n"), .character("N")], action: .step(1), help: "step the kernel forward / back"),
        KeyBinding(keys: [.character("{"), .character("}")], action: .faster, help: "animation slower / faster"),
        KeyBinding(keys: [.character("p")], action: .togglePadded, help: "padded view: padding ring, never-read cells"),
        KeyBinding(keys: [.character("f")], action: .togglePanel(.formula), help: "formula panel"),
        KeyBinding(keys: [.character("c")], action: .togglePanel(.cost), help: "cost panel: conv vs fully connected"),
        KeyBinding(keys: [.character("("), .character(")")], action: .scaleDenseOutputs(up: true),
                   help: "halve / double K in the cost panel"),
        KeyBinding(keys: [.character("P")], action: .togglePanel(.code), help: "PyTorch line and command line"),
        KeyBinding(keys: [.character("e")], action: .export, help: "export the screen to a file (SVG unless --export-format)"),
        KeyBinding(keys: [.character("r")], action: .reset, help: "reset to the notebook's defaults"),
        KeyBinding(keys: [.character("?")], action: .toggleHelp, help: "this help"),
        KeyBinding(keys: [.character("q"), .escape, .control("c")], action: .quit, help: "quit"),
    ]

    /// Keys whose action depends on which key of a row it was (paging and scrolling directions).
    static let directional: [Key: Action] = [
        .character("["): .previousPage, .character("]"): .nextPage,
        .shiftLeft: .scroll(dx: -4, dy: 0), .shiftRight: .scroll(dx: 4, dy: 0),
        .shiftUp: .scroll(dx: 0, dy: -4), .shiftDown: .scroll(dx: 0, dy: 4),
        .backTab: .focusPrevious, .character("N"): .step(-1), .character("{"): .slower,
        .character("("): .scaleDenseOutputs(up: false),
    ]

    /// While a map has the focus, movement keys drive its cursor instead of the parameters.
    static let inspectorTable: [Key: Action] = [
        .up: .moveCursor(dx: 0, dy: -1), .down: .moveCursor(dx: 0, dy: 1),
        .left: .moveCursor(dx: -1, dy: 0), .right: .moveCursor(dx: 1, dy: 0),
        .character("k"): .moveCursor(dx: 0, dy: -1), .character("j"): .moveCursor(dx: 0, dy: 1),
        .character("h"): .moveCursor(dx: -1, dy: 0), .character("l"): .moveCursor(dx: 1, dy: 0),
        .pageUp: .cursorChannel(-1), .pageDown: .cursorChannel(1),
        .home: .moveCursor(dx: -1 << 20, dy: -1 << 20), .end: .moveCursor(dx: 1 << 20, dy: 1 << 20),
        .escape: .focusNext,
    ]

    static let table: [Key: Action] = {
        var t: [Key: Action] = [:]
        for b in bindings { for k in b.keys { t[k] = directional[k] ?? b.action } }
        return t
    }()

    /// The action for a key in the current state, or nil when the key does nothing.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if state.showHelp {
            switch key {
            case .control("c"): return .quit
            case .pageDown, .down, .right, .character(" "): return .helpPage(1)
            case .pageUp, .up, .left: return .helpPage(-1)
            default: return .toggleHelp
            }
        }
        if state.typing != nil {
            switch key {
            case .enter: return .commitTyping
            case .escape: return .cancelTyping
            case .backspace: return .typeBackspace
            default: break
            }
        }
        if state.focus != .parameters {
            if key == .escape { return .inspect(.parameters, state.outputCursor) }
            if let action = inspectorTable[key] { return action }
        }
        if case .character(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            return state.focus == .parameters ? .typeDigit(d) : nil
        }
        if key == .enter || key == .backspace { return nil }
        return table[key]
    }

    /// Help-screen rows: the keys as the user types them, and what they do.
    public static func helpRows(_ g: Glyphs) -> [(keys: String, help: String)] {
        var rows = bindings.map { b in
            (b.keys.first == .shiftLeft ? "Shift-arrows" : b.keys.map { $0.label(g) }.joined(separator: " "), b.help)
        }
        rows.insert(("0-9 Enter", "type a value for the selected parameter (Esc cancels)"), at: 8)
        rows.insert(("in a map", "arrows move the cursor, PgUp/PgDn its channel, Esc back to parameters"), at: 11)
        return rows
    }
}
