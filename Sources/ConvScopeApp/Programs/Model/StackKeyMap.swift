import ConvCore
/// The stack screen's rows of the key table, and how keys map there: its own keys first, then
/// the parameter keys (on a Conv2d, while no cursor is on the maps) and the screen's common keys.
extension KeyMap {
    /// The stack screen's own bindings, in the help's order, in `lang`.
    public static func stackBindings(_ lang: Language) -> [KeyBinding] {
        [
            KeyBinding(pairs: [(.character(","), .stack(.selectLayer(-1))), (.character("."), .stack(.selectLayer(1)))],
                       help: Phrase("select the previous / next layer", "выбрать предыдущий / следующий слой"),
                       hint: KeyHint(rank: 1, keys: [.character(","), .character(".")], joiner: " ", Phrase("layer", "слой"))),
            KeyBinding(keys: [.character("i")], action: .stack(.openPrompt),
                       help: Phrase("add a layer typed as in PyTorch, e.g. Conv2d(8, 8, 3), after the selected one",
                                       "добавить слой, набранный как в PyTorch, например Conv2d(8, 8, 3), после выбранного"),
                       hint: KeyHint(rank: 2, Phrase("add", "добавить"))),
            KeyBinding(keys: [.character("a")], action: .stack(.duplicate),
                       help: Phrase("add a copy of the selected layer after it", "добавить копию выбранного слоя после него")),
            KeyBinding(keys: [.character("x")], action: .stack(.remove),
                       help: Phrase("remove the selected layer", "удалить выбранный слой"),
                       hint: KeyHint(rank: 3, Phrase("remove", "удалить"))),
            KeyBinding(pairs: [(.character("<"), .stack(.move(-1))), (.character(">"), .stack(.move(1)))],
                       help: Phrase("move the selected layer up / down", "сдвинуть выбранный слой вверх / вниз"),
                       hint: KeyHint(rank: 6, keys: [.character("<"), .character(">")], joiner: " ", Phrase("move", "сдвинуть"))),
            KeyBinding(pairs: [(.tab, .stack(.toggleInspect)), (.backTab, .stack(.toggleInspect))],
                       help: Phrase("inspect the selected layer's output cells (arrows move, \(pages) channel)",
                                       "исследовать ячейки выхода выбранного слоя (стрелки — ячейка, \(pages) — канал)"),
                       hint: KeyHint(rank: 4, Phrase("inspect", "исследовать"))),
            KeyBinding(keys: [LayerLesson.key], action: .stack(.openLesson),
                       help: Phrase("open the selected Conv2d in the course screen (animation, kernel, presets, inspectors, code) on its input from the model; the same key comes back with the edits",
                                    "открыть выбранный Conv2d в учебном экране (анимация, ядро, пресеты, исследование, код) на его входе из модели; та же клавиша — назад с изменениями"),
                       hint: KeyHint(rank: 3, Phrase("open", "открыть"))),
            KeyBinding(keys: [.character("f")], action: .togglePanel(.formula),
                       help: Phrase("the selected layer's output-size formula with its numbers",
                                    "формула размера выхода выбранного слоя с его числами")),
            KeyBinding(keys: [.character("c")], action: .togglePanel(.cost),
                       help: Phrase("the selected layer's parameters and multiplications, and the whole model's",
                                    "параметры и умножения выбранного слоя и всей модели")),
            KeyBinding(keys: [.character("R")], action: .stack(.toggleField),
                       help: Phrase("while inspecting: the cell's whole receptive field in the model's input",
                                       "при исследовании: всё рецептивное поле ячейки во входе модели")),
            KeyBinding(keys: [.character("v")], action: .stack(.toggleCoverage),
                       help: Phrase("coverage map: how many windows read each input cell; on a ConvTranspose2d first its direct and scatter forms",
                                       "карта покрытия: сколько окон читает каждую ячейку входа; у ConvTranspose2d сначала прямая форма и разброс"),
                       hint: KeyHint(rank: 5, Phrase("coverage", "покрытие"))),
            .note(Phrase("mouse", "мышь"),
                  Phrase("click a layer's line to select it, a row or its slider to change it (the wheel too), an output cell to inspect it; the wheel over the maps scrolls them",
                         "щелчок по строке слоя выбирает его, по параметру или ползунку — меняет (и колесо), по ячейке выхода — открывает исследование; колесо над картами прокручивает их")),
            KeyBinding(keys: [.escape], action: .stack(.back),
                       help: Phrase("back one level: panel, field, inspector, coverage; never quits",
                                       "на уровень назад: панель, поле, исследование, покрытие; не выходит")),
        ]
    }

    /// The keys of the open layer prompt (other characters are typed into it).
    public static let stackPromptBindings: [KeyBinding] = [
        .note(Phrase("i, then text", "i, затем текст"),
              Phrase("type a layer as PyTorch prints it: Conv2d(8, 16, 3, padding=1), nn. optional; Cat(2) joins layer (2)",
                     "набрать слой, как его печатает PyTorch: Conv2d(8, 16, 3, padding=1), nn. можно не писать; Cat(2) склеивает со слоем (2)")),
        KeyBinding(keys: [.enter], action: .stack(.commitPrompt),
                   help: Phrase("in the prompt: add the typed layer (or show why it does not parse)",
                                "в строке ввода: добавить набранный слой (или показать, почему он не разбирается)")),
        KeyBinding(keys: [.backspace], action: .stack(.promptBackspace),
                   help: Phrase("in the prompt: erase the last character", "в строке ввода: стереть последний символ")),
        KeyBinding(keys: [.escape], action: .stack(.cancelPrompt),
                   help: Phrase("in the prompt: close it, adding nothing", "в строке ввода: закрыть, ничего не добавляя")),
    ]

