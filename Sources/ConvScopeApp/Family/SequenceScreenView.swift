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
        canvas.put(layerLine(sequence), x: area.x + 1, y: area.y, style: Style(bold: true), maxWidth: width)
        let output: TensorN
        switch sequence.output {
        case .failure(let error):
            var lines = Canvas(width: max(1, width), height: max(1, area.height - 1))
            _ = paintLines([ScreenText.refuses(lang) + " \(error.pythonType): \(error.message)"], on: &lines, y: 0,
                           glyphs: environment.glyphs, style: Style(foreground: Palette.error, bold: true))
            canvas.blit(lines, x: area.x + 1, y: area.y + 1)
            return
        case .success(let tensor): output = tensor
        }
        let rows = rowsLayout(sequence, output: output)
        let (o, t, taps, channelsRead, text) = (rows.o, rows.t, rows.taps, rows.channelsRead, rows.text)
        let (inputShown, outputShown, labels) = (rows.inputShown, rows.outputShown, rows.labels)
        let (labelWidth, cellWidth, window) = (rows.labelWidth, rows.cellWidth, rows.window)
        let inspected = state.focus == .output
        let textLines = text.count
        let axis = sequence.axis
        // Output t is drawn under input coordinate t·stride: when causal, under its last tap.
        let outputCoordinate = { (i: Int) in i * axis.stride }
        let span = axis.paddedRange
        var y = area.y + 1
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
                           style: Style(foreground: Palette.highlight, bold: i == 0), maxWidth: width)
            }
        }
        paintFormula(into: &canvas, sequence, outputLength: output.shape[2])
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

    /// L_out with the layer's numbers in the formula rows.
    func paintFormula(into canvas: inout Canvas, _ s: CourseSequence, outputLength: Int) {
        let a = s.axis
        let line = SequenceWords.lengthFormula(length: a.size, before: a.padding.before, after: a.padding.after,
                                               dilation: a.dilation, kernel: a.kernel, stride: a.stride, output: outputLength)
        let besidePanel = layout.formulaY < layout.panel.maxY
        let x = besidePanel ? layout.maps.x : 1, width = besidePanel ? layout.maps.width : layout.columns - 2
        guard layout.formulaLines > 0 else { return }
        for i in 0..<layout.formulaLines { canvas.fill(x: x, y: layout.formulaY + i, width: width, height: 1) }
        canvas.put(FamilyText.fitted(line, environment.glyphs), x: x, y: layout.formulaY, maxWidth: width)
    }
}
