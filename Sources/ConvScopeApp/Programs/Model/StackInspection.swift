import ConvCore

/// What the inspector marks on the stack screen: the cells of the selected layer's input that
/// the inspected output cell reads (its taps), or its whole receptive field in the model's input.
struct StackInspection {
    let stack: StackState
    /// Input channels, rows and columns the pinned cell reads (separable windows), if any.
    let taps: (channels: [Int], rows: [Int], columns: [Int])?
    /// The whole receptive field in the model's input, padding included.
    let field: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?

    init(_ stack: StackState) {
        self.stack = stack
        guard let cell = stack.pinnedCell, let input = stack.selectedTrace.inputShape else {
            taps = nil; field = nil; return
        }
        taps = Self.taps(of: stack.layer, input: input, output: stack.outputShape!, cell: cell)
        field = stack.trace.inputSpan(layer: stack.selected, y: cell.y, x: cell.x)
    }

    /// The input cells output `cell` of `layer` reads, per axis, with the channels it reads.
    static func taps(of layer: StackLayer, input: [Int], output: [Int], cell: CellCursor)
        -> (channels: [Int], rows: [Int], columns: [Int])?
    {
        let (c, h, w) = (input[1], input[2], input[3])
        func inside(_ values: [Int], _ size: Int) -> [Int] { Array(Set(values.filter { $0 >= 0 && $0 < size })).sorted() }
        switch layer {
        case let .conv2d(l):
            let spec = l.spec(inputHeight: h, inputWidth: w)
            func axis(_ a: PaddedAxis, _ o: Int) -> [Int] { (0..<a.kernel).compactMap { a.source(of: a.index(output: o, tap: $0)) } }
            let perGroup = c / max(1, l.groups), group = cell.channel / max(1, l.outChannels / max(1, l.groups))
            return (Array(group * perGroup..<min(c, (group + 1) * perGroup)),
                    inside(axis(spec.heightAxis, cell.y), h), inside(axis(spec.widthAxis, cell.x), w))
        case let .maxPool2d(l): return pool(l.window, cell: cell, h: h, w: w)
        case let .avgPool2d(l): return pool(l.window, cell: cell, h: h, w: w)
        case let .convTranspose2d(l):
            func axis(_ o: Int, _ a: PaddingSpec.Axis) -> [Int] {
                (0..<l.kernelSize[a]).compactMap { k in
                    let scaled = o + l.padding[a] - k * l.dilation[a]
                    return scaled % l.stride[a] == 0 ? scaled / l.stride[a] : nil
                }
            }
            let perGroup = c / max(1, l.groups), group = cell.channel / max(1, output[1] / max(1, l.groups))
            return (Array(group * perGroup..<min(c, (group + 1) * perGroup)),
                    inside(axis(cell.y, .height), h), inside(axis(cell.x, .width), w))
        case .shapePreserving:
            return ([cell.channel], [cell.y], [cell.x])
        case .cat:
            return nil
        case let .module(m):
            let rows = m.module.sources(axis: .height, input: h, output: output[2])
            let columns = m.module.sources(axis: .width, input: w, output: output[3])
            return ([cell.channel], inside(rows[cell.y], h), inside(columns[cell.x], w))
        }
    }

    static func pool(_ window: PoolWindow, cell: CellCursor, h: Int, w: Int) -> (channels: [Int], rows: [Int], columns: [Int]) {
        func axis(_ o: Int, _ a: PaddingSpec.Axis, _ size: Int) -> [Int] {
            (0..<window.kernel[a]).map { window.start(output: o, axis: a) + $0 * window.dilation[a] }.filter { $0 >= 0 && $0 < size }
        }
        return ([cell.channel], axis(cell.y, .height, h), axis(cell.x, .width, w))
    }

    /// Marks on the top maps: the field in the model's input, or the taps in the layer's input.
    func topMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        if stack.fieldInInput, let field {
            let h = stack.model.inputShape[2], w = stack.model.inputShape[3]
            let rows = max(0, field.rows.lowerBound)...min(h - 1, field.rows.upperBound)
            let columns = max(0, field.columns.lowerBound)...min(w - 1, field.columns.upperBound)
            if !rows.isEmpty && !columns.isEmpty && field.rows.upperBound >= 0 && field.columns.upperBound >= 0 {
                marks.highlighted = Set(rows.flatMap { y in columns.map { [y, $0] } })
            }
        } else if let taps, taps.channels.contains(channel) {
            marks.highlighted = Set(taps.rows.flatMap { y in taps.columns.map { [y, $0] } })
        }
        return marks
    }

    /// The cursor on the selected layer's output maps.
    func bottomMarks(_ channel: Int) -> CellMarks {
        var marks = CellMarks()
        if let cell = stack.pinnedCell, cell.channel == channel, !stack.coverage { marks.cursor = [cell.y, cell.x] }
        return marks
    }

    /// The inspector's sentences: the cell, its value and taps; the field when shown.
    func sentences(_ text: StackText) -> [String] {
        guard let cell = stack.pinnedCell else { return [] }
        let value = stack.outputValues.map { $0[0, cell.channel, cell.y, cell.x] }
        let rows = taps.flatMap { $0.rows.isEmpty ? nil : $0.rows.first!...$0.rows.last! }
        let columns = taps.flatMap { $0.columns.isEmpty ? nil : $0.columns.first!...$0.columns.last! }
        let inspected = text.inspected(index: stack.selected, cell: cell, value: value, rows: rows, columns: columns)
        // The field first while it is shown: on a short window only the first lines fit.
        guard stack.fieldInInput, let field else { return [inspected] }
        return [text.field(rows: field.rows, columns: field.columns), inspected]
    }
}
