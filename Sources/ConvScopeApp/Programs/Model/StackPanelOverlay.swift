import ConvCore

/// The formula or cost panel of the selected layer over the lower right of the stack screen's
/// maps, drawn as the single-layer screen draws its panels (u d scroll a tall one).
enum StackPanelOverlay {
    /// The panels the stack screen has (the code panel is the single layer's).
    static func shows(_ panel: Panel) -> Bool { panel == .formula || panel == .cost }

    /// The box and its lines for a state, or nil when no stack panel is open.
    static func content(_ state: ModelProgram, layout: StackScreenLayout, environment env: RenderEnvironment) -> PanelOverlay.Content? {
        guard let s = state.stack, let panel = state.panel, shows(panel), !layout.tooSmall else { return nil }
        let g = env.glyphs, lang = env.language
        // Beside a narrow maps column the panel takes the whole width, as on the single-layer screen.
        let wide = layout.maps.width < PanelOverlay.minimumWidth
        let m = wide ? Rect(x: 0, y: layout.maps.y, width: layout.columns, height: layout.maps.height) : layout.maps
        let inner = max(10, m.width - 4)
        let lines = panel == .cost ? StackPanelText.cost(s, glyphs: g, width: inner, language: lang)
            : StackPanelText.formula(s, glyphs: g, width: inner, language: lang)
        let name = panel == .cost ? StackPanelWords.costTitle(lang) : HintText.panelName(panel, lang)
        let long = HintText.panelTitle(name, key: KeyWords.model(.togglePanel(panel), g, lang), lang, g)
        let title = "(\(s.model.name(s.selected))) " + (long.count + 10 <= m.width ? long : name)
        let width = wide ? m.width : min(m.width, max(title.count + 6, (lines.map(\.text.count).max() ?? 0) + 4))
        let height = min(m.height, lines.count + 2)
        return PanelOverlay.Content(frame: Rect(x: m.maxX - width, y: m.maxY - height, width: width, height: height),
                                    title: title, lines: lines)
    }

    static func paint(into canvas: inout Canvas, state: ModelProgram, layout: StackScreenLayout, environment env: RenderEnvironment) {
        guard let content = content(state, layout: layout, environment: env) else { return }
        PanelOverlay.paint(into: &canvas, content: content, scroll: state.panelScroll, environment: env)
    }
}

extension ModelProgram {
    /// u d on the stack screen: scrolls its open panel within its lines.
    mutating func scrollStackPanel(_ delta: Int) {
        let layout = modelLayout(drawn: onScreen)
        let maxScroll = StackPanelOverlay.content(self, layout: layout, environment: environment)?.maxScroll ?? 0
        panelScroll = min(max(0, panelScroll + delta), maxScroll)
    }
}
