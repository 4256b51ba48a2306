import ConvCore

/// A binding's entry in the parameter panel's hint line: its place (most important first) and
/// its words, which may use the screen's glyphs ("↑↓ select").
public struct KeyHint: Sendable {
    public let rank: Int
    public let text: @Sendable (Glyphs, Language) -> String
}

/// One row of the key table: each key with the action it sends, the help text and the hint.
public struct KeyBinding: Sendable {
    public let pairs: [(key: Key, action: Action)]
    public let help: Phrase
    /// How the help writes the keys; nil lists them one by one.
    public let label: Phrase?
    /// Its words on the hint line, if it has any.
    public let hint: KeyHint?

    /// A row where every key sends the same action.
    init(keys: [Key], action: Action, help: String, _ russian: String, label: Phrase? = nil, hint: KeyHint? = nil) {
        self.init(pairs: keys.map { ($0, action) }, help: help, russian, label: label, hint: hint)
    }

    /// A row with its help as a `Phrase`.
    init(keys: [Key], action: Action, help: Phrase, hint: KeyHint? = nil) {
        self.init(pairs: keys.map { ($0, action) }, help: help.en, help.ru, hint: hint)
    }

    /// A row of keys sending different actions, with its help as a `Phrase`.
    init(pairs: [(key: Key, action: Action)], help: Phrase, hint: KeyHint? = nil) {
        self.init(pairs: pairs, help: help.en, help.ru, hint: hint)
    }

    /// A row whose keys send different actions (e.g. previous / next).
    init(pairs: [(key: Key, action: Action)], help: String, _ russian: String, label: Phrase? = nil, hint: KeyHint? = nil) {
        self.pairs = pairs
        self.help = Phrase(help, russian)
        self.label = label
        self.hint = hint
    }

