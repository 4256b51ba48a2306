import ConvCore

/// Cells of one map to draw differently: the inspector's taps and cursor, never-read cells.
/// Coordinates are the map's own (tensor) coordinates; taps may lie in the padding.
struct CellMarks {
    /// Taps of the inspected output cell, or the output cells an input cell feeds.
    var highlighted: Set<[Int]> = []
    /// The cursor itself.
    var cursor: [Int]?
    var unreadRows: Set<Int> = []
    var unreadColumns: Set<Int> = []

    static let none = CellMarks()
}

/// What a drawn cell stands for. Cells are styled by role, never by comparing colours.
enum CellKind: Equatable {
    /// A tensor element (or a block holding at least one element that is read).
    case value
    /// The zero padding ring of the padded view (a block of padding only).
    case padding
    /// An element no output reads (a block of such elements only).
    case unread
}

/// The inspector's mark on a cell, drawn over its kind.
enum CellMark: Equatable {
    case none
    /// A tap of the inspected output cell, or an output an input cell feeds.
    case tap
    /// The inspector's cursor.
    case cursor
}

/// One drawn cell: an element (numbers, large) or the mean of a block (whole map).
struct CellLook: Equatable {
    var text: String
    /// The element's value, or the block's mean (padding counts as 0).
    var value: Float
    /// LUT index of the value (of the block's mean); nil for padding.
    var lut: Int?
    var kind: CellKind
    var mark: CellMark
}

/// Paints one feature map as seaborn's annotated heatmap: colormap cells, the value in each,
/// seaborn's text-colour rule, and gaps between cells; plus the padding ring, marks and the
/// row and column indices along the map. The whole map draws block means instead.
struct HeatmapView {
    let tensor: FeatureMaps
    let channel: Int
    let scale: MapScale
    let colormap: Colormap
    let layout: SectionLayout
    let environment: RenderEnvironment
    var marks = CellMarks.none
    /// The value the padding ring holds at (y, x) in the map's coordinates (reflect, replicate,
    /// circular); nil draws the ring as zeros.
    var ringValue: ((Int, Int) -> Float)?

    static let tapColor = Palette.highlight
    static let unreadColor = RGB(78, 78, 78)

    var hasColor: Bool { environment.colorDepth.hasColor }

    /// How element (dy, dx) of the drawn map looks; dy, dx count from the padding's corner.
    func look(_ dy: Int, _ dx: Int) -> CellLook {
        let y = dy - layout.padTop, x = dx - layout.padLeft
        let inside = y >= 0 && x >= 0 && y < tensor.shape[2] && x < tensor.shape[3]
        let mark: CellMark = marks.cursor == [y, x] ? .cursor : marks.highlighted.contains([y, x]) ? .tap : .none
        guard inside else {
            let v = ringValue?(y, x) ?? 0
            return CellLook(text: NumberText.cell(v), value: v, lut: nil, kind: .padding, mark: mark)
        }
        let v = tensor[0, channel, y, x]
        let unread = marks.unreadRows.contains(y) || marks.unreadColumns.contains(x)
        return CellLook(text: NumberText.cell(v), value: v, lut: colormap.index(for: v, vmin: scale.vmin, vmax: scale.vmax),
                        kind: unread ? .unread : .value, mark: mark)
    }

    /// The cell's style: colours by kind with colour, attributes alone without. The cursor is
    /// reverse video of its cell (visible on every colour), taps are yellow, or bold and
    /// underlined without colour.
    func style(_ l: CellLook) -> Style {
        var s: Style
        if hasColor {
            switch l.kind {
            case .value:
                let i = l.lut ?? 0
                s = Style(foreground: colormap.textColor(at: i), background: colormap.color(at: i))
            case .padding: s = Style(foreground: Palette.muted, dim: true)
            case .unread: s = Style(foreground: Palette.muted, background: Self.unreadColor)
            }
            if l.mark == .tap { s = Style(foreground: RGB.black, background: Self.tapColor, bold: true) }
        } else {
            s = Style(dim: l.kind != .value)
            if l.mark == .tap { s = Style(bold: true, underline: true) }
        }
        if l.mark == .cursor {
            s.reverse = true
            s.bold = true
            s.dim = false
            // Reverse needs both colours: a padding cell's background is the terminal's.
            if hasColor && s.background == nil { s.background = ExportColors.padding }
        }
        return s
    }

