import ConvCore

/// Paints the whole screen for a state. `maps` is the finished computation for
/// `state.parameters`, or nil (or stale) while it is still running.
public func view(_ state: AppState, maps: ComputedMaps?, environment env: RenderEnvironment,
                 spinner: Int = 0) -> Canvas {
    let size = state.terminalSize
    var canvas = Canvas(width: size.columns, height: size.rows)
    let p = state.parameters
    let current = maps?.parameters == p ? maps : nil
    let layout = Layout.compute(state, environment: env, widths: current?.widths)
    if layout.tooSmall {
        TooSmallView.paint(into: &canvas, size: size)
        return canvas
    }
    let g = env.glyphs
    let error = p.validate()
    let culprits = Set(error?.culprits(in: p) ?? [])

    // Title bar.
    canvas.put(" convscope \(g.dot) nn.Conv2d feature maps", x: 0, y: 0,
               style: Style(foreground: Palette.accent, bold: true))
    let right = "? help \(g.dot) q quit "
    let titleWidth = " convscope \(g.dot) nn.Conv2d feature maps".count
    if titleWidth + 2 + right.count <= size.columns {
        canvas.put(right, x: size.columns - right.count, y: 0, style: Style(foreground: Palette.muted))
    }

    ParameterPanel(state: state, frame: layout.panel, culprits: culprits, environment: env).paint(into: &canvas)
    SummaryView.paint(into: &canvas, frame: layout.summary, state: state, layout: layout, glyphs: g)

    let x = g.times
    let inspection = Inspection(state: state)
    if let input = layout.input {
        let shape = p.inputShape.map(String.init).joined(separator: x)
        let rule = (current?.experiment.inputPattern ?? .ramp).rule
        let scaleMax = current?.inputScaleMax ?? InputPattern.ramp.colorScaleMax(p)
        SectionView(layout: input, title: "input \(shape)", subtitle: rule,
                    scale: ComputedMaps.scaleText(.input, maps: current, parameters: p, glyphs: g),
                    tensor: current?.experiment.input,
                    scaleMax: { _ in scaleMax }, environment: env, marks: inspection.inputMarks,
                    note: inspection.unreadNote(g)).paint(into: &canvas)
    }
    let kernelShape = p.kernelShape.map(String.init).joined(separator: x)
    let kernelLabel = (current?.experiment.kernelPattern ?? .ones).label
    canvas.put("kernel \(kernelShape) \(g.dot) \(kernelLabel) \(g.dot) no bias", x: layout.maps.x, y: layout.kernelLineY,
               style: Style(bold: true), maxWidth: layout.maps.width)

    if let error {
        ErrorView.paint(into: &canvas, layout: layout, error: error, culprits: culprits, glyphs: g)
    } else if let output = layout.output, let shape = p.outputShape {
        let scales = current?.outputScaleMax ?? []
        let scaleText = ComputedMaps.scaleText(.output, maps: current, parameters: p, glyphs: g)
        let outTensor: Tensor4? = current.flatMap { try? $0.experiment.output.get() }
        SectionView(layout: output, title: "output \(shape.map(String.init).joined(separator: x))", subtitle: "",
                    scale: scaleText, tensor: outTensor, scaleMax: { scales.indices.contains($0) ? scales[$0] : 0 },
                    environment: env, marks: inspection.outputMarks).paint(into: &canvas)
        if current == nil {
            let frames = g.unicode ? Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏") : Array("|/-\\")
            canvas.put("\(frames[spinner % frames.count]) computing \(shape.map(String.init).joined(separator: x))",
                       x: output.frame.x + 2, y: output.frame.y + 2, style: Style(foreground: Palette.highlight, bold: true))
        }
    }
    // In a short window the inspector rows reach the panel's rows: keep them beside the panel.
    let box = layout.inspector
    for (i, line) in InspectorText.lines(state, experiment: current?.experiment, glyphs: g, width: box.width,
                                         maxLines: layout.inspectorLines).enumerated() {
        canvas.fill(x: box.x, y: box.y + i, width: box.width, height: 1)
        canvas.put(line, x: box.x, y: box.y + i, style: Style(foreground: Palette.highlight, bold: i == 0),
                   maxWidth: box.width)
    }
    FormulaBar.paint(into: &canvas, layout: layout, parameters: p, glyphs: g)
    HintsView.paint(into: &canvas, state: state, y: layout.hintsY, glyphs: g)
    if let panel = state.panel { PanelOverlay.paint(into: &canvas, panel: panel, state: state, layout: layout, glyphs: g) }
    if state.showHelp { HelpOverlay.paint(into: &canvas, glyphs: g, page: state.helpPage) }
    return canvas
}

