import ConvCore

/// Paints the graph screen: title, summary, the outline of nodes and blocks, the notes, the
/// selected row's maps (inputs side by side over the output), and the bottom line.
enum GraphScreenView {
    /// The screen laid out as `layout`, its maps `bands` (the bands it was laid out with).
    static func paint(_ state: ModelProgram, layout: GraphScreenLayout, bands: [[StackMapSource]],
                      environment env: RenderEnvironment) -> Canvas {
        let size = state.terminalSize
        var canvas = Canvas(width: size.columns, height: size.rows)
        if layout.tooSmall {
            TooSmallView.paint(into: &canvas, size: size, language: env.language)
            return canvas
        }
        let s = state.graph!, g = env.glyphs
        let text = GraphScreenText(lang: env.language, g: g)
        TitleLine.paint(titles: text.titles(nodes: s.trace.steps.count), right: ScreenText.titleKeys(env.language, g), into: &canvas)
        canvas.put(" " + text.summary(s.trace), x: 0, y: 1, style: Style(bold: true), maxWidth: size.columns)
        paintList(s, layout: layout, text: text, into: &canvas, env: env)
        for (i, line) in layout.noteLines.enumerated() {
            let color = switch line.kind { case .inspector: Palette.highlight; case .error: Palette.error; case .hint: Palette.accent }
            canvas.put(line.text, x: layout.notes.x, y: layout.notes.y + i, style: Style(foreground: color, bold: line.kind == .error),
                       maxWidth: layout.notes.width)
        }
        if let explanation = s.transposedExplanation(environment: env, width: layout.maps.width) {
            TransposedNodeView.paint(explanation, shown: s.transposedView, area: layout.maps, scroll: state.transposedScroll,
                                     into: &canvas, environment: env)
        } else if s.denseView {
            GraphDensePanel.paint(into: &canvas, state: state, layout: layout, environment: env)
        } else {
            paintMaps(s, layout: layout, bands: bands, text: text, into: &canvas, env: env)
        }
        paintBottom(state, layout: layout, text: text, into: &canvas, glyphs: g)
        if state.showHelp {
            HelpOverlay.paint(into: &canvas, environment: env, page: state.helpPage, rows: KeyMap.graphHelpRows(g, env.language))
        }
        return canvas
    }

    /// One line per shown row: indented by its blocks, its words, then its output shape and parameters.
    static func paintList(_ s: GraphScreenState, layout: GraphScreenLayout, text: GraphScreenText, into canvas: inout Canvas,
                          env: RenderEnvironment) {
        let frame = layout.list, g = env.glyphs
        let shown = s.rows[layout.firstListed..<min(s.rows.count, layout.firstListed + frame.height)]
        let cells = shown.map { text.columns(s.outline.entries[$0], s) }
        let shapeWidth = cells.map(\.shape.count).max() ?? 0, paramWidth = cells.map(\.params.count).max() ?? 0
        let labelWidth = max(8, frame.width - 2 - shapeWidth - 2 - paramWidth - 1)
        let failure = s.trace.failure?.index
        for (row, (index, cell)) in zip(shown, cells).enumerated() {
            let entry = s.outline.entries[index]
            let folded = if case let .block(name, _, _) = entry { s.folded.contains(name) } else { false }
            let selected = index == s.entry
            var label = String(repeating: "  ", count: entry.indent) + text.label(entry, s, folded: folded)
            if label.count > labelWidth { label = String(label.prefix(max(0, labelWidth - g.ellipsis.count))) + g.ellipsis }
            let line = (selected ? String(g.pointer) : " ") + label.padded(to: labelWidth) + "  "
                + cell.shape.padded(to: shapeWidth) + "  " + cell.params.leftPadded(to: paramWidth, with: " ")
            var style = Style()
            if case .block = entry { style.foreground = Palette.muted }
            if let failure, entry.steps.upperBound - 1 > failure { style = Style(foreground: Palette.muted, dim: true) }
            if let failure, entry.steps.contains(failure) { style = Style(foreground: Palette.error, bold: true) }
            if selected { style.bold = true; style.foreground = Palette.accent }
            let y = frame.y + row
            canvas.put(line, x: frame.x, y: y, style: style, maxWidth: frame.width)
            if selected && !env.colorDepth.hasColor {
                canvas.restyle(x: frame.x, y: y, width: frame.width, height: 1) { $0.reverse = true }
            }
        }
    }

