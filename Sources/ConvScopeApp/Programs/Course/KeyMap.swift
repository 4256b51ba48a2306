import ConvCore

/// A binding's entry in the hint line: its place (most important first), the keys it shows and
/// its words. The keys are written as the key table writes them, never inside the words, so a
/// hint cannot name a key the table does not send ("↑↓ select": `.up`, `.down`, then "select").
public struct KeyHint: Sendable {
    public let rank: Int
    /// The keys shown, nil for the binding's first; a pair's partner from the next row (↓ after ↑) is listed here.
    let keys: [Key]?
    /// What separates the keys ("" for ↑↓, "/" for PgUp/PgDn, " " for [ ]).
    let joiner: String
    /// The words after the keys, which may use the screen's glyphs ("×2").
    let words: @Sendable (Glyphs, Language) -> String

    init(rank: Int, keys: [Key]? = nil, joiner: String = "", words: @escaping @Sendable (Glyphs, Language) -> String) {
        self.rank = rank; self.keys = keys; self.joiner = joiner; self.words = words
    }

    /// A hint whose words are the same on every device.
    init(rank: Int, keys: [Key]? = nil, joiner: String = "", _ words: Phrase) {
        self.init(rank: rank, keys: keys, joiner: joiner) { _, lang in words(lang) }
    }

    /// The hint as shown for a binding whose first key is `first`.
    func text(first: Key?, _ g: Glyphs, _ lang: Language) -> String {
        let shown = (keys ?? first.map { [$0] } ?? []).map { $0.label(g, lang) }.joined(separator: joiner)
        return shown + " " + words(g, lang)
    }
}

/// One row of the key table: each key with the action it sends, the help text and the hint.
public struct KeyBinding: Sendable {
    public let pairs: [(key: Key, action: Action)]
    public let help: Phrase
    /// How the help writes the keys; nil lists them one by one.
    public let label: Phrase?
    /// Its words on the hint line, if it has any.
    public let hint: KeyHint?
    /// What a help-only row's keys send outside the table (typing a value sends `.typeDigit`).
    let sentOutsideTable: [Action]

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
    init(pairs: [(key: Key, action: Action)], help: String, _ russian: String, label: Phrase? = nil, hint: KeyHint? = nil,
         sentOutsideTable: [Action] = []) {
        self.pairs = pairs
        self.help = Phrase(help, russian)
        self.label = label
        self.hint = hint
        self.sentOutsideTable = sentOutsideTable
    }

    /// A help line for keys handled outside the table (typing, moving the inspector cursor), and what they send.
    static func note(_ label: Phrase, _ help: Phrase, hint: KeyHint? = nil, sends: [Action] = []) -> KeyBinding {
        KeyBinding(pairs: [], help: help.en, help.ru, label: label, hint: hint, sentOutsideTable: sends)
    }

    /// Its hint as shown, nil when it has none.
    public func hintText(_ g: Glyphs, _ lang: Language) -> String? { hint?.text(first: keys.first, g, lang) }

    /// Every action its keys send, in the table or outside it.
    var actions: [Action] { pairs.map(\.action) + sentOutsideTable }

    public var keys: [Key] { pairs.map(\.key) }
    /// The first key's action (nil for a help-only row).
    public var action: Action? { pairs.first?.action }
}

/// The single key table: the run loop looks keys up here and the help overlay is printed from it.
public enum KeyMap {
    /// Keys the help's sentences name, written as the table writes them (no glyph differs for these).
    static let esc = Key.escape.label(.unicodeSet, .en), pages = KeyWords.keys([.pageUp, .pageDown], .unicodeSet, .en, joiner: "/")