    func paint(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        if layout.geometry.zoom == .whole {
            paintWhole(into: &canvas, at: origin)
        } else {
            paintCells(into: &canvas, at: origin)
            paintAxisLabels(into: &canvas, at: origin)
        }
    }

    /// Numbers and large cells.
    private func paintCells(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        let g = layout.geometry
        let rows = layout.firstRow..<(layout.firstRow + layout.visibleRows)
        let columns = layout.firstColumn..<(layout.firstColumn + layout.visibleColumns)
        let large = g.zoom == .large
        let cellRows = large ? 2 : 1
        let step = g.rowStride
        let inner = g.cellWidth - 1
        for (i, y) in rows.enumerated() {
            for (j, x) in columns.enumerated() {
                let l = look(y, x)
                let style = style(l)
                let cx = origin.x + j * g.cellWidth, cy = origin.y + i * step
                if large && !hasColor {
                    // A shade glyph for the value (none for padding); taps in brackets.
                    let shade = l.lut.map { ShadeRamp.glyph(forIndex: $0, unicode: environment.glyphs.unicode) } ?? " "
                    let text = l.mark == .tap ? "[\(l.text)]" : " \(l.text) "
                    canvas.fill(x: cx, y: cy, width: inner, height: cellRows, shade, style: style)
                    canvas.put(text, x: cx + (inner - text.count) / 2, y: cy, style: style.bolded)
                    continue
                }
                if large && g.halfBlocks {
                    // The half-block edges take the colour the middle row shows as its background.
                    let shown = style.reverse ? style.foreground : style.background
                    let edge = Style(foreground: shown)
                    let (top, bottom): (Character, Character) = shown == nil ? (" ", " ") : ("▄", "▀")
                    canvas.fill(x: cx, y: cy, width: inner, height: 1, top, style: edge)
                    canvas.fill(x: cx, y: cy + 1, width: inner, height: 1, " ", style: style)
                    canvas.fill(x: cx, y: cy + 2, width: inner, height: 1, bottom, style: edge)
                    canvas.put(l.text, x: cx + (inner - l.text.count + 1) / 2, y: cy + 1, style: style)
                    continue
                }
                // Without colour a tap is bracketed where the cell has room (and underlined anyway).
                let text = !hasColor && l.mark == .tap && l.text.count + 2 <= inner ? "[\(l.text)]" : l.text
                canvas.fill(x: cx, y: cy, width: inner, height: cellRows, " ", style: style)
                canvas.put(text, x: Self.textX(text, cell: cx, inner: inner, centred: large),
                           y: cy + (cellRows - 1) / 2, style: style)
            }
        }
    }

    /// Where text starts in a cell: centred, or flush right when it fills the cell.
    static func textX(_ text: String, cell cx: Int, inner: Int, centred: Bool) -> Int {
        centred || text.count < inner ? cx + (inner - text.count + 1) / 2 : cx + inner - text.count
    }

    /// The row on which a map row's number is written, relative to its first character row.
    private var textRowOffset: Int {
        let g = layout.geometry
        return g.zoom == .large && g.halfBlocks ? 1 : 0
    }

