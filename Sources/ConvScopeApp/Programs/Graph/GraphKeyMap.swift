import ConvCore

/// The graph screen's rows of the key table, and how keys map there: the inspector's keys while
/// a cursor is on the maps, its own keys, then the screen's common keys it keeps.
extension KeyMap {
    /// The graph screen's own bindings, in the help's order.
    public static let graphBindings: [KeyBinding] = [
        KeyBinding(pairs: [(.up, .graph(.selectRow(-1))), (.down, .graph(.selectRow(1))),
                           (.character(","), .graph(.selectRow(-1))), (.character("."), .graph(.selectRow(1)))],
                   help: Phrase("select the previous / next row (a node or a block)", "выбрать предыдущую / следующую строку (узел или блок)"),
                   hint: KeyHint(rank: 1, keys: [.up, .down], Phrase("select", "выбор"))),
        KeyBinding(pairs: [(.pageUp, .graph(.selectRow(-10))), (.pageDown, .graph(.selectRow(10)))],
                   help: Phrase("ten rows up / down", "на десять строк вверх / вниз")),
        KeyBinding(pairs: [(.home, .graph(.selectRow(-1 << 20))), (.end, .graph(.selectRow(1 << 20)))],
                   help: Phrase("the first / last row", "первая / последняя строка")),
        KeyBinding(keys: [.enter], action: .graph(.toggleFold),
                   help: Phrase("fold the selected block to one row (its output and parameters), or unfold it; on a node, fold its block",
                                "свернуть выбранный блок в одну строку (его выход и параметры) или развернуть; на узле — свернуть его блок"),
                   hint: KeyHint(rank: 2, Phrase("fold", "свернуть"))),
        KeyBinding(keys: [.character("d")], action: .graph(.foldDepth),
                   help: Phrase("fold every block at the next depth of module names (1, 2, …), then unfold all",
                                "свернуть все блоки следующей глубины имён модулей (1, 2, …), затем развернуть всё"),
                   hint: KeyHint(rank: 3, Phrase("depth", "глубина"))),
        KeyBinding(pairs: [(.tab, .graph(.toggleInspect)), (.backTab, .graph(.toggleInspect))],
                   help: Phrase("inspect the selected node's output cells", "исследовать ячейки выхода выбранного узла"),
                   hint: KeyHint(rank: 4, Phrase("inspect", "исследовать"))),
        KeyBinding(keys: [.character("R")], action: .graph(.toggleField),
                   help: Phrase("receptive field: r, jump and start per axis, and how many paths lead from each input cell to the inspected cell",
                                "рецептивное поле: r, шаг и начало по осям и сколько путей ведёт из каждой ячейки входа к исследуемой"),
                   hint: KeyHint(rank: 5, Phrase("field", "поле"))),
        KeyBinding(keys: [.character("c")], action: .graph(.toggleDense),
                   help: Phrase("the course notes' conv vs dense: the selected convolution against a dense layer of the same input and output, and the model's own Linear",
                                "свёртка против полносвязного слоя, как в конспекте курса: выбранная свёртка и полносвязный слой с теми же входом и выходом, и Linear самой модели"),
                   hint: KeyHint(rank: 6, Phrase("dense", "полносвязный"))),
        KeyBinding(keys: [.character("v")], action: .graph(.cycleTransposedView),
                   help: Phrase("a ConvTranspose2d node: its output, then the direct convolution it equals, then the scatter of scaled kernels",
                                "узел ConvTranspose2d: его выход, затем равная ему прямая свёртка, затем разброс масштабированных ядер")),
        KeyBinding(keys: [LayerLesson.key], action: .graph(.openLesson),
                   help: Phrase("open the selected Conv2d node in the course screen (animation, kernel, presets, inspectors, code) on the value of the node it reads; the same key comes back with its arguments and weights written into the graph",
                                "открыть выбранный узел Conv2d в учебном экране (анимация, ядро, пресеты, исследование, код) на значении узла, который он читает; та же клавиша — назад, аргументы и веса записываются в граф"),
                   hint: KeyHint(rank: 7, Phrase("open", "открыть"))),
        .note(Phrase("mouse", "мышь"),
              Phrase("click a row to select it; the wheel over the maps scrolls them",
                     "щелчок по строке выбирает её; колесо над картами прокручивает их")),
        KeyBinding(keys: [.escape], action: .graph(.back),
                   help: Phrase("back one level: panel, field, inspector; never quits", "на уровень назад: панель, поле, исследование; не выходит")),
    ]

    /// The inspector's keys on the graph screen.
    public static let graphInspectorBindings = cursorBindings(move: { .graph(.moveCursor(dx: $0, dy: $1)) },
                                                              channel: { .graph(.cursorChannel($0)) })

    /// The common actions the graph screen keeps from the single-layer table.
    static func keptOnGraph(_ action: Action) -> Bool {
        switch action {
        case .cycleZoom, .previousPage, .nextPage, .scroll, .export, .toggleRecording, .toggleTheme, .toggleHelp, .quit,
             .toggleMouse, .cycleColormap, .scrollPanel:
            true
        default:
            false
        }
    }

    static let graphTable = table(of: graphBindings)
    static let graphInspectorTable = table(of: graphInspectorBindings)

    /// The action for a key on the graph screen (help is handled before).
    static func graphAction(for key: Key, in state: ModelProgram) -> Action? {
        guard let graph = state.graph else { return nil }
        if graph.inspecting, let action = graphInspectorTable[key] { return action }
        // With the dense panel open the panel keys scroll it, as on the other screens (d before fold depth).
        if graph.denseView, let action = table[key], case .scrollPanel = action { return action }
        if let action = graphTable[key] { return action }
        guard let action = table[key], keptOnGraph(action) else { return nil }
        return action
    }

    /// The help's rows on the graph screen: its own keys, the inspector's, then the common ones it keeps.
    public static func graphHelpRows(_ g: Glyphs, _ lang: Language) -> [(keys: String, help: String)] {
        let kept = bindings.filter { b in
            (b.actions.first.map(keptOnGraph) ?? false) && !(!b.keys.isEmpty && b.keys.allSatisfy { graphTable[$0] != nil })
        }
        return rows(graphBindings + graphInspectorBindings + kept, g, lang)
    }

    /// The graph screen's hints, most important first (`o` on a Conv2d node, the one it opens).
    public static func graphHints(_ g: Glyphs, _ lang: Language, for state: GraphScreenState) -> [String] {
        hints(of: graphBindings.filter { $0.action != .graph(.openLesson) || state.selectsConv2d }, g, lang, for: nil as ModelProgram?)
    }
}
