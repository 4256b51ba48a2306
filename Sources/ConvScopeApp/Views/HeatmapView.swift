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

/// Paints one feature map as seaborn's annotated heatmap: colormap cells, the value in each,
/// seaborn's text-colour rule, and gaps between cells; plus the padding ring and marks.
struct HeatmapView {
    let tensor: Tensor4
    let channel: Int
    let vmax: Float
    let colormap: Colormap
    let layout: SectionLayout
    let environment: RenderEnvironment
    var marks = CellMarks.none

    static let tapColor = Palette.highlight
    static let cursorColor = RGB(255, 255, 255)
    static let unreadColor = RGB(78, 78, 78)

    /// How one element looks: its text, style, and LUT index (nil for padding).
    func look(_ dy: Int, _ dx: Int) -> (text: String, style: Style, lut: Int?) {
        let y = dy - layout.padTop, x = dx - layout.padLeft
        let inside = y >= 0 && x >= 0 && y < tensor.shape[2] && x < tensor.shape[3]
        var text = inside ? formatValue(tensor[0, channel, y, x]) : "0"
        var lut: Int? = nil
        var style: Style
        if inside {
            let i = colormap.index(for: tensor[0, channel, y, x], vmin: 0, vmax: vmax)
            lut = i
            style = Style(foreground: colormap.textColor(at: i), background: colormap.color(at: i))
            if marks.unreadRows.contains(y) || marks.unreadColumns.contains(x) {
                style = Style(foreground: Palette.muted, background: Self.unreadColor)
            }
        } else {
            style = Style(foreground: Palette.muted, dim: true)
        }
        if marks.cursor == [y, x] {
            style = Style(foreground: RGB.black, background: Self.cursorColor, bold: true)
        } else if marks.highlighted.contains([y, x]) {
            style = Style(foreground: RGB.black, background: Self.tapColor, bold: true)
            if !inside { text = "0" }
        }
        return (text, style, lut)
    }

    func paint(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        let g = layout.geometry
        let rows = layout.firstRow..<(layout.firstRow + layout.visibleRows)
        let columns = layout.firstColumn..<(layout.firstColumn + layout.visibleColumns)
        let shadeOf = { (look: (text: String, style: Style, lut: Int?)) -> Character in
            if look.style.background == Self.tapColor || look.style.background == Self.cursorColor {
                return environment.glyphs.unicode ? "█" : "#"
            }
            guard let lut = look.lut else { return "." }
            return ShadeRamp.glyph(forIndex: lut, unicode: environment.glyphs.unicode)
        }
        switch g.zoom {
        case .overview where g.halfBlocks:
            for (i, y) in stride(from: rows.lowerBound, to: rows.upperBound, by: 2).enumerated() {
                for (j, x) in columns.enumerated() {
                    let top = look(y, x).style.background ?? ExportColors.padding
                    let bottom: RGB? = y + 1 < rows.upperBound ? (look(y + 1, x).style.background ?? ExportColors.padding) : nil
                    canvas[origin.x + j, origin.y + i] = Cell(environment.glyphs.upperHalf, Style(foreground: top, background: bottom))
                }
            }
        case .overview:
            for (i, y) in rows.enumerated() {
                for (j, x) in columns.enumerated() {
                    let l = look(y, x)
                    canvas[origin.x + j, origin.y + i] = g.shaded
                        ? Cell(shadeOf(l), l.lut == nil ? Style(dim: true) : .plain)
                        : Cell(" ", Style(background: l.style.background ?? ExportColors.padding))
                }
            }
        case .numbers, .large:
            let cellRows = g.zoom == .large ? 2 : 1
            let step = g.zoom == .large ? 3 : 1
            let inner = g.cellWidth - 1
            for (i, y) in rows.enumerated() {
                for (j, x) in columns.enumerated() {
                    let l = look(y, x)
                    let cx = origin.x + j * g.cellWidth, cy = origin.y + i * step
                    if g.shaded {
                        let shade = shadeOf(l)
                        let marked = l.style.background == Self.tapColor || l.style.background == Self.cursorColor
                        let style = marked ? Style(bold: true, reverse: true) : Style(dim: l.lut == nil)
                        if g.zoom == .large {
                            canvas.fill(x: cx, y: cy, width: inner, height: cellRows, shade, style: style)
                            canvas.put(" " + l.text + " ", x: cx + (inner - l.text.count - 2) / 2, y: cy, style: style.bolded)
                        } else {
                            canvas.put(String(shade) + l.text.leftPadded(to: inner - 1, with: " "), x: cx, y: cy, style: style)
                        }
                        continue
                    }
                    if g.zoom == .large && g.halfBlocks {
                        let edge = Style(foreground: l.style.background)
                        canvas.fill(x: cx, y: cy, width: inner, height: 1, "▄", style: edge)
                        canvas.fill(x: cx, y: cy + 1, width: inner, height: 1, " ", style: l.style)
                        canvas.fill(x: cx, y: cy + 2, width: inner, height: 1, "▀", style: edge)
                        canvas.put(l.text, x: cx + (inner - l.text.count + 1) / 2, y: cy + 1, style: l.style)
                        continue
                    }
                    canvas.fill(x: cx, y: cy, width: inner, height: cellRows, " ", style: l.style)
                    let textX = g.zoom == .large || l.text.count < inner
                        ? cx + (inner - l.text.count + 1) / 2 : cx + inner - l.text.count
                    canvas.put(l.text, x: textX, y: cy + (cellRows - 1) / 2, style: l.style)
                }
            }
        }
    }
}

/// Colours for cells that have no colormap colour.
enum ExportColors {
    /// Padding zeros in overview mode, where there is no number to say "padding".
    static let padding = RGB(48, 48, 48)
}