    /// Row indices in the gutter left of the map, column indices on the row above it (every
    /// `columnLabelStep`-th), aligned like the values; padding rows and columns get none.
    private func paintAxisLabels(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        guard layout.axisLabels else { return }
        let g = layout.geometry
        let style = hasColor ? Style(foreground: Palette.muted) : Style(dim: true)
        let step = g.rowStride
        for i in 0..<layout.visibleRows {
            let y = layout.firstRow + i - layout.padTop
            guard y >= 0, y < layout.tensorRows else { continue }
            let text = String(y)
            canvas.put(text, x: origin.x - 1 - text.count, y: origin.y + i * step + textRowOffset, style: style)
        }
        let k = layout.columnLabelStep
        let inner = g.cellWidth - 1
        let right = origin.x + layout.mapWidth + 1
        for j in 0..<layout.visibleColumns {
            let x = layout.firstColumn + j - layout.padLeft
            guard x >= 0, x < layout.tensorColumns, x % k == 0 else { continue }
            let text = String(x)
            let tx = max(origin.x - layout.gutter, Self.textX(text, cell: origin.x + j * g.cellWidth, inner: inner,
                                                              centred: g.zoom == .large))
            canvas.put(text, x: tx, y: origin.y - 1, style: style, maxWidth: max(0, right - tx))
        }
    }

    /// The whole map: each cell (half a character with half blocks) is the mean of a B×B block.
    private func paintWhole(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        let g = layout.geometry
        let grid = blockLooks()
        let unicode = environment.glyphs.unicode
        if g.halfBlocks {
            for i in 0..<((grid.count + 1) / 2) {
                for j in grid[2 * i].indices {
                    let top = blockColor(grid[2 * i][j])
                    let bottom = 2 * i + 1 < grid.count ? blockColor(grid[2 * i + 1][j]) : nil
                    canvas[origin.x + j, origin.y + i] = Cell(environment.glyphs.upperHalf,
                                                              Style(foreground: top, background: bottom))
                }
            }
            return
        }
        for (i, row) in grid.enumerated() {
            for (j, l) in row.enumerated() {
                let cell: Cell
                if hasColor {
                    var s = style(l)
                    if l.kind == .padding && l.mark == .none {
                        s = Style(background: l.lut.map { colormap.color(at: $0) } ?? ExportColors.padding)
                    }
                    cell = Cell(" ", s)
                } else {
                    // Without colour: a shade glyph per block; marks are their own glyphs, never a shade.
                    let glyph: Character = switch l.mark {
                    case .cursor: unicode ? "◉" : "X"
                    case .tap: unicode ? "◆" : "o"
                    case .none: l.lut.map { ShadeRamp.glyph(forIndex: $0, unicode: unicode) } ?? "."
                    }
                    cell = Cell(glyph, style(l))
                }
                canvas[origin.x + j, origin.y + i] = cell
            }
        }
    }

    /// A block's colour in half-block mode: the colormap, padding grey, never-read grey, tap
    /// yellow; the cursor takes seaborn's text colour for its value (white on dark, dark on light),
    /// so it stands out on every colour.
    private func blockColor(_ l: CellLook) -> RGB {
        switch l.mark {
        case .tap: return Self.tapColor
        case .cursor: return l.kind == .value ? colormap.textColor(at: l.lut ?? 0) : RGB(255, 255, 255)
        case .none: break
        }
        switch l.kind {
        case .value: return colormap.color(at: l.lut ?? 0)
        case .padding: return l.lut.map { colormap.color(at: $0) } ?? ExportColors.padding
        case .unread: return Self.unreadColor
        }
    }