    /// A help line for keys handled outside the table (typing, moving the inspector cursor).
    static func note(_ label: Phrase, _ help: Phrase, hint: KeyHint? = nil) -> KeyBinding {
        KeyBinding(pairs: [], help: help.en, help.ru, label: label, hint: hint)
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
                   "выбрать предыдущий параметр",
                   hint: KeyHint(rank: 1) { "\($0.arrowUp)\($0.arrowDown) " + $1.pick("select", "выбор") }),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the next parameter",
                   "выбрать следующий параметр"),
        KeyBinding(keys: [.left, .character("h"), .character("-")], action: .decrement, help: "decrease it by one",
                   "уменьшить на единицу",
                   hint: KeyHint(rank: 2) { "\($0.arrowLeft)\($0.arrowRight) " + $1.pick("change", "изменить") }),
        KeyBinding(keys: [.right, .character("l"), .character("+"), .character("=")], action: .increment,
                   help: "increase it by one", "увеличить на единицу"),
        KeyBinding(keys: [.pageUp], action: .bigIncrement, help: "double (sizes, channels) or +4",
                   "удвоить (размеры, каналы) или +4",
                   hint: KeyHint(rank: 7) { g, _ in "PgUp/PgDn \(g.times)2" }),
        KeyBinding(keys: [.pageDown], action: .bigDecrement, help: "halve (sizes, channels) or -4",
                   "уменьшить вдвое (размеры, каналы) или -4"),
        KeyBinding(keys: [.home], action: .setMinimum, help: "set it to its minimum",
                   "поставить минимум",
                   hint: KeyHint(rank: 8) { $1.pick("Home/End min/max", "Home/End мин/макс") }),
        KeyBinding(keys: [.end], action: .setMaximum, help: "set it to its maximum", "поставить максимум"),
        .note(Phrase("0-9 Enter", "0-9 Enter"),
              Phrase("type a value for the selected parameter (Esc cancels; other keys wait)",
                     "ввести значение выбранного параметра (Esc отменяет; другие клавиши ждут)"),
              hint: KeyHint(rank: 3) { typeHint($1) }),
        KeyBinding(keys: [.character("L")], action: .toggleLink,
                   help: "link h/w pairs (size, kernel, padding, stride, dilation)",
                   "связать пары h/w (размер, ядро, расширение, шаг, дилатация)",
                   hint: KeyHint(rank: 10) { $1.pick("L link", "L связь") }),
        KeyBinding(keys: [.character("z")], action: .cycleZoom,
                   help: "zoom: " + CodePanelText.zoomNames.joined(separator: ", "),
                   "масштаб: авто, " + Zoom.allCases.map { NoticeText.zoomName($0, .ru) }.joined(separator: ", "),
                   hint: KeyHint(rank: 5) { $1.pick("z zoom", "z масштаб") }),
        .note(Phrase("in a map", "в карте"),
              Phrase("arrows move the cursor, PgUp/PgDn its channel", "стрелки двигают курсор, PgUp/PgDn меняют его канал")),
        KeyBinding(pairs: [(.character("["), .previousPage), (.character("]"), .nextPage)],
                   help: "previous / next page of channels", "предыдущая / следующая страница каналов",
                   hint: KeyHint(rank: 9) { $1.pick("[ ] page", "[ ] страница") }),
        KeyBinding(pairs: [(.shiftLeft, .scroll(dx: -1, dy: 0)), (.shiftRight, .scroll(dx: 1, dy: 0)),
                           (.shiftUp, .scroll(dx: 0, dy: -1)), (.shiftDown, .scroll(dx: 0, dy: 1))],
                   help: "scroll cropped maps by a page", "прокрутить обрезанные карты на страницу",
                   label: Phrase("Shift-arrows", "Shift-стрелки")),
        KeyBinding(pairs: [(.tab, .focusNext), (.backTab, .focusPrevious)],
                   help: "inspect: parameters, output cells, input cells",
                   "осмотр: параметры, ячейки выхода, ячейки входа",
                   hint: KeyHint(rank: 4) { $1.pick("Tab inspect", "Tab осмотр") }),
        KeyBinding(keys: [.character(" ")], action: .togglePlay, help: "play / pause the sliding kernel",
                   "пуск / пауза скользящего ядра"),
        KeyBinding(pairs: [(.character("n"), .step(1)), (.character("N"), .step(-1))],
                   help: "step the kernel forward / back", "шаг ядра вперёд / назад"),
        KeyBinding(pairs: [(.character("{"), .slower), (.character("}"), .faster)], help: "animation slower / faster",
                   "анимация медленнее / быстрее"),
        KeyBinding(keys: [.character("p")], action: .togglePadded, help: "padded view: padding ring, never-read cells",
                   "вид с расширением: кольцо расширения, непрочитанные ячейки"),
        KeyBinding(keys: [.character("f")], action: .togglePanel(.formula), help: "formula panel", "панель формулы"),
        KeyBinding(keys: [.character("c")], action: .togglePanel(.cost), help: "cost panel: conv vs fully connected",
                   "панель стоимости: свёрточный слой против полносвязного"),
        KeyBinding(pairs: [(.character("("), .scaleDenseOutputs(up: false)), (.character(")"), .scaleDenseOutputs(up: true))],
                   help: "halve / double K, the dense layer's outputs (cost panel; or type K there)",
                   "K вдвое меньше / больше: выходы полносвязного слоя (панель стоимости; или введите K там)"),
        KeyBinding(keys: [.character("g")], action: .depthwise,
                   help: "depthwise: groups = in_channels, out_channels a multiple (again: groups = 1)",
                   "поканальная свёртка: groups = in_channels, out_channels кратно им (ещё раз: groups = 1)"),
        KeyBinding(pairs: [(.character("K"), .cycleKernel), (.character("w"), .toggleKernelSection)],
                   help: KernelSectionText.keyHelp),
        KeyBinding(keys: [.character("P")], action: .togglePanel(.code),
                   help: "PyTorch line and the command lines reproducing this screen",
                   "строка PyTorch и команды, воспроизводящие этот экран"),
        KeyBinding(pairs: [(.character("u"), .scrollPanel(-3)), (.character("d"), .scrollPanel(3))],
                   help: "scroll a panel taller than its box up / down",
                   "прокрутить длинную панель вверх / вниз"),
        // One row for both: the help page has no room for another at 120×40.
        KeyBinding(pairs: [(.character("e"), .export), (.character("A"), .toggleRecording)],
                   help: "export to a file / record an asciicast until A again: --export-format, --frame, --export-dir",
                   "экспорт в файл / запись экрана (.cast) до нового A: --export-format, --frame, --export-dir",
                   hint: KeyHint(rank: 6) { $1.pick("e export", "e экспорт") }),
        KeyBinding(keys: [.character("t")], action: .toggleTheme, help: "light / dark theme (exports follow it)",
                   "светлая / тёмная тема (экспорт тоже)",
                   hint: KeyHint(rank: 11) { $1.pick("t theme", "t тема") }),
        KeyBinding(keys: [.character("C")], action: .cycleColormap, help: SettingsText.colormapKeyHelp(.en),
                   SettingsText.colormapKeyHelp(.ru)),
        KeyBinding(keys: [.character("m")], action: .toggleMouse, help: SettingsText.mouseKeyHelp(.en),
                   SettingsText.mouseKeyHelp(.ru)),
        .note(Phrase("mouse", "мышь"), Phrase(SettingsText.mouseUsage(.en), SettingsText.mouseUsage(.ru))),
        KeyBinding(keys: [.character("r")], action: .reset, help: "reset to the notebook's defaults",
                   "сбросить к значениям из курса",
                   hint: KeyHint(rank: 12) { $1.pick("r reset", "r сброс") }),
        KeyBinding(keys: [.character("?")], action: .toggleHelp, help: "this help", "эта справка"),
        KeyBinding(keys: [.escape], action: .back,
                   help: "back one level: typed value, help or panel, inspector; never quits",
                   "на уровень назад: ввод, справка или панель, осмотр; не выходит"),
        KeyBinding(keys: [.character("q"), .control("c")], action: .quit, help: "quit", "выход"),
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
    static func typeHint(_ lang: Language) -> String { lang.pick("0-9 type", "0-9 ввод") }

    /// The parameter panel's hints from the table, most important first.
    public static func hints(_ g: Glyphs, _ lang: Language = .en, for state: AppState? = nil) -> [String] {
        hints(of: bindings, g, lang, for: state)
    }

    /// The hints of `list`, most important first; on a locked layer (an exercise) without the
    /// keys that would change it, so the line offers only what works.
    static func hints(of list: [KeyBinding], _ g: Glyphs, _ lang: Language, for state: AppState?) -> [String] {
        list.filter { works($0, in: state) }.compactMap(\.hint).sorted { $0.rank < $1.rank }.map { $0.text(g, lang) }
    }

    /// False for a binding whose keys would change a locked layer (an exercise's): hints and help
    /// offer only what works.
    static func works(_ b: KeyBinding, in state: AppState?) -> Bool {
        guard let state, state.locked else { return true }
        // The typing note has no pair of its own: its keys send typeDigit.
        let actions = b.pairs.map(\.action) + (b.label?.en == "0-9 Enter" ? [Action.typeDigit(0)] : [])
        return !actions.contains { $0.changesLayer(in: state) }
    }

    /// Help-screen rows: the keys as the user types them, and what they do (on a locked layer,
    /// without the keys that would change it).
    public static func helpRows(_ g: Glyphs, _ lang: Language = .en, for state: AppState? = nil) -> [(keys: String, help: String)] {
        let locked = state?.locked == true
        return rows(bindings.filter { works($0, in: state) }, g, lang).map { row in
            locked && row.keys == Phrase("mouse", "мышь")(lang) ? (row.keys, SettingsText.lockedMouseUsage(lang)) : row
        }
    }

    /// Each binding as a help row: its label, or its keys as the user types them, and its help.
    static func rows(_ list: [KeyBinding], _ g: Glyphs, _ lang: Language) -> [(keys: String, help: String)] {
        list.map { b in (b.label?(lang) ?? b.keys.map { $0.label(g, lang) }.joined(separator: " "), b.help(lang)) }
    }
}