    /// The bands of maps, with the inspector's cursor on the output and the field's r×r box on the paths.
    static func paintMaps(_ s: GraphScreenState, layout: GraphScreenLayout, bands: [[StackMapSource]], text: GraphScreenText,
                          into canvas: inout Canvas, env: RenderEnvironment) {
        let shown = bands.map { band in
            GraphLayout.shown(band.filter { $0.tensor != nil }, width: layout.maps.width)
        }.filter { !$0.isEmpty }
        let sources = layout.inputsStacked ? GraphLayout.stackedInputs(shown) : shown
        let box = fieldBox(s)
        for (band, placed) in zip(sources, layout.bands) {
            for (source, section) in zip(band, placed) {
                let isOutput = source.section == .output
                SectionView(layout: section, title: source.title, subtitle: source.subtitle, scale: GraphLayout.scaleText(source, text),
                            tensor: source.tensor.map(FeatureMaps.init(everyChannelOf:)),
                            mapScale: { MapScale(minimum: 0, maximum: source.scale($0)) }, environment: env,
                            marks: { channel in
                                var marks = CellMarks()
                                if isOutput, s.inspecting, channel == s.cursor.channel { marks.cursor = [s.cursor.y, s.cursor.x] }
                                if source.counts, let box { marks.highlighted = box }
                                return marks
                            },
                            note: source.counts ? text.oneCountPerCell : "").paint(into: &canvas)
            }
            // A rule in the gap between groups side by side: two-row headers of a join's inputs
            // otherwise read across as one line (one input's scale beside the other's title).
            for (left, right) in zip(placed, placed.dropFirst()) {
                let x = left.frame.x + left.frame.width + (right.frame.x - left.frame.x - left.frame.width - 1) / 2
                for y in left.frame.y..<(left.frame.y + left.frame.height) {
                    canvas.put(String(env.glyphs.vertical), x: x, y: y, style: Style(foreground: Palette.muted))
                }
            }
        }
        guard layout.bands.isEmpty, layout.maps.height > 0 else { return }
        // Nothing to draw: say why.
        let broken = s.trace.failure.map { s.trace.steps[$0.index] }
        guard s.pending == nil, let why = text.noMaps(s.outputStep, broken: broken) else { return }
        for (i, line) in TextWrap.lines(why, width: max(10, layout.maps.width - 1)).prefix(layout.maps.height).enumerated() {
            canvas.put(" " + line, x: layout.maps.x, y: layout.maps.y + i, style: Style(foreground: Palette.muted), maxWidth: layout.maps.width)
        }
    }

    /// The input cells the inspected cell can depend on (its r×r box, clipped to the input).
    static func fieldBox(_ s: GraphScreenState) -> Set<[Int]>? {
        guard s.fieldView else { return nil }
        let input = s.trace.inputShape
        guard let (rows, cols) = s.outputStep.inputSupport(y: s.cursor.y, x: s.cursor.x, height: input[2], width: input[3]) else {
            return nil
        }
        // The box's edge only: its inside is the heatmap itself.
        var cells = Set<[Int]>()
        for y in rows { cells.insert([y, cols.lowerBound]); cells.insert([y, cols.upperBound]) }
        for x in cols { cells.insert([rows.lowerBound, x]); cells.insert([rows.upperBound, x]) }
        return cells
    }

    /// The bottom line: a report, the inspector's keys, or the screen's keys.
    static func paintBottom(_ state: ModelProgram, layout: GraphScreenLayout, text: GraphScreenText, into canvas: inout Canvas,
                            glyphs g: Glyphs) {
        let s = state.graph!, y = layout.hintsY, width = canvas.width
        if let note = s.note {
            canvas.put(" " + text.note(note), x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true), maxWidth: width)
            return
        }
        if let message = state.message {
            HintsView.paintMessage(message, into: &canvas, y: y, environment: state.environment)
            return
        }
        let hints = KeyMap.graphHints(g, text.lang, for: s)
        canvas.put(HintsView.fitting(hints, width: width, glyphs: g), x: 0, y: y, style: Style(foreground: Palette.muted))
    }
}