    /// The looks of the whole map's blocks, row by row. A block is the B×B square of drawn
    /// elements (padding ring included in the padded view) starting at a multiple of B; at the
    /// right and bottom edges it is clipped to the map, and its mean is the sum of the elements
    /// it holds divided by how many it holds (padding counts as the values its mode gives it:
    /// zeros, or the mirrored, repeated, wrapped ones). A block of padding only is padding (grey
    /// for zeros, coloured by its mean for the other modes); one whose every element is never read is never-read; one holding
    /// the cursor or a tap is marked.
    func blockLooks() -> [[CellLook]] {
        let b = layout.geometry.block
        let rows = layout.visibleRows, columns = layout.visibleColumns
        let y0 = layout.firstRow, x0 = layout.firstColumn
        let blockRows = (rows + b - 1) / b, blockColumns = (columns + b - 1) / b
        let h = tensor.shape[2], w = tensor.shape[3]
        var sum = [Double](repeating: 0, count: blockRows * blockColumns)
        var count = [Int](repeating: 0, count: blockRows * blockColumns)
        var inside = count, unread = count
        // The drawn columns that hold tensor columns, with their block and whether they are read.
        let insideColumns = max(0, layout.padLeft - x0)..<min(columns, w + layout.padLeft - x0)
        // Per block column: its drawn columns holding tensor columns, and how many are never read.
        let segments = (0..<blockColumns).map { j in
            max(j * b, insideColumns.lowerBound)..<max(max(j * b, insideColumns.lowerBound), min((j + 1) * b, insideColumns.upperBound))
        }
        let unreadInSegment = segments.map { range in
            range.reduce(0) { $0 + (marks.unreadColumns.contains(x0 + $1 - layout.padLeft) ? 1 : 0) }
        }
        tensor.storage.withUnsafeBufferPointer { values in
            for i in 0..<rows {
                let blockRow = (i / b) * blockColumns
                for j in 0..<blockColumns { count[blockRow + j] += min(b, columns - j * b) }
                let y = y0 + i - layout.padTop
                guard y >= 0, y < h, !insideColumns.isEmpty else { continue }
                let rowUnread = marks.unreadRows.contains(y)
                let base = values.baseAddress! + tensor.offset(0, channel, y, 0) + x0 - layout.padLeft
                for (j, range) in segments.enumerated() where !range.isEmpty {
                    // Element by element in the same order as ever, so the means stay bit-identical.
                    var total = sum[blockRow + j]
                    for x in range { total += Double(base[x]) }
                    sum[blockRow + j] = total
                    inside[blockRow + j] += range.count
                    unread[blockRow + j] += rowUnread ? range.count : unreadInSegment[j]
                }
            }
        }
        // A padding mode other than zeros: the ring's elements add the values it holds.
        if let ring = ringValue {
            for i in 0..<rows {
                let y = y0 + i - layout.padTop, blockRow = (i / b) * blockColumns
                let outside: [Range<Int>] = y >= 0 && y < h && !insideColumns.isEmpty
                    ? [0..<insideColumns.lowerBound, insideColumns.upperBound..<columns] : [0..<columns]
                for range in outside {
                    for j in range { sum[blockRow + j / b] += Double(ring(y, x0 + j - layout.padLeft)) }
                }
            }
        }
        // Marks by block: tensor coordinates → drawn coordinates → block.
        func block(_ cell: [Int]) -> Int? {
            let i = cell[0] + layout.padTop - y0, j = cell[1] + layout.padLeft - x0
            guard i >= 0, j >= 0, i < rows, j < columns else { return nil }
            return (i / b) * blockColumns + j / b
        }
        let taps = Set(marks.highlighted.compactMap(block))
        let cursor = marks.cursor.flatMap(block)
        return (0..<blockRows).map { r in
            (0..<blockColumns).map { c in
                let k = r * blockColumns + c
                let mean = Float(sum[k] / Double(max(1, count[k])))
                let kind: CellKind = inside[k] == 0 ? .padding : unread[k] == inside[k] ? .unread : .value
                let mark: CellMark = k == cursor ? .cursor : taps.contains(k) ? .tap : .none
                // Zero padding stays grey; a mode's ring is coloured by the values it holds.
                let coloured = inside[k] > 0 || ringValue != nil
                // The whole map draws a block as colour or a shade, never its mean as text: no
                // number is formatted for it (a fortieth of a key's CPU in a lab of 256² maps).
                return CellLook(text: "", value: mean,
                                lut: coloured ? colormap.index(for: mean, vmin: scale.vmin, vmax: scale.vmax) : nil,
                                kind: kind, mark: mark)
            }
        }
    }
}

/// Colours for cells that have no colormap colour.
enum ExportColors {
    /// Padding zeros on the whole map, where there is no number to say "padding".
    static let padding = RGB(48, 48, 48)
}