/// Shapes at a glance and the zoom level, under the parameter panel.
enum SummaryView {
    static func paint(into canvas: inout Canvas, frame: Rect, state: AppState, layout: ScreenLayout, glyphs g: Glyphs) {
        let p = state.parameters
        let x = g.times
        var lines: [(String, Style)] = [
            ("in  " + p.inputShape.map(String.init).joined(separator: x), .plain),
            ("out " + (p.outputShape?.map(String.init).joined(separator: x) ?? "none (error)"),
             p.outputShape == nil ? Style(foreground: Palette.error) : .plain),
            (layout.zoomStatus, Style(foreground: Palette.muted)),
        ]
        if state.linked { lines.append(("h/w linked (L)", Style(foreground: Palette.accent))) }
        for (i, line) in lines.enumerated() where i < frame.height - 1 {
            canvas.put(line.0, x: frame.x + 1, y: frame.y + 1 + i, style: line.1, maxWidth: frame.width - 1)
        }
    }
}

/// PyTorch's refusal, word for word, where the output maps would be.
enum ErrorView {
    static func paint(into canvas: inout Canvas, layout: ScreenLayout, error: ConvError, culprits: Set<ParameterID>,
                      glyphs g: Glyphs) {
        let m = layout.maps
        var y = layout.kernelLineY + 1
        let limit = layout.inspectorY
        // "PyTorch refuses" first, so even a 22-column maps area shows it on one line.
        for line in TextWrap.lines("PyTorch refuses these parameters, no output:", width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.error, bold: true))
            y += 1
        }
        for line in TextWrap.lines("RuntimeError: " + error.message, width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.error))
            y += 1
        }
        let names = ParameterID.allCases.filter(culprits.contains).map(\.name).joined(separator: ", ")
        for line in TextWrap.lines("change \(names) so the kernel fits", width: m.width) where y < limit {
            canvas.put(line, x: m.x, y: y, style: Style(foreground: Palette.muted))
            y += 1
        }
    }

}

/// The bottom line: a message, the typing prompt, or key hints.
enum HintsView {
    static func paint(into canvas: inout Canvas, state: AppState, y: Int, glyphs g: Glyphs) {
        let width = canvas.width
        if let typed = state.typing {
            let id = state.selected
            let text = " \(id.name) = \(typed)_   Enter set \(g.dot) Esc cancel \(g.dot) allowed \(id.range.lowerBound)\(g.dash)\(id.range.upperBound)"
            canvas.put(text, x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true))
            return
        }
        if state.playing || state.focus != .parameters {
            let speed = AppState.speeds[state.speedIndex]
            let play = state.playing ? "\(g.unicode ? "▶" : ">") playing \(speed) cells/s" : "paused"
            let where_ = state.focus == .input ? "input cursor" : "output cursor"
            let parts = [" \(play)", "arrows move \(where_)", "PgUp/PgDn channel", "space play", "n/N step",
                         "{ } speed", "Tab next", "Esc parameters"]
            var text = ""
            for part in parts where (text + " \(g.dot) " + part).count <= width { text += text.isEmpty ? part : " \(g.dot) " + part }
            canvas.put(state.message.map { " " + $0 } ?? text, x: 0, y: y, style: Style(foreground: Palette.highlight))
            return
        }
        if let message = state.message {
            canvas.put(" " + message, x: 0, y: y, style: Style(foreground: Palette.highlight, bold: true))
            return
        }
        let hints = [
            "\(g.arrowUp)\(g.arrowDown) select", "\(g.arrowLeft)\(g.arrowRight) change", "PgUp/PgDn \(g.times)2",
            "Home/End min/max", "0-9 type", "L link", "z zoom", "[ ] page", "e export", "r reset", "? help", "q quit",
        ]
        var line = ""
        for hint in hints {
            let candidate = line.isEmpty ? " " + hint : line + " \(g.dot) " + hint
            if candidate.count > width { break }
            line = candidate
        }
        canvas.put(line, x: 0, y: y, style: Style(foreground: Palette.muted))
    }
}

