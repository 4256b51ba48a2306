import ConvCore

/// The course screen's maps area for a Conv1d (the layer_kind row): the layer, its input (padded
/// as PyTorch pads it, or by F.pad on the left when causal) and output as one-row heatmaps per
/// channel, the inspected output cell's taps lit, its sum, and L_out's rule with the numbers.
/// With the WaveNet stack on, `WaveNetFigure` takes the area instead.
struct SequenceScreenView {
    let state: AppState
    let layout: ScreenLayout
    let environment: RenderEnvironment

    var lang: Language { environment.language }

    func paint(into canvas: inout Canvas) {
        let area = layout.maps
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let sequence = state.sequence
        if state.causalView == .stack {
            WaveNetFigure(sequence: sequence, t: state.outputCursor.x, environment: environment)
                .paint(into: &canvas, area: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: area.height))
            return
        }
        let width = area.width - 1
        // The layer line wraps at its arguments, above the refusal when PyTorch refuses the layer;
        // when it runs, in the rows the maps and the sentences leave.
        guard case .success(let output) = sequence.output else {
            header(sequence).paint(into: &canvas, x: area.x + 1, y: area.y, width: width, height: area.height)
            return
        }
        let rows = rowsLayout(sequence, output: output)
        header(sequence).paint(into: &canvas, x: area.x + 1, y: area.y, width: width, height: rows.y - area.y)
        let (o, t, taps, channelsRead, text) = (rows.o, rows.t, rows.taps, rows.channelsRead, rows.text)
        let (inputShown, outputShown, labels) = (rows.inputShown, rows.outputShown, rows.labels)
        let (labelWidth, cellWidth, window) = (rows.labelWidth, rows.cellWidth, rows.window)
        let inspected = state.focus == .output
        let textLines = text.count
        let axis = sequence.axis
        // Output t is drawn under input coordinate t·stride: when causal, under its last tap.
        let outputCoordinate = { (i: Int) in i * axis.stride }
        let span = axis.paddedRange
        var y = rows.y
        for c in inputShown {
            let plane = Array(sequence.input.plane(c))
            var cells: [Int: GridCell] = [:]
            for i in span {
                cells[i] = GridCell(sequence.paddedValue(channel: c, at: i), filler: i < 0 || i >= axis.size,
                                    marked: inspected && channelsRead.contains(c) && taps.contains(i))
            }
            SequenceRowView(label: labels[inputShown.firstIndex(of: c)!], cells: cells, range: (plane.min() ?? 0, plane.max() ?? 0),
                            environment: environment)
                .paint(on: &canvas, x: area.x + 1, y: y, labelWidth: labelWidth, window: window, cellWidth: cellWidth)
            y += 1
        }
        let outRange = (output.storage.min() ?? 0, output.storage.max() ?? 0)
        for (k, c) in outputShown.enumerated() {
            var cells: [Int: GridCell] = [:]
            for (i, v) in output.plane(c).enumerated() {
                cells[outputCoordinate(i)] = GridCell(v, marked: inspected && c == o && i == t)
            }
            SequenceRowView(label: labels[inputShown.count + k], cells: cells, range: outRange, environment: environment)
                .paint(on: &canvas, x: area.x + 1, y: y, labelWidth: labelWidth, window: window, cellWidth: cellWidth)
            y += 1
        }
        let hidden = sequence.input.channels - inputShown.count + output.channels - outputShown.count
        if hidden > 0, y < area.maxY - textLines {
            canvas.put(SequenceWords.moreChannels(hidden, lang), x: area.x + 1, y: y, style: Style(foreground: Palette.muted), maxWidth: width)
            y += 1
        }
        if inspected {
            for (i, line) in text.enumerated() where y + i < area.maxY {
                canvas.put(FamilyText.fitted(line, environment.glyphs), x: area.x + 1, y: y + i,
                           style: Style(foreground: Palette.highlight, bold: i < rows.sumLines), maxWidth: width)
            }
        }
        FormulaBar.paintFamily(state.familyFormulaRows(width: layout.columns) ?? [], into: &canvas, layout: layout,
                               glyphs: environment.glyphs)
    }

    /// The layer's line, and PyTorch's refusal under it when it refuses the layer.
    func header(_ sequence: CourseSequence) -> LayerHeader {
        LayerHeader(line: layerLine(sequence), refusal: sequence.refusal.map { ScreenText.refuses(lang) + " \($0.pythonType): \($0.message)" },
                    glyphs: environment.glyphs)
    }

    /// The layer as PyTorch prints it, after F.pad's left padding when causal.
    func layerLine(_ sequence: CourseSequence) -> String {
        var repr = sequence.layer.pytorchRepr
        if sequence.causal { repr = "F.pad(x, (\(sequence.causalPadding), 0)) \(environment.glyphs.arrowRight) " + repr }
        return FamilyText.fitted(repr, environment.glyphs)
    }

    /// The inspected output's sum over its taps, what it reads, and (causal) that it reads no later input.
    func inspectorLines(_ s: CourseSequence, output: TensorN, o: Int, t: Int, taps: [Int], channels: Range<Int>) -> [String] {
        let g = environment.glyphs
        var terms: [String] = []
        let inPerGroup = channels.count
        for c in channels {
            for (k, i) in taps.enumerated() {
                let w = s.weight.storage[(o * inPerGroup + (c - channels.lowerBound)) * s.axis.kernel + k]
                terms.append("\(NumberText.cell(w))\(g.product)\(NumberText.cell(s.paddedValue(channel: c, at: i)))")
            }
        }
        if terms.count > 12 { terms = Array(terms.prefix(11)) + ["\(g.ellipsis)"] }
        let value = output.storage[o * output.shape[2] + t]
        var lines = [SequenceWords.sumLine(channel: o, t: t, terms: terms, bias: s.bias.map { NumberText.cell($0[o]) },
                                           value: NumberText.cell(value))]
        if s.causal, let latest = taps.max() {
            lines.append(SequenceWords.neverFuture(t: t, latest: latest, lang))
        }
        // A reflect, replicate or circular padding tap reads the input cell its value comes from.
        let read = Set(taps.compactMap { s.axis.source(of: $0) }).sorted()
        lines.append(SequenceWords.reads(t: t, positions: read, channels: channels, lang))
        return lines
    }
}
