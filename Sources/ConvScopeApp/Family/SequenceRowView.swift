import ConvCore

/// One channel of a sequence as a one-row heatmap: a label, then a cell per position (numbers
/// when every cell's number fits, else coloured cells two columns wide), padding dimmed, the
/// inspector's cells marked. Rows drawn together share `columns` so position i of every row
/// sits in the same column.
struct SequenceRowView {
    /// The label before the cells (all labels of a figure padded to one width).
    let label: String
    /// The cells by coordinate (the input's padding at coordinates below 0 and past its end).
    let cells: [Int: GridCell]
    /// The colour scale's ends.
    let range: (low: Float, high: Float)
    let environment: RenderEnvironment

    /// Paints at line `y`, coordinates `window` in cells `cellWidth` wide after a label `labelWidth` wide.
    func paint(on canvas: inout Canvas, x: Int, y: Int, labelWidth: Int, window: Range<Int>, cellWidth: Int) {
        canvas.put(label, x: x, y: y, style: Style(foreground: Palette.accent, bold: true), maxWidth: labelWidth)
        let colormap = Colormap.named(environment.colormap)
        let numbers = cellWidth > 2
        for (column, i) in window.enumerated() {
            guard let cell = cells[i] else { continue }
            let text = !numbers ? (cell.isMarked ? "*" : cell.isFiller ? environment.glyphs.fillerDot : " ")
                : cell.isFiller && cell.value == 0 ? environment.glyphs.fillerDot : NumberText.cell(cell.value)
            let padded = String(repeating: " ", count: max(0, cellWidth - 1 - text.count)) + text + (numbers && cell.isMarked ? "*" : " ")
            if !numbers, !cell.isMarked, !cell.isFiller, !environment.colorDepth.hasColor {
                // Without colours the value's shade is the only mark a two-column cell can carry.
                let shades = environment.glyphs.unicode ? [" ", "\u{2591}", "\u{2592}", "\u{2593}", "\u{2588}"] : [" ", ".", ":", "+", "#"]
                let t = range.high > range.low ? (cell.value - range.low) / (range.high - range.low) : 0
                let shade = shades[min(shades.count - 1, max(0, Int((t * Float(shades.count - 1)).rounded())))]
                canvas.put(shade + shade, x: x + labelWidth + column * cellWidth, y: y)
                continue
            }
            canvas.put(padded, x: x + labelWidth + column * cellWidth, y: y,
                       style: cell.style(colormap: colormap, low: range.low, high: range.high, environment: environment))
        }
    }

    /// The width of one cell when every value's number fits in `room` columns for `count` cells,
    /// else 2 (coloured cells).
    static func cellWidth(values: [Float], count: Int, room: Int) -> Int {
        let numbers = max(3, (values.map { NumberText.cell($0).count }.max() ?? 1) + 1)
        return numbers * count <= room ? numbers : 2
    }

    /// The coordinates shown: all of `span` when they fit in `room` cells, else a window around `focus`.
    static func window(span: Range<Int>, focus: Range<Int>, room: Int) -> Range<Int> {
        guard span.count > room, room > 0 else { return span }
        let centre = (focus.lowerBound + focus.upperBound) / 2
        let start = min(max(span.lowerBound, centre - room / 2), span.upperBound - room)
        return start..<(start + room)
    }
}
