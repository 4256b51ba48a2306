import ConvCore

/// One line of the notes under the layer list, with what kind of line it is (its colour).
public struct StackNoteLine: Equatable, Sendable {
    public enum Kind: Sendable { case inspector, error, hint }
    public let text: String
    public let kind: Kind
}

/// Every region of the stack screen for a state and terminal size: the shape trace, the layer
/// list, the notes (inspector, PyTorch's message, U-Net hints), the panel and the two map sections.
public struct StackScreenLayout: Equatable, Sendable {
    /// The window laid out.
    public let size: TerminalSize
    public var columns: Int { size.columns }
    public var rows: Int { size.rows }
    /// Set when the window is smaller than the single-layer screen's minimum; nothing else is laid out then.
    public var tooSmall: Bool { columns < ScreenLayout.minimum.columns || rows < ScreenLayout.minimum.rows }
    public let traceY: Int
    /// The list's title row, then one row per listed layer.
    public let list: Rect
    /// Index of the first layer the list shows (it scrolls to keep the selected one in view).
    public let firstListed: Int
    public let notes: Rect
    public let noteLines: [StackNoteLine]
    /// The parameter panel (or the read-only layer box) and the facts under it; nil when narrow.
    public let panel: Rect?
    public let facts: Rect?
    public let maps: Rect
    public let top: SectionLayout?
    /// The line between the sections (the layer between the maps).
    public let middleY: Int
    public let bottom: SectionLayout?
    public let hintsY: Int
    public let zoom: Zoom
    public let zoomIsAutomatic: Bool
    /// The help overlay's box and pages while it is shown.
    public internal(set) var help: Rect?
    public internal(set) var helpPageCount = 0

    /// The map sections, top to bottom.
    public var sections: [SectionLayout] { [top, bottom].compactMap { $0 } }
    /// How far one Shift-arrow scrolls: the narrowest cropped section's visible part.
    public var scrollPage: (columns: Int, rows: Int) {
        let columns = sections.filter(\.isCropped).map(\.visibleColumns).min()
        let rows = sections.filter(\.isCropped).map(\.visibleRows).min()
        return (max(1, columns ?? 1), max(1, rows ?? 1))
    }
    public var zoomNotice: Notice { .zoom(zoom, automatic: zoomIsAutomatic) }
}

public enum StackLayout {
    /// Rows of the layer list: a third of what is left after the fixed rows, at least two.
    static func listRows(_ rows: Int, layers: Int) -> Int { min(layers, max(2, (rows - 9) / 3)) }

    /// Note rows: more on tall windows.
    static func noteRows(_ rows: Int) -> Int { rows >= 40 ? 6 : rows >= 24 ? 5 : 3 }

    /// Lays out the stack screen (the state must have a stack).
    public static func compute(_ state: ModelProgram, environment env: RenderEnvironment) -> StackScreenLayout {
        LayoutCount.layoutComputed()
        let s = state.stack!
        let cols = state.terminalSize.columns, rows = state.terminalSize.rows
        let text = StackText(lang: env.language, g: env.glyphs, model: s.model)
        let tooSmall = cols < ScreenLayout.minimum.columns || rows < ScreenLayout.minimum.rows
        let hintsY = rows - 1
        // The first Conv2d's table has 16 rows; where they do not all fit the panel scrolls, as on
        // the single-layer screen, down to twelve.
        let hasPanel = cols >= 80 && rows >= 2 + 14 + 4
        let panelW = Layout.panelWidth(cols)
        let panel = hasPanel ? Rect(x: 0, y: 2, width: panelW, height: min(StackLayerPanel.height, hintsY - 2)) : nil
        let facts = panel.map { Rect(x: 0, y: $0.maxY, width: panelW, height: hintsY - $0.maxY) }
        let x0 = hasPanel ? panelW + 1 : 0, width = cols - x0
        let count = s.model.layers.count
        let listed = listRows(rows, layers: count)
        let first = min(max(0, s.selected - listed / 2), count - listed)
        let list = Rect(x: x0, y: 2, width: width, height: 1 + listed)
        let lines = noteLines(s, text: text, width: width, rows: noteRows(rows))
        let notes = Rect(x: x0, y: list.maxY, width: width, height: lines.count)
        let maps = Rect(x: x0, y: notes.maxY, width: width, height: hintsY - notes.maxY)
        let (topSource, bottomSource) = StackMapSource.sections(s, text: text)
        // Largest first; if none fits, the whole map, which is never cropped.
        let candidates: [(Zoom, Bool)] = state.zoomOverride.map { [($0, $0 == .numbers)] }
            ?? [(.large, false), (.numbers, true), (.numbers, false)]
        var chosen: (Zoom, (SectionLayout?, SectionLayout?, Int, Bool))?
        for (zoom, roomy) in candidates {
            let fitted = fit(state, maps: maps, top: topSource, bottom: bottomSource, zoom: zoom, roomy: roomy,
                             environment: env, text: text)
            if fitted.3 { chosen = (zoom, fitted); break }
        }
        let zoom = chosen?.0 ?? state.zoomOverride ?? .whole
        let sections = chosen?.1 ?? fit(state, maps: maps, top: topSource, bottom: bottomSource, zoom: zoom,
                                        roomy: false, environment: env, text: text)
        var layout = StackScreenLayout(
            size: state.terminalSize, traceY: 1, list: list, firstListed: first, notes: notes,
            noteLines: lines, panel: panel, facts: facts, maps: maps, top: tooSmall ? nil : sections.0,
            middleY: sections.2, bottom: tooSmall ? nil : sections.1, hintsY: hintsY, zoom: zoom,
            zoomIsAutomatic: state.zoomOverride == nil)
        if state.showHelp {
            let pages = HelpOverlay.pages(state.terminalSize, environment: env,
                                          rows: KeyMap.stackHelpRows(env.glyphs, env.language, for: state))
            layout.help = pages.frame
            layout.helpPageCount = pages.count
        }
        return layout
    }

