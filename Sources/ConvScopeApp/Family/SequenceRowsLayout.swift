import ConvCore

/// Where a Conv1d's one-row maps are drawn in the course screen's maps area: which channels get
/// a line, the labels, the cell width and the window of coordinates. The painting and the mouse
/// both read it, so a click lands on the cell drawn under it.
struct SequenceRowsLayout {
    let sequence: CourseSequence
    let output: TensorN
    /// The inspected output channel and position.
    let o: Int, t: Int
    let taps: [Int]
    let channelsRead: Range<Int>
    /// The inspector's lines under the maps (wrapped), empty while the rows have the focus.
    let text: [String]
    /// How many of them the sum takes (drawn bold).
    let sumLines: Int
    let inputShown: [Int], outputShown: [Int]
    let labels: [String]
    let labelWidth: Int, cellWidth: Int
    let window: Range<Int>
    /// Where the first line (the input's first channel, under the wrapped layer line) and the labels start.
    let x: Int, y: Int

    /// The output cell (channel, 0, t) drawn at (column, row), nil elsewhere.
    func outputCell(atColumn column: Int, row: Int) -> CellCursor? {
        let k = row - y - inputShown.count
        guard outputShown.indices.contains(k), column >= x + labelWidth else { return nil }
        let slot = (column - x - labelWidth) / cellWidth
        guard slot < window.count else { return nil }
        // Output t is drawn under input coordinate t·stride.
        let coordinate = window.lowerBound + slot, stride = sequence.axis.stride
        guard coordinate >= 0, coordinate % stride == 0, coordinate / stride < output.shape[2] else { return nil }
        return CellCursor(channel: outputShown[k], y: 0, x: coordinate / stride)
    }
}

extension SequenceScreenView {
    /// The rows' layout for an output the layer computed.
    func rowsLayout(_ sequence: CourseSequence, output: TensorN) -> SequenceRowsLayout {
        let area = layout.maps, width = area.width - 1
        let o = min(state.outputCursor.channel, output.channels - 1), t = min(state.outputCursor.x, output.shape[2] - 1)
        let taps = sequence.taps(of: t)
        let channelsRead = sequence.channelsRead(by: o)
        // The sum and the sentences wrap, so the sum's value is never cut off at the edge.
        let sentences = inspectorLines(sequence, output: output, o: o, t: t, taps: taps, channels: channelsRead)
        let sum = wrappedLines(sentences[0], width: width, glyphs: environment.glyphs)
        let text = sum + sentences.dropFirst().flatMap { wrappedLines($0, width: width, glyphs: environment.glyphs) }
        let textLines = state.focus == .output ? text.count : 0
        // The layer line gives way (ending in an ellipsis) before the two lines of maps and the sentences do.
        let headerRows = min(header(sequence).lineRows(width: width), max(1, area.height - 2 - textLines))
        // One line per channel: the inspected output's group first, the rest while lines remain.
        let rowsRoom = max(2, area.height - headerRows - textLines)
        let inputOrder = Array(channelsRead) + (0..<sequence.input.channels).filter { !channelsRead.contains($0) }
        let outputOrder = [o] + (0..<output.channels).filter { $0 != o }
        let inputShown = Array(inputOrder.prefix(max(1, min(inputOrder.count, rowsRoom - min(outputOrder.count, rowsRoom / 2)))))
        let outputShown = Array(outputOrder.prefix(max(1, rowsRoom - inputShown.count)))
        let labels = inputShown.map { lang.pick("in \($0)", "вх \($0)") } + outputShown.map { lang.pick("out \($0)", "вых \($0)") }
        let labelWidth = (labels.map(\.count).max() ?? 0) + 1
        let span = sequence.axis.paddedRange
        let room = width - labelWidth
        let cellWidth = SequenceRowView.cellWidth(values: sequence.input.storage + output.storage, count: span.count, room: room)
        let window = SequenceRowView.window(span: span, focus: (taps.min() ?? 0)..<((taps.max() ?? 0) + 1), room: room / cellWidth)
        return SequenceRowsLayout(sequence: sequence, output: output, o: o, t: t, taps: taps, channelsRead: channelsRead,
                                  text: textLines > 0 ? text : [], sumLines: sum.count, inputShown: inputShown, outputShown: outputShown,
                                  labels: labels, labelWidth: labelWidth, cellWidth: cellWidth, window: window,
                                  x: area.x + 1, y: area.y + headerRows)
    }
}

extension AppState {
    /// The Conv1d's output cell drawn at (column, row) of the course screen laid out as `layout`;
    /// nil off its output lines, on the WaveNet figure, or when PyTorch refuses the layer.
    func sequenceOutputCell(atColumn column: Int, row: Int, layout: ScreenLayout) -> CellCursor? {
        guard isSequence, causalView != .stack, case .success(let output) = sequence.output else { return nil }
        return SequenceScreenView(state: self, layout: layout, environment: environment)
            .rowsLayout(sequence, output: output).outputCell(atColumn: column, row: row)
    }
}