    /// The inspector's keys on the stack screen: the single-layer inspector's, on the stack's cursor.
    public static let stackInspectorBindings = cursorBindings(move: { .stack(.moveCursor(dx: $0, dy: $1)) },
                                                              channel: { .stack(.cursorChannel($0)) })

    /// A screen's inspector keys: arrows (and hjkl) move the cursor, PgUp/PgDn the channel, Home/End the corners.
    static func cursorBindings(move: (Int, Int) -> Action, channel: (Int) -> Action) -> [KeyBinding] {
        [
            KeyBinding(pairs: [(.up, move(0, -1)), (.down, move(0, 1)), (.left, move(-1, 0)), (.right, move(1, 0)),
                               (.character("k"), move(0, -1)), (.character("j"), move(0, 1)),
                               (.character("h"), move(-1, 0)), (.character("l"), move(1, 0))],
                       help: Phrase("while inspecting: move the cursor one cell", "при исследовании: сдвинуть курсор на ячейку")),
            KeyBinding(pairs: [(.pageUp, channel(-1)), (.pageDown, channel(1))],
                       help: Phrase("while inspecting: the previous / next channel", "при исследовании: предыдущий / следующий канал")),
            KeyBinding(pairs: [(.home, move(-1 << 20, -1 << 20)), (.end, move(1 << 20, 1 << 20))],
                       help: Phrase("while inspecting: the first / last cell", "при исследовании: первая / последняя ячейка")),
        ]
    }

    /// The common actions the stack screen keeps from the single-layer table.
    static func keptOnStack(_ action: Action) -> Bool {
        switch action {
        // Typing a value: digits are read before the table, on a layer with parameters.
        case .typeDigit,
             .toggleLink, .cycleZoom, .previousPage, .nextPage, .scroll, .export, .toggleRecording, .toggleTheme, .toggleHelp, .quit,
             .toggleMouse, .scrollPanel, .togglePadded:
            true
        case .togglePanel(let panel):
            StackPanelOverlay.shows(panel)
        default:
            editsParameter(action)
        }
    }

    /// The panel's editing actions, which act on the selected layer's parameter table.
    static func editsParameter(_ action: Action) -> Bool {
        switch action {
        case .selectPrevious, .selectNext, .decrement, .increment, .bigDecrement, .bigIncrement, .setMinimum, .setMaximum:
            true
        default:
            false
        }
    }

    static let stackTable = table(of: stackBindings(.en))

    static let stackInspectorTable = table(of: stackInspectorBindings)
    static let stackPromptTable = table(of: stackPromptBindings)

    /// Each key of `bindings` with its action.
    static func table(of bindings: [KeyBinding]) -> [Key: Action] {
        var t: [Key: Action] = [:]
        for b in bindings { for pair in b.pairs { t[pair.key] = pair.action } }
        return t
    }

    /// The action for a key on the stack screen (help and typed values are handled before).
    static func stackAction(for key: Key, in state: ModelProgram) -> Action? {
        guard let stack = state.stack else { return nil }
        if stack.prompt != nil {
            if let action = stackPromptTable[key] { return action }
            if case .character(let c) = key { return .stack(.promptType(c)) }
            return nil
        }
        if stack.inspecting, let action = stackInspectorTable[key] { return action }
        if let action = stackTable[key] { return action }
        let editable = !stack.inspecting
        if case .character(let c) = key, let d = c.wholeNumberValue, c.isASCII {
            guard editable else { return nil }
            return stack.model.parameterRows(at: stack.selected).isEmpty ? nil : .typeDigit(d)
        }
        guard let action = table[key], keptOnStack(action) else { return nil }
        if editsParameter(action) && !editable { return nil }
        return action
    }

    /// The help's rows on the stack screen: its own keys, then the common ones it keeps.
    public static func stackHelpRows(_ g: Glyphs, _ lang: Language, for state: ModelProgram? = nil) -> [(keys: String, help: String)] {
        // A common row whose keys the stack screen binds itself is listed once, with the stack's words.
        let kept = bindings.filter { b in
            (b.actions.first.map(keptOnStack) ?? false) && !(!b.keys.isEmpty && b.keys.allSatisfy { stackTable[$0] != nil })
        }
        // A locked model (an exercise's) takes no typed layer, and its mouse only selects and inspects.
        let locked = state?.locked == true
        let listed = stackBindings(lang) + (locked ? [] : stackPromptBindings) + stackInspectorBindings + kept
        return rows(listed.filter { works($0, in: state) }, g, lang).map { row in
            locked && row.keys == Phrase("mouse", "мышь")(lang) ? (row.keys, lockedStackMouse(lang)) : row
        }
    }

    static func lockedStackMouse(_ lang: Language) -> String {
        lang.pick("click a layer's line to select it, an output cell to inspect it; the wheel over the maps scrolls them",
                  "щелчок по строке слоя выбирает его, по ячейке выхода — открывает исследование; колесо над картами прокручивает их")
    }

    /// The stack screen's hints, most important first.
    public static func stackHints(_ g: Glyphs, _ lang: Language, for state: ModelProgram? = nil) -> [String] {
        hints(of: stackBindings(lang), g, lang, for: state)
    }
}