    /// Splits the maps area between the two sections and the line between them; the last value
    /// says whether both fit whole (no cropping, no paging).
    static func fit(_ state: ModelProgram, maps: Rect, top: StackMapSource?, bottom: StackMapSource?, zoom: Zoom,
                    roomy: Bool, environment env: RenderEnvironment, text: StackText)
        -> (SectionLayout?, SectionLayout?, Int, Bool)
    {
        func geometry(_ source: StackMapSource) -> MapGeometry {
            MapGeometry(zoom: zoom, valueWidth: source.valueWidth, environment: env, roomy: roomy)
        }
        // The padded view draws the selected Conv2d's ring around its input (the top maps).
        let ring = state.stack!.paddedRing(shown: state.paddedView)
        func padded(_ source: StackMapSource) -> (rows: Int, columns: Int, top: Int, left: Int) {
            guard let ring, source.section == .input else { return (source.shape[2], source.shape[3], 0, 0) }
            return (source.shape[2] + ring.height.total, source.shape[3] + ring.width.total, ring.height.before, ring.width.before)
        }
        func full(_ source: StackMapSource?) -> Int {
            guard let source, source.tensor != nil else { return 0 }
            let header = Layout.headerRows(lead: source.lead, width: maps.width, scaleWidth: source.scaleText(text).count,
                                           glyphs: env.glyphs)
            return Layout.fullHeight(geometry(source), channels: source.shape[1], rows: padded(source).rows,
                                     columns: padded(source).columns, width: maps.width, headerRows: header)
        }
        let available = max(0, maps.height - 1)
        let topFull = full(top), bottomFull = full(bottom)
        var topHeight = topFull, bottomHeight = bottomFull
        if topFull + bottomFull > available {
            topHeight = bottomFull == 0 ? available : max(3, min(topFull, available / 2))
            bottomHeight = available - topHeight
            if bottomHeight > bottomFull { topHeight += bottomHeight - bottomFull; bottomHeight = bottomFull }
            topHeight = min(topHeight, topFull)
        }
        func place(_ source: StackMapSource?, _ frame: Rect, page: Int) -> SectionLayout? {
            guard let source, source.tensor != nil, frame.height > 0 else { return nil }
            let size = padded(source)
            return Layout.section(source.section, geometry: geometry(source), frame: frame, channels: source.shape[1],
                                  rows: size.rows, columns: size.columns, page: page, scrollX: state.scrollX,
                                  scrollY: state.scrollY, cursor: nil,
                                  padTop: size.top, padLeft: size.left, scaleWidth: source.scaleText(text).count,
                                  lead: source.lead, everyElement: source.counts, glyphs: env.glyphs, language: env.language)
        }
        let topRect = Rect(x: maps.x, y: maps.y, width: maps.width, height: topHeight)
        let upper = place(top, topRect, page: state.inputPage)
        let middleY = topRect.maxY
        let lower = place(bottom, Rect(x: maps.x, y: middleY + 1, width: maps.width, height: bottomHeight),
                          page: state.outputPage)
        let fits = [upper, lower].compactMap { $0 }.allSatisfy { !$0.isCropped && !$0.isPaged } && maps.width > 0
        return (upper, lower, middleY, fits)
    }

