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

    /// Paints the panel over the maps area when it is open; a panel taller than the room ends in an ellipsis.
    static func paint(into canvas: inout Canvas, state s: GraphScreenState, layout: GraphScreenLayout, environment env: RenderEnvironment) {
        let maps = layout.maps
        guard s.denseView, maps.height >= 3, maps.width >= 14 else { return }
        let g = env.glyphs
        // A wide window keeps the table narrow: its numbers stay next to their labels.
        let inner = min(maps.width - 4, widest)
        let lines = GraphDenseText(lang: env.language, g: g).lines(s, width: inner)
        let frame = Rect(x: maps.x, y: maps.y, width: inner + 4, height: min(maps.height, lines.count + 2))
        canvas.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        Box.paint(into: &canvas, frame: frame, title: title(env.language, g, width: frame.width), glyphs: g,
                  style: Style(foreground: Palette.accent))
        let visible = frame.height - 2
        for (i, line) in lines.prefix(visible).enumerated() {
            let cut = i == visible - 1 && lines.count > visible
            canvas.put(cut ? g.ellipsis : line.text, x: frame.x + 2, y: frame.y + 1 + i, style: line.style, maxWidth: frame.width - 4)
        }
    }
}

extension KeyWords {
    /// The graph screen's own key for `action`, as written.
    static func graph(_ action: GraphAction, _ g: Glyphs, _ l: Language) -> String {
        let key = KeyMap.graphBindings.lazy.flatMap(\.pairs).first { $0.action == .graph(action) }?.key
        return keys(key.map { [$0] } ?? [], g, l)
    }
}
