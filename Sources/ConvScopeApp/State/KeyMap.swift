import ConvCore

/// A binding's entry in the parameter panel's hint line: its place (most important first) and
/// its words, which may use the screen's glyphs ("↑↓ select").
public struct KeyHint: Sendable {
    public let rank: Int
    public let text: @Sendable (Glyphs) -> String
}

/// One row of the key table: each key with the action it sends, the help text and the hint.
public struct KeyBinding: Sendable {
    public let pairs: [(key: Key, action: Action)]
    public let help: String
    /// How the help writes the keys; nil lists them one by one.
    public let label: String?
    /// Its words on the hint line, if it has any.
    public let hint: KeyHint?

    /// A row where every key sends the same action.
    init(keys: [Key], action: Action, help: String, label: String? = nil, hint: KeyHint? = nil) {
        self.init(pairs: keys.map { ($0, action) }, help: help, label: label, hint: hint)
    }

    /// A row whose keys send different actions (e.g. previous / next).
    init(pairs: [(key: Key, action: Action)], help: String, label: String? = nil, hint: KeyHint? = nil) {
        self.pairs = pairs
        self.help = help
        self.label = label
        self.hint = hint
    }

    /// A help line for keys handled outside the table (typing, moving the inspector cursor).
    static func note(_ label: String, _ help: String, hint: KeyHint? = nil) -> KeyBinding {
        KeyBinding(pairs: [], help: help, label: label, hint: hint)
    }

    public var keys: [Key] { pairs.map(\.key) }
    /// The first key's action (nil for a help-only row).
    public var action: Action? { pairs.first?.action }
}