    /// The notes under the list, in order of importance: the inspector's lines, PyTorch's message
    /// where the chain broke, then the U-Net hints of the selected layer; each wrapped to `width`.
    static func noteLines(_ s: StackState, text: StackText, width: Int, rows: Int = .max) -> [StackNoteLine] {
        var sentences: [(text: String, kind: StackNoteLine.Kind, keepsEnd: Bool)] = []
        func add(_ sentence: String, _ kind: StackNoteLine.Kind, keepsEnd: Bool = false) {
            sentences.append((sentence, kind, keepsEnd))
        }
        // Where PyTorch's message is, if the chain broke.
        var message: Int?
        for sentence in StackInspection(s).sentences(text) { add(sentence, .inspector) }
        // The coverage map's key: what its numbers mean, and how many cells are never reached.
        if s.coverage, let counts = s.coverageCounts {
            let all = counts.flatMap { $0 }
            var reads = true
            if case .convTranspose2d = s.layer { reads = false }
            add(StackWords.coverageLegend(text.lang, reads: reads, min: all.min() ?? 0, max: all.max() ?? 0,
                                          zeros: all.filter { $0 == 0 }.count, cells: all.count), .inspector)
        }
        // What the selected layer's print hid comes first: it is about the layer on the panel.
        let assumed = s.model.assumed(s.selected)
        if !assumed.isEmpty { add("(\(text.n(s.selected))) " + StackWords.assumed(text.lang, assumed), .hint) }
        if let failure = s.trace.failure {
            message = sentences.count
            add(text.failure(index: failure.index, layer: s.trace.layers[failure.index].layer, error: failure.error), .error,
                keepsEnd: true)
            if let explanation = StackErrorText.explanation(failure.error, text.lang) { add(explanation, .error, keepsEnd: true) }
        }
        for hint in text.unetHints(s.trace, index: s.selected) { add(hint, .hint) }
        // Every sentence keeps its first line, PyTorch's message two; the rows left go to the
        // sentences in order. A sentence short of rows gives way by whole words with an ellipsis:
        // PyTorch's message and its explanation from their middle (their ends hold the sizes), the
        // others from their end.
        let width = max(10, width)
        let wrapped = sentences.map { TextWrap.lines($0.text, width: width) }
        var budget = wrapped.indices.map { min($0 == message ? 2 : 1, wrapped[$0].count) }
        var left = rows - budget.reduce(0, +)
        for i in wrapped.indices where left > 0 {
            let more = min(left, wrapped[i].count - budget[i])
            budget[i] += more; left -= more
        }
        var lines: [StackNoteLine] = []
        for (i, sentence) in sentences.enumerated() where budget[i] > 0 {
            let kept = sentence.keepsEnd
                ? TextWrap.linesKeepingEnd(sentence.text, width: width, maxLines: budget[i], ellipsis: text.g.ellipsis)
                : TextWrap.lines(sentence.text, width: width, maxLines: budget[i], ellipsis: text.g.ellipsis)
            lines += kept.map { StackNoteLine(text: $0, kind: sentence.kind) }
        }
        return Array(lines.prefix(rows))
    }
}

extension ModelProgram {
    /// Keeps channel pages and scroll offsets inside the stack screen's sections.
    mutating func clampStackLayout(_ layout: StackScreenLayout) {
        let counts = [layout.top?.pageCount, layout.bottom?.pageCount]
        pages = zip(pages, counts).map { page, count in min(max(0, page), max(0, (count ?? 1) - 1)) }
        let maxX = layout.sections.map { $0.totalColumns - $0.visibleColumns }.max() ?? 0
        let maxY = layout.sections.map { $0.totalRows - $0.visibleRows }.max() ?? 0
        scrollX = min(max(0, scrollX), max(0, maxX))
        scrollY = min(max(0, scrollY), max(0, maxY))
    }
}