/// The key table, drawn from `KeyMap` over the screen.
enum HelpOverlay {
    /// Where the help box goes in a window and how its (wrapped) lines fall into pages.
    struct Pages {
        let frame: Rect
        let keyWidth: Int
        let lines: [(keys: String, text: String)]
        let perPage: Int
        var count: Int { (lines.count + perPage - 1) / perPage }
    }

    /// The help laid out for a window: long texts wrap under themselves, and the lines that do
    /// not fit go to further pages.
    static func pages(_ size: TerminalSize, glyphs g: Glyphs) -> Pages {
        let rows = KeyMap.helpRows(g)
        let keyWidth = min(22, rows.map(\.keys.count).max() ?? 0)
        let textWidth = rows.map(\.help.count).max() ?? 0
        let w = min(size.columns - 2, keyWidth + textWidth + 5)
        var lines: [(keys: String, text: String)] = []
        for row in rows {
            for (i, part) in TextWrap.lines(row.help, width: max(10, w - keyWidth - 4)).enumerated() {
                lines.append((i == 0 ? row.keys : "", part))
            }
        }
        let h = min(size.rows - 2, lines.count + 4)
        let frame = Rect(x: (size.columns - w) / 2, y: (size.rows - h) / 2, width: w, height: h)
        return Pages(frame: frame, keyWidth: keyWidth, lines: lines, perPage: max(1, h - 4))
    }

    /// How many pages the help takes in a window of this size.
    static func pageCount(_ size: TerminalSize, glyphs g: Glyphs) -> Int { pages(size, glyphs: g).count }

    static func paint(into canvas: inout Canvas, glyphs g: Glyphs, page: Int = 0) {
        let layout = pages(TerminalSize(columns: canvas.width, rows: canvas.height), glyphs: g)
        let f = layout.frame, perPage = layout.perPage, keyWidth = layout.keyWidth
        let page = min(page, layout.count - 1)
        canvas.fill(x: f.x, y: f.y, width: f.width, height: f.height)
        let title = layout.count > 1 ? "keys \(page + 1)/\(layout.count)" : "keys"
        Box.paint(into: &canvas, frame: f, title: title, glyphs: g, style: Style(foreground: Palette.accent))
        for (i, line) in layout.lines.dropFirst(page * perPage).prefix(perPage).enumerated() {
            canvas.put(line.keys, x: f.x + 2, y: f.y + 1 + i, style: .plain.bolded, maxWidth: keyWidth)
            canvas.put(line.text, x: f.x + 3 + keyWidth, y: f.y + 1 + i, maxWidth: f.width - keyWidth - 4)
        }
        let footer = layout.count > 1 ? "PgDn/PgUp more \(g.dot) any other key closes" : "any key closes this help"
        canvas.put(footer, x: f.x + 2, y: f.maxY - 2, style: Style(foreground: Palette.muted), maxWidth: f.width - 3)
    }
}

/// Below the minimum size: one centred line saying what is needed.
enum TooSmallView {
    static func paint(into canvas: inout Canvas, size: TerminalSize) {
        let need = ScreenLayout.minimum
        let full = "convscope needs \(need.columns)x\(need.rows), this window is \(size.columns)x\(size.rows)"
        let short = "needs \(need.columns)x\(need.rows) (now \(size.columns)x\(size.rows))"
        let text = full.count <= size.columns ? full : short
        canvas.put(text, x: max(0, (size.columns - text.count) / 2), y: max(0, (size.rows - 1) / 2),
                   style: Style(bold: true))
    }
}

