/// The cost, formula or code panel in a box over the lower part of the maps. A panel taller
/// than the room scrolls (u d) and says how many lines are above and below.
enum PanelOverlay {
    /// The box and its lines for a state: shared by painting and by the scroll clamp in `update`.
    struct Content {
        let frame: Rect
        let title: String
        let lines: [PanelLine]
        /// Lines that fit inside the box.
        var visible: Int { max(0, frame.height - 2) }
        /// The largest useful scroll offset.
        var maxScroll: Int { max(0, lines.count - visible) }
    }

    /// Keys that scroll a panel: shown on its border when it has hidden lines.
    static let scrollKeys = "u d"
    /// Narrower maps columns than this get a panel over the whole width.
    static let minimumWidth = 40

    static func content(_ panel: Panel, state: AppState, layout: ScreenLayout, glyphs g: Glyphs) -> Content {
        // Beside a narrow maps column the panel takes the whole width (the parameters are one Esc away).
        let wide = layout.maps.width < minimumWidth
        let m = wide ? Rect(x: 0, y: layout.maps.y, width: layout.columns, height: layout.maps.height) : layout.maps
        let inner = max(10, m.width - 4)
        let p = state.parameters
        let lang = layout.language
        let (key, lines): (String, [PanelLine]) = switch panel {
        case .cost: (KeyWords.course(.togglePanel(.cost), g, lang),
                     (state.separableCost.map { SeparableCostText.lines($0, glyphs: g, width: inner, language: lang) } ?? [])
                     + CostPanelText.lines(p.applied, denseOutputs: state.denseOutputs, glyphs: g, width: inner, language: lang,
                                               groups: p.groups, hasBias: p.bias != nil))
        case .formula: (KeyWords.course(.togglePanel(.formula), g, lang), FormulaPanelText.lines(p, glyphs: g, width: inner, language: lang))
        case .code: (KeyWords.course(.togglePanel(.code), g, lang), CodePanelText.lines(state, glyphs: g, width: inner, language: lang))
        }
        // A ConvTranspose2d's panels speak of it (the layer_kind row).
        let shown = state.isTransposed ? TransposedPanelText.lines(panel, state: state, glyphs: g, width: inner, language: lang) : lines
        let name = state.isTransposed && panel == .cost ? TransposedPanelWords.costTitle(lang) : HintText.panelName(panel, lang)
        let long = HintText.panelTitle(name, key: key, lang, g)
        let title = long.count + 4 <= m.width ? long : name
        let width = wide ? m.width : min(m.width, max(title.count + 6, (shown.map(\.text.count).max() ?? 0) + 4))
        let height = min(m.height, shown.count + 2)
        let frame = Rect(x: m.maxX - width, y: m.maxY - height, width: width, height: height)
        return Content(frame: frame, title: title, lines: shown)
    }

    static func paint(into canvas: inout Canvas, panel: Panel, state: AppState, layout: ScreenLayout,
                      environment env: RenderEnvironment) {
        paint(into: &canvas, content: content(panel, state: state, layout: layout, glyphs: env.glyphs),
              scroll: state.panelScroll, environment: env)
    }

    /// Paints a panel's box and lines from `scroll` on (the stack screen gives its own content).
    static func paint(into canvas: inout Canvas, content c: Content, scroll wanted: Int, environment env: RenderEnvironment) {
        let g = env.glyphs, lang = env.language
        let frame = c.frame
        let scroll = min(max(0, wanted), c.maxScroll)
        canvas.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        Box.paint(into: &canvas, frame: frame, title: c.title, glyphs: g, style: Style(foreground: Palette.accent))
        for (i, line) in c.lines.dropFirst(scroll).prefix(c.visible).enumerated() {
            canvas.put(line.text, x: frame.x + 2, y: frame.y + 1 + i, style: line.style, maxWidth: frame.width - 4)
        }
        guard c.maxScroll > 0 else { return }
        // The marker sits on the bottom border: what is hidden and the keys that show it.
        let above = scroll, below = c.lines.count - scroll - c.visible
        var parts: [String] = []
        if above > 0 { parts.append("\(g.unicode ? "▲" : "^") \(above)") }
        if below > 0 { parts.append(HintText.moreBelow(lang, g, below)) }
        let long = " " + (parts + [scrollKeys + " " + HintText.scrollWord(lang)]).joined(separator: " \(g.dot) ") + " "
        let marker = long.count + 2 <= frame.width ? long : " " + (parts + [scrollKeys]).joined(separator: " ") + " "
        canvas.put(marker, x: max(frame.x + 1, frame.maxX - 1 - marker.count), y: frame.maxY - 1,
                   style: Style(foreground: Palette.highlight, bold: true), maxWidth: frame.width - 2)
    }
}
