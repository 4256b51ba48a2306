import ConvCore

/// The dense panel (key c) in a box over the graph screen's maps: the course notes' conv-vs-dense
/// comparison for the selected node and the model's own Linear.
enum GraphDensePanel {
    /// The widest the panel's text runs.
    static let widest = 84

    /// The box's title: the panel's name and the key that closes it.
    static func title(_ lang: Language, _ g: Glyphs, width: Int) -> String {
        let name = lang.pick("conv vs dense", "свёртка и полносвязный слой")
        let long = HintText.panelTitle(name, key: KeyWords.graph(.toggleDense, g, lang), lang, g)
        return long.count + 4 <= width ? long : name
    }

    /// The panel's box over the maps area and its lines, or nil when it is closed or has no room.
    static func content(state s: GraphScreenState, layout: GraphScreenLayout, environment env: RenderEnvironment) -> PanelOverlay.Content? {
        let maps = layout.maps
        guard s.denseView, maps.height >= 3, maps.width >= 14 else { return nil }
        // A wide window keeps the table narrow: its numbers stay next to their labels.
        let inner = min(maps.width - 4, widest)
        let lines = GraphDenseText(lang: env.language, g: env.glyphs).lines(s, width: inner)
        let frame = Rect(x: maps.x, y: maps.y, width: inner + 4, height: min(maps.height, lines.count + 2))
        return PanelOverlay.Content(frame: frame, title: title(env.language, env.glyphs, width: frame.width), lines: lines)
    }

    /// Paints the panel when it is open; one taller than the room scrolls as the other panels do
    /// (the marker on its bottom border says what is hidden and the keys that show it).
    static func paint(into canvas: inout Canvas, state: ModelProgram, layout: GraphScreenLayout, environment env: RenderEnvironment) {
        guard let s = state.graph, let content = content(state: s, layout: layout, environment: env) else { return }
        PanelOverlay.paint(into: &canvas, content: content, scroll: state.panelScroll, environment: env)
    }
}

extension ModelProgram {
    /// The panel keys (u d) with the dense panel open: scroll it within its lines.
    mutating func scrollGraphPanel(_ delta: Int) {
        guard let g = graph else { return }
        let layout = graphLayout(drawn: onScreen)
        let maxScroll = GraphDensePanel.content(state: g, layout: layout, environment: environment)?.maxScroll ?? 0
        panelScroll = min(max(0, panelScroll + delta), maxScroll)
    }
}

extension KeyWords {
    /// The graph screen's own key for `action`, as written.
    static func graph(_ action: GraphAction, _ g: Glyphs, _ l: Language) -> String {
        let key = KeyMap.graphBindings.lazy.flatMap(\.pairs).first { $0.action == .graph(action) }?.key
        return keys(key.map { [$0] } ?? [], g, l)
    }
}