    /// Bindings in the order the help screen lists them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .selectPrevious, help: "select the previous parameter",
                   "выбрать предыдущий параметр",
                   hint: KeyHint(rank: 1, keys: [.up, .down], Phrase("select", "выбор"))),
        KeyBinding(keys: [.down, .character("j")], action: .selectNext, help: "select the next parameter",
                   "выбрать следующий параметр"),
        KeyBinding(keys: [.left, .character("h"), .character("-")], action: .decrement, help: "decrease it by one",
                   "уменьшить на единицу",
                   hint: KeyHint(rank: 2, keys: [.left, .right], Phrase("change", "изменить"))),
        KeyBinding(keys: [.right, .character("l"), .character("+"), .character("=")], action: .increment,
                   help: "increase it by one", "увеличить на единицу"),
        KeyBinding(keys: [.pageUp], action: .bigIncrement, help: "double (sizes, channels) or +4",
                   "удвоить (размеры, каналы) или +4",
                   hint: KeyHint(rank: 7, keys: [.pageUp, .pageDown], joiner: "/") { g, _ in "\(g.times)2" }),
        KeyBinding(keys: [.pageDown], action: .bigDecrement, help: "halve (sizes, channels) or -4",
                   "уменьшить вдвое (размеры, каналы) или -4"),
        KeyBinding(keys: [.home], action: .setMinimum, help: "set it to its minimum",
                   "поставить минимум",
                   hint: KeyHint(rank: 8, keys: [.home, .end], joiner: "/", Phrase("min/max", "мин/макс"))),
        KeyBinding(keys: [.end], action: .setMaximum, help: "set it to its maximum", "поставить максимум"),
        .note(Phrase("0-9 Enter", "0-9 Enter"),
              Phrase("type a value for the selected parameter (\(esc) cancels; other keys wait)",
                     "ввести значение выбранного параметра (\(esc) отменяет; другие клавиши ждут)"),
              hint: typeHint, sends: [.typeDigit(0)]),
        KeyBinding(keys: [.character("L")], action: .toggleLink,
                   help: "link h/w pairs (size, kernel, padding, stride, dilation)",
                   "связать пары h/w (размер, ядро, расширение, шаг, дилатация)",
                   hint: KeyHint(rank: 10, Phrase("link", "связь"))),
        KeyBinding(keys: [.character("z")], action: .cycleZoom,
                   help: "zoom: " + CodePanelText.zoomNames.joined(separator: ", "),
                   "масштаб: авто, " + Zoom.allCases.map { NoticeText.zoomName($0, .ru) }.joined(separator: ", "),
                   hint: KeyHint(rank: 5, Phrase("zoom", "масштаб"))),
        .note(Phrase("in a map", "в карте"),
              Phrase("arrows move the cursor, \(pages) its channel", "стрелки двигают курсор, \(pages) меняют его канал")),
        KeyBinding(pairs: [(.character("["), .previousPage), (.character("]"), .nextPage)],
                   help: "previous / next page of channels", "предыдущая / следующая страница каналов",
                   hint: KeyHint(rank: 9, keys: [.character("["), .character("]")], joiner: " ", Phrase("page", "страница"))),
        KeyBinding(pairs: [(.shiftLeft, .scroll(dx: -1, dy: 0)), (.shiftRight, .scroll(dx: 1, dy: 0)),
                           (.shiftUp, .scroll(dx: 0, dy: -1)), (.shiftDown, .scroll(dx: 0, dy: 1))],
                   help: "scroll cropped maps by a page", "прокрутить обрезанные карты на страницу",
                   label: Phrase("Shift-arrows", "Shift-стрелки")),
        KeyBinding(pairs: [(.tab, .focusNext), (.backTab, .focusPrevious)],
                   help: "inspect: parameters, output cells, input cells",
                   "осмотр: параметры, ячейки выхода, ячейки входа",
                   hint: KeyHint(rank: 4, Phrase("inspect", "осмотр"))),
        // One row for the animation: the help page has no room for more at 120×40.
        KeyBinding(pairs: [(.character(" "), .togglePlay), (.character("n"), .step(1)), (.character("N"), .step(-1)),
                           (.character("{"), .slower), (.character("}"), .faster)],
                   help: "sliding kernel: play / pause, step forward / back, slower / faster",
                   "скользящее ядро: пуск / пауза, шаг вперёд / назад, медленнее / быстрее"),
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
        KeyBinding(keys: [.character("G")], action: .separable,
                   help: "depthwise-separable: depthwise, then pointwise 1×1 to out_channels; cost panel compares (again: off)",
                   "раздельная свёртка: поканальная, затем точечная 1×1 в out_channels; сравнение в панели стоимости (ещё раз: выкл.)"),
        // One row for both: the help page has no room for another at 120×40.
        KeyBinding(pairs: [(.character("v"), .cycleTransposedView), (.character("F"), .toggleTrueConvolution),
                           (.character("T"), .cycleCausal)],
                   help: "ConvTranspose2d: layer, direct, scatter / Conv2d: true convolution / Conv1d: causal, WaveNet stack",
                   "ConvTranspose2d: слой, прямая, разброс / Conv2d: настоящая свёртка / Conv1d: причинная и её стек",
                   hint: KeyHint(rank: 0, Phrase("explain", "объяснить"))),
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
                   help: "export to a file / start or stop recording (.cast): --export-format, --frame, --export-dir",
                   "экспорт в файл / запись экрана (.cast) вкл./выкл.: --export-format, --frame, --export-dir",
                   hint: KeyHint(rank: 6, Phrase("export", "экспорт"))),
        KeyBinding(keys: [.character("t")], action: .toggleTheme, help: "light / dark theme (exports follow it)",
                   "светлая / тёмная тема (экспорт тоже)",
                   hint: KeyHint(rank: 11, Phrase("theme", "тема"))),
        KeyBinding(keys: [.character("C")], action: .cycleColormap, help: SettingsText.colormapKeyHelp(.en),
                   SettingsText.colormapKeyHelp(.ru)),
        KeyBinding(keys: [.character("m")], action: .toggleMouse, help: SettingsText.mouseKeyHelp(.en),
                   SettingsText.mouseKeyHelp(.ru)),
        .note(Phrase("mouse", "мышь"), Phrase(SettingsText.mouseUsage(.en), SettingsText.mouseUsage(.ru))),
        KeyBinding(keys: [.character("r")], action: .reset, help: "reset to the notebook's defaults",
                   "сбросить к значениям из курса",
                   hint: KeyHint(rank: 12, Phrase("reset", "сброс"))),
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

    /// The keys every screen reads first: Ctrl-C, Ctrl-Z, the help's paging (any other key
    /// closes it) and a value being typed (only the typing keys act, so a stray q or arrow loses
    /// nothing). nil when the screen's own keys decide; `.some(nil)` when the key does nothing.
    static func screenAction(for key: Key, _ settings: ScreenSettings, helpPages: @autoclosure () -> Int) -> Action?? {
        if key == .control("c") { return .some(.quit) }
        if key == .control("z") { return .some(.suspend) }
        if settings.showHelp {
            // Paging keys page only when there is more than one page; every other key closes.
            let paged = helpPages() > 1
            switch key {
            case .pageDown, .down, .right: return .some(paged ? .helpPage(1) : .toggleHelp)
            case .pageUp, .up, .left: return .some(paged ? .helpPage(-1) : .toggleHelp)
            default: return .some(.toggleHelp)
            }
        }
        if settings.typing != nil {
            switch key {
            case .enter: return .some(.commitTyping)
            case .escape: return .some(.back)
            case .backspace: return .some(.typeBackspace)
            case .character(let c) where c.isASCII && c.wholeNumberValue != nil: return .some(.typeDigit(c.wholeNumberValue!))
            default: return .some(nil)
            }
        }
        return nil
    }

    /// The action for a key in the current state, or nil when the key does nothing.
    public static func action(for key: Key, in state: AppState) -> Action? {
        if let decided = screenAction(for: key, state.settings, helpPages: state.helpPages(drawn: state.onScreen)) { return decided }
        if state.focus != .parameters, let action = inspectorTable[key] { return action }
        if case .character(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            // In a map digits mean nothing; with the cost panel open they type K.
            return state.focus == .parameters || state.panel == .cost ? .typeDigit(d) : nil
        }
        return table[key]
    }

    /// The typing hint, which the cost panel leaves out (there digits type K).
    static let typeHint = KeyHint(rank: 3, keys: [.character("0"), .character("9")], joiner: "-", Phrase("type", "ввод"))

    /// The parameter panel's hints from the table, most important first.
    public static func hints(_ g: Glyphs, _ lang: Language, for state: AppState? = nil) -> [String] {
        hints(of: bindings, g, lang, for: state)
    }

    /// The hints of `list`, most important first; on a locked layer (an exercise) without the
    /// keys that would change it, so the line offers only what works.
    static func hints(of list: [KeyBinding], _ g: Glyphs, _ lang: Language, for state: AppState?) -> [String] {
        ranked(list.filter { works($0, in: state) && explains($0, in: state) }, g, lang)
    }

    /// The hints of the bindings that have one, most important first.
    static func ranked(_ list: [KeyBinding], _ g: Glyphs, _ lang: Language) -> [String] {
        list.filter { $0.hint != nil }.sorted { $0.hint!.rank < $1.hint!.rank }.compactMap { $0.hintText(g, lang) }
    }

    /// The explanation key's hint shows only where it explains: a ConvTranspose2d, or a depthwise-separable pair.
    static func explains(_ b: KeyBinding, in state: AppState?) -> Bool {
        b.action != .cycleTransposedView || state?.isTransposed == true || state?.separableCost != nil
    }

    /// False for a binding whose keys would change a locked layer (an exercise's): hints and help
    /// offer only what works.
    static func works(_ b: KeyBinding, in state: AppState?) -> Bool {
        works(b, locked: state?.locked == true, digitsTypeK: state?.panel == .cost)
    }

    /// False for a binding whose keys would change a locked layer or model.
    static func works(_ b: KeyBinding, locked: Bool, digitsTypeK: Bool) -> Bool {
        !locked || !b.actions.contains { $0.changesLayer(digitsTypeK: digitsTypeK) }
    }

    /// Help-screen rows: the keys as the user types them, and what they do (on a locked layer,
    /// without the keys that would change it).
    public static func helpRows(_ g: Glyphs, _ lang: Language, for state: AppState? = nil) -> [(keys: String, help: String)] {
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
