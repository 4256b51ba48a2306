import ConvCore

/// Every region of the graph screen for a state and terminal size: the summary line, the node
/// list, the notes (the selected row, its field, the inspector), and the bands of maps.
public struct GraphScreenLayout: Equatable, Sendable {
    public let size: TerminalSize
    public var tooSmall: Bool { size.columns < ScreenLayout.minimum.columns || size.rows < ScreenLayout.minimum.rows }
    /// One row per listed row of the outline.
    public let list: Rect
    /// The first shown row the list draws (it scrolls to keep the selected one in view).
    public let firstListed: Int
    public let notes: Rect
    public let noteLines: [StackNoteLine]
    public let maps: Rect
    /// The map groups, band by band (inputs, a Linear's weights, outputs), side by side in a band.
    public let bands: [[SectionLayout]]
    public let hintsY: Int
    public let zoom: Zoom
    /// True when an add's two inputs each take a band of their own (`GraphLayout.stackedInputs`).
    public internal(set) var inputsStacked = false
    public internal(set) var help: Rect?
    public internal(set) var helpPageCount = 0

    public var sections: [SectionLayout] { bands.flatMap { $0 } }
}

enum GraphLayout {
    /// The map bands a frame of the graph screen lays out and paints (none under the dense panel):
    /// made once per frame, as each scans its tensors (`MapValueSummary`).
    static func bands(_ state: ModelProgram, environment env: RenderEnvironment) -> [[StackMapSource]] {
        let g = state.graph!
        return g.denseView ? [] : GraphMaps.bands(g, text: GraphScreenText(lang: env.language, g: env.glyphs))
    }

    /// Lays out the graph screen (the state must have a graph) with `bands`, this state's
    /// (`bands(_:environment:)`; nil makes them).
    static func compute(_ state: ModelProgram, environment env: RenderEnvironment,
                        bands: [[StackMapSource]]? = nil) -> GraphScreenLayout {
        let g = state.graph!
        let cols = state.terminalSize.columns, rows = state.terminalSize.rows
        let text = GraphScreenText(lang: env.language, g: env.glyphs)
        let hintsY = rows - 1
        // Wide windows: the list on the left, whole height; otherwise a third of the rows on top.
        let wide = cols >= 150 && rows >= 30
        let listRows = wide ? max(1, hintsY - 2) : min(g.rows.count, max(3, (rows - 8) / 3))
        let list = Rect(x: 0, y: 2, width: wide ? min(80, cols * 2 / 5) : cols, height: listRows)
        let first = min(max(0, g.selectedRow - listRows / 2), max(0, g.rows.count - listRows))
        let x0 = wide ? list.maxX + 2 : 0, width = cols - x0
        let notesTop = wide ? 2 : list.maxY
        let lines = noteLines(g, text: text, width: width, rows: rows >= 40 ? 5 : rows >= 24 ? 3 : 2)
        let notes = Rect(x: x0, y: notesTop, width: width, height: lines.count)
        let maps = Rect(x: x0, y: notes.maxY, width: width, height: max(0, hintsY - notes.maxY))
        let sources = bands ?? Self.bands(state, environment: env)
        let candidates: [(Zoom, Bool)] = state.zoomOverride.map { [($0, $0 == .numbers)] }
            ?? [(.large, false), (.numbers, true), (.numbers, false)]
        var chosen: (Zoom, (bands: [[SectionLayout]], fits: Bool, stacked: Bool))?
        for (zoom, roomy) in candidates {
            let fitted = fit(state, maps: maps, sources: sources, zoom: zoom, roomy: roomy, env: env, text: text)
            if fitted.fits { chosen = (zoom, fitted); break }
        }
        let zoom = chosen?.0 ?? state.zoomOverride ?? .whole
        let placed = chosen?.1 ?? fit(state, maps: maps, sources: sources, zoom: zoom, roomy: false, env: env, text: text)
        let bands = placed.bands
        var layout = GraphScreenLayout(size: state.terminalSize, list: list, firstListed: first, notes: notes, noteLines: lines,
                                       maps: maps, bands: bands, hintsY: hintsY, zoom: zoom)
        layout.inputsStacked = placed.stacked
        if state.showHelp {
            let pages = HelpOverlay.pages(state.terminalSize, environment: env, rows: KeyMap.graphHelpRows(env.glyphs, env.language))
            layout.help = pages.frame
            layout.helpPageCount = pages.count
        }
        return layout
    }

    /// The bands with an add's two inputs each in a band of its own.
    static func stackedInputs<Band: Collection<StackMapSource>>(_ bands: [Band]) -> [[StackMapSource]] {
        bands.flatMap { band -> [[StackMapSource]] in
            band.count == 2 && band.allSatisfy({ $0.section == .input }) ? band.map { [$0] } : [Array(band)]
        }
    }

    /// The groups of a band that fit side by side (at least 14 columns each).
    static func shown<Item>(_ band: [Item], width: Int) -> [Item] {
        Array(band.prefix(max(1, (width + SectionLayout.gap) / (14 + SectionLayout.gap))))
    }

    static func scaleText(_ source: StackMapSource, _ text: GraphScreenText) -> String {
        guard let first = source.scaleMax.first else { return "" }
        return source.scaleMax.allSatisfy({ $0 == first }) ? text.scale(NumberText.cell(first)) : text.scaleEachMap
    }