/// What the inspector marks on the maps for the current focus.
struct Inspection {
    let state: AppState
    /// Worked out once per frame; each map then only looks its marks up.
    private let unread: (rows: [Int], columns: [Int])
    private let tapsByChannel: [Int: Set<[Int]>]
    private let fedOutputs: Set<[Int]>

    init(state: AppState) {
        self.state = state
        let p = state.parameters
        unread = state.showsPadding ? p.unreadInput : ([], [])
        if (state.focus == .output || (state.focus == .parameters && state.playing)) && p.outputShape != nil {
            let c = state.outputCursor
            tapsByChannel = Dictionary(grouping: p.receptiveField(outChannel: c.channel, y: c.y, x: c.x), by: \.channel)
                .mapValues { Set($0.map { [$0.y, $0.x] }) }
        } else {
            tapsByChannel = [:]
        }
        // The outputs an input cell feeds are the same in every output channel.
        fedOutputs = state.focus == .input
            ? Set(p.outputsReading(y: state.inputCursor.y, x: state.inputCursor.x).map { [$0.y, $0.x] }) : []
    }

    /// Taps of the pinned output cell (output focus or animation), or the input cursor.
    func inputMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        marks.unreadRows = Set(unread.rows)
        marks.unreadColumns = Set(unread.columns)
        if state.focus == .input {
            if state.inputCursor.channel == channel { marks.cursor = [state.inputCursor.y, state.inputCursor.x] }
        } else {
            marks.highlighted = tapsByChannel[channel] ?? []
        }
        return marks
    }

    /// The pinned output cell, or every output cell the input cursor feeds.
    func outputMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        if state.focus == .input {
            marks.highlighted = fedOutputs
        } else if (state.focus == .output || state.playing) && state.outputCursor.channel == channel {
            marks.cursor = [state.outputCursor.y, state.outputCursor.x]
        }
        return marks
    }

    /// "2 columns never read" when the padded view shows them.
    func unreadNote(_ g: Glyphs) -> String {
        guard state.showsPadding else { return "" }
        var parts: [String] = []
        if !unread.rows.isEmpty { parts.append("\(unread.rows.count) row\(unread.rows.count == 1 ? "" : "s")") }
        if !unread.columns.isEmpty { parts.append("\(unread.columns.count) column\(unread.columns.count == 1 ? "" : "s")") }
        return parts.isEmpty ? "every cell read" : parts.joined(separator: ", ") + " never read"
    }
}

/// The cost, formula or code panel in a box over the lower part of the maps.
enum PanelOverlay {
    static func paint(into canvas: inout Canvas, panel: Panel, state: AppState, layout: ScreenLayout, glyphs g: Glyphs) {
        let m = layout.maps
        let inner = max(10, m.width - 4)
        let p = state.parameters
        let (title, lines): (String, [PanelLine]) = switch panel {
        case .cost: ("conv vs dense \(g.dot) c closes", CostPanelText.lines(p, denseOutputs: state.denseOutputs, glyphs: g, width: inner))
        case .formula: ("output size \(g.dot) f closes", FormulaPanelText.lines(p, glyphs: g, width: inner))
        case .code: ("code \(g.dot) P closes", CodePanelText.lines(p, glyphs: g, width: inner))
        }
        let width = min(m.width, max(title.count + 6, (lines.map(\.text.count).max() ?? 0) + 4))
        let height = min(m.height, lines.count + 2)
        let frame = Rect(x: m.maxX - width, y: m.maxY - height, width: width, height: height)
        canvas.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        Box.paint(into: &canvas, frame: frame, title: title, glyphs: g, style: Style(foreground: Palette.accent))
        for (i, line) in lines.prefix(height - 2).enumerated() {
            canvas.put(line.text, x: frame.x + 2, y: frame.y + 1 + i, style: line.style, maxWidth: width - 4)
        }
        if lines.count > height - 2 {
            canvas.put(g.ellipsis, x: frame.maxX - 2 - g.ellipsis.count, y: frame.maxY - 2, style: Style(foreground: Palette.muted))
        }
    }
}