/// The single key table: the run loop looks keys up here and the help overlay is printed from it.
public enum KeyMap {
    /// Bindings in the order the help screen lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "select the previous parameter",
                   hint: KeyHint(rank: 1) { "\($0.arrowUp)\($0.arrowDown) select" }),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the next parameter"),
        KeyBinding(keys: [.left, .character("h"), .character("-")], action: .decrement, help: "decrease it by one",
                   hint: KeyHint(rank: 2) { "\($0.arrowLeft)\($0.arrowRight) change" }),
        KeyBinding(keys: [.right, .character("l"), .character("+"), .character("=")], action: .increment,
                   help: "increase it by one"),
        KeyBinding(keys: [.pageUp], action: .bigIncrement, help: "double (sizes, channels) or +4",
                   hint: KeyHint(rank: 7) { "PgUp/PgDn \($0.times)2" }),
        KeyBinding(keys: [.pageDown], action: .bigDecrement, help: "halve (sizes, channels) or -4"),
        KeyBinding(keys: [.home], action: .setMinimum, help: "set it to its minimum",
                   hint: KeyHint(rank: 8) { _ in "Home/End min/max" }),
        KeyBinding(keys: [.end], action: .setMaximum, help: "set it to its maximum"),
        .note("0-9 Enter", "type a value for the selected parameter (Esc cancels; other keys wait)",
              hint: KeyHint(rank: 3) { _ in typeHint }),
        KeyBinding(keys: [.character("L")], action: .toggleLink,
                   help: "link h/w pairs (size, kernel, padding, stride, dilation)",
                   hint: KeyHint(rank: 10) { _ in "L link" }),
        KeyBinding(keys: [.character("z")], action: .cycleZoom,
                   help: "zoom: " + CodePanelText.zoomNames.joined(separator: ", "),
                   hint: KeyHint(rank: 5) { _ in "z zoom" }),
        .note("in a map", "arrows move the cursor, PgUp/PgDn its channel"),
        KeyBinding(pairs: [(.character("["), .previousPage), (.character("]"), .nextPage)],
                   help: "previous / next page of channels", hint: KeyHint(rank: 9) { _ in "[ ] page" }),
        KeyBinding(pairs: [(.shiftLeft, .scroll(dx: -1, dy: 0)), (.shiftRight, .scroll(dx: 1, dy: 0)),
                           (.shiftUp, .scroll(dx: 0, dy: -1)), (.shiftDown, .scroll(dx: 0, dy: 1))],
                   help: "scroll cropped maps by a page", label: "Shift-arrows"),
        KeyBinding(pairs: [(.tab, .focusNext), (.backTab, .focusPrevious)],
                   help: "inspect: parameters, output cells, input cells",
                   hint: KeyHint(rank: 4) { _ in "Tab inspect" }),
        KeyBinding(keys: [.character(" ")], action: .togglePlay, help: "play / pause the sliding kernel"),
        KeyBinding(pairs: [(.character("n"), .step(1)), (.character("N"), .step(-1))],
                   help: "step the kernel forward / back"),
        KeyBinding(pairs: [(.character("{"), .slower), (.character("}"), .faster)], help: "animation slower / faster"),
        KeyBinding(keys: [.character("p")], action: .togglePadded, help: "padded view: padding ring, never-read cells"),
        KeyBinding(keys: [.character("f")], action: .togglePanel(.formula), help: "formula panel"),
        KeyBinding(keys: [.character("c")], action: .togglePanel(.cost), help: "cost panel: conv vs fully connected"),
        KeyBinding(pairs: [(.character("("), .scaleDenseOutputs(up: false)), (.character(")"), .scaleDenseOutputs(up: true))],
                   help: "halve / double K, the dense layer's outputs (cost panel; or type K there)"),
        KeyBinding(keys: [.character("g")], action: .depthwise,
                   help: "depthwise: groups = in_channels, out_channels a multiple (again: groups = 1)"),
        KeyBinding(keys: [.character("K")], action: .cycleKernel,
                   help: "next kernel: " + KernelPreset.all.map(\.choiceName).joined(separator: ", ")),
        KeyBinding(keys: [.character("P")], action: .togglePanel(.code),
                   help: "PyTorch line and the command lines reproducing this screen"),
        KeyBinding(pairs: [(.character("u"), .scrollPanel(-3)), (.character("d"), .scrollPanel(3))],
                   help: "scroll a panel taller than its box up / down"),
        KeyBinding(keys: [.character("e")], action: .export,
                   help: "export to a file: --export-format, --frame screen|maps, --export-dir",
                   hint: KeyHint(rank: 6) { _ in "e export" }),
        KeyBinding(keys: [.character("t")], action: .toggleTheme, help: "light / dark theme (exports follow it)",
                   hint: KeyHint(rank: 11) { _ in "t theme" }),
        KeyBinding(keys: [.character("C")], action: .cycleColormap, help: SettingsText.colormapKeyHelp(.en)),
        KeyBinding(keys: [.character("m")], action: .toggleMouse, help: SettingsText.mouseKeyHelp(.en)),
        .note("mouse", SettingsText.mouseUsage(.en)),
        KeyBinding(keys: [.character("r")], action: .reset, help: "reset to the notebook's defaults",
                   hint: KeyHint(rank: 12) { _ in "r reset" }),
        KeyBinding(keys: [.character("?")], action: .toggleHelp, help: "this help"),
        KeyBinding(keys: [.escape], action: .back,
                   help: "back one level: typed value, help or panel, inspector; never quits"),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, help: "quit"),
    ]

    /// While a map has the focus, movement keys drive its cursor instead of the parameters.
    static let inspectorTable: [Key: Action] = [
        .up: .moveCursor(dx: 0, dy: -1), .down: .moveCursor(dx: 0, dy: 1),
        .left: .moveCursor(dx: -1, dy: 0), .right: .moveCursor(dx: 1, dy: 0),
        .character("k"): .moveCursor(dx: 0, dy: -1), .character("j"): .moveCursor(dx: 0, dy: 1),
        .character("h"): .moveCursor(dx: -1, dy: 0), .character("l"): .moveCursor(dx: 1, dy: 0),
        .pageUp: .cursorChannel(-1), .pageDown: .cursorChannel(1),
        .home: .moveCursor(dx: -1 << 20, dy: -1 << 20), .end: .moveCursor(dx: 1 << 20, dy: 1 << 20),
    ]

    static let table: [Key: Action] = {
        var t: [Key: Action] = [:]
        for b in bindings { for pair in b.pairs { t[pair.key] = pair.action } }
        return t
    }()

    /// The action for a key in the current state, or nil when the key does nothing.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if key == .control("c") { return .quit }
        if key == .control("z") { return .suspend }
        if state.showHelp {
            // Paging keys page only when there is more than one page; every other key closes.
            let paged = state.helpPages > 1
            switch key {
            case .pageDown, .down, .right: return paged ? .helpPage(1) : .toggleHelp
            case .pageUp, .up, .left: return paged ? .helpPage(-1) : .toggleHelp
            default: return .toggleHelp
            }
        }
        // While a value is being typed only the typing keys act, so a stray q or arrow loses nothing.
        if state.typing != nil {
            switch key {
            case .enter: return .commitTyping
            case .escape: return .back
            case .backspace: return .typeBackspace
            case .character(let c) where c.isASCII && c.wholeNumberValue != nil: return .typeDigit(c.wholeNumberValue!)
            default: return nil
            }
        }
        if state.stack != nil { return stackAction(for: key, in: state) }
        if state.focus != .parameters, let action = inspectorTable[key] { return action }
        if case .character(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            // In a map digits mean nothing; with the cost panel open they type K.
            return state.focus == .parameters || state.panel == .cost ? .typeDigit(d) : nil
        }
        return table[key]
    }

    /// The typing hint, which the cost panel leaves out (there digits type K).
    static let typeHint = "0-9 type"

    /// The parameter panel's hints from the table, most important first.
    public static func hints(_ g: Glyphs) -> [String] {
        bindings.compactMap(\.hint).sorted { $0.rank < $1.rank }.map { $0.text(g) }
    }

    /// Help-screen rows: the keys as the user types them, and what they do.
    public static func helpRows(_ g: Glyphs) -> [(keys: String, help: String)] {
        bindings.map { b in (b.label ?? b.keys.map { $0.label(g) }.joined(separator: " "), b.help) }
    }
}