    /// Splits the maps area between the bands (one blank row between them); `fits` when every
    /// group is whole (no cropping, no paging).
    static func fit(_ state: ModelProgram, maps: Rect, sources: [[StackMapSource]], zoom: Zoom, roomy: Bool,
                    env: RenderEnvironment, text: GraphScreenText)
        -> (bands: [[SectionLayout]], fits: Bool, stacked: Bool)
    {
        func slotWidth(_ band: [StackMapSource]) -> Int { (maps.width - SectionLayout.gap * (band.count - 1)) / band.count }
        let sideBySide = sources.map { shown($0.filter { $0.tensor != nil }, width: maps.width) }.filter { !$0.isEmpty }
        func geometry(_ s: StackMapSource) -> MapGeometry { MapGeometry(zoom: zoom, valueWidth: s.valueWidth, environment: env, roomy: roomy) }
        // Rows to show a band's maps whole (or its first map alone: `firstOnly`).
        func fullHeight(_ band: [StackMapSource], firstOnly: Bool) -> Int {
            band.map { s in
                let w = slotWidth(band)
                let header = Layout.headerRows(lead: s.lead, width: w, scaleWidth: scaleText(s, text).count, glyphs: env.glyphs)
                return Layout.fullHeight(geometry(s), channels: firstOnly ? 1 : s.shape[1], rows: s.shape[2], columns: s.shape[3],
                                         width: w, headerRows: header)
            }.max() ?? 0
        }
        // An add's two inputs whose headers need two rows side by side each take a band of their
        // own where each band has the room for a row of its maps: side by side one's scale sat
        // beside the other's title.
        let crowded = sideBySide.contains { band in
            band.count == 2 && band.allSatisfy { $0.section == .input } && band.contains {
                Layout.headerRows(lead: $0.lead, width: slotWidth(band), scaleWidth: scaleText($0, text).count, glyphs: env.glyphs) > 1
            }
        }
        let stacked = stackedInputs(sideBySide)
        let stacks = crowded && stacked.map { fullHeight($0, firstOnly: true) }.reduce(0, +) + stacked.count - 1 <= maps.height
        let bands = stacks ? stacked : sideBySide
        let full = bands.map { fullHeight($0, firstOnly: false) }
        let available = max(0, maps.height - max(0, bands.count - 1))
        var heights = full
        if full.reduce(0, +) > available, !bands.isEmpty {
            heights = full.map { min($0, available / bands.count) }
            var left = available - heights.reduce(0, +)
            for i in heights.indices where left > 0 {
                let more = min(left, full[i] - heights[i])
                heights[i] += more; left -= more
            }
        }
        var y = maps.y
        var placed: [[SectionLayout]] = []
        for (i, band) in bands.enumerated() {
            let w = slotWidth(band)
            var row: [SectionLayout] = []
            for (k, s) in band.enumerated() where heights[i] > 0 {
                let frame = Rect(x: maps.x + k * (w + SectionLayout.gap), y: y, width: w, height: heights[i])
                row.append(Layout.section(s.section, geometry: geometry(s), frame: frame, channels: s.shape[1], rows: s.shape[2],
                                          columns: s.shape[3], page: i == bands.count - 1 ? state.outputPage : state.inputPage,
                                          scrollX: state.scrollX, scrollY: state.scrollY, cursor: nil, scaleWidth: scaleText(s, text).count, lead: s.lead,
                                          everyElement: s.counts, glyphs: env.glyphs, language: env.language))
            }
            placed.append(row)
            y += heights[i] + 1
        }
        let fits = placed.joined().allSatisfy { !$0.isCropped && !$0.isPaged } && maps.width > 0
        return (placed, fits, stacks)
    }

    /// The notes: the inspector's lines, the selected row, its receptive field, PyTorch's message
    /// where the graph broke; each wrapped to `width`, the first lines of each kept first.
    static func noteLines(_ g: GraphScreenState, text: GraphScreenText, width: Int, rows: Int) -> [StackNoteLine] {
        var sentences: [(String, StackNoteLine.Kind)] = []
        // In the field view its numbers come first: a short window keeps only the first lines.
        if g.pending != nil { sentences.append((text.computing, .inspector)) }
        let field = text.field(g.outputStep)
        if g.fieldView, let field { sentences.append((field, .inspector)) }
        if g.inspecting { sentences.append((text.inspected(g), .inspector)) }
        if g.fieldView, let counts = g.effectiveField { sentences.append((text.pathsLegend(counts), .inspector)) }
        sentences.append((text.about(g), .hint))
        // A join of more maps than fit side by side (DenseNet's cat of 33) says how many are shown.
        let inputs = g.fieldView ? 0 : g.inputNames.count, shown = shown(Array(repeating: (), count: inputs), width: width).count
        if shown < inputs { sentences.append((text.moreInputs(shown: shown, of: inputs), .hint)) }
        if !g.fieldView, let field { sentences.append((field, .hint)) }
        if let failure = g.trace.failure {
            sentences.append(("\(g.trace.steps[failure.index].node.name): \(failure.error.pythonType): \(failure.error.message)", .error))
        }
        let wrapped = sentences.map { TextWrap.lines($0.0, width: max(10, width - 1)) }
        var budget = wrapped.map { min(1, $0.count) }
        var left = rows - budget.reduce(0, +)
        for i in wrapped.indices where left > 0 {
            let more = min(left, wrapped[i].count - budget[i])
            budget[i] += more; left -= more
        }
        var lines: [StackNoteLine] = []
        for (i, sentence) in sentences.enumerated() {
            lines += wrapped[i].prefix(budget[i]).map { StackNoteLine(text: " " + $0, kind: sentence.1) }
        }
        return Array(lines.prefix(rows))
    }
}
