import ConvCore

/// Paints one feature map as seaborn's annotated heatmap: colormap cells, the value in each,
/// seaborn's text-colour rule, and gaps between cells.
struct HeatmapView {
    let tensor: Tensor4
    let channel: Int
    let vmax: Float
    let colormap: Colormap
    let layout: SectionLayout
    let environment: RenderEnvironment

    func paint(into canvas: inout Canvas, at origin: (x: Int, y: Int)) {
        let g = layout.geometry
        let rows = layout.firstRow..<(layout.firstRow + layout.visibleRows)
        let columns = layout.firstColumn..<(layout.firstColumn + layout.visibleColumns)
        switch g.zoom {
        case .overview where g.halfBlocks:
            for (i, y) in stride(from: rows.lowerBound, to: rows.upperBound, by: 2).enumerated() {
                for (j, x) in columns.enumerated() {
                    let top = colormap.color(at: index(y, x))
                    let bottom: RGB? = y + 1 < rows.upperBound ? colormap.color(at: index(y + 1, x)) : nil
                    canvas[origin.x + j, origin.y + i] = Cell(
                        environment.glyphs.upperHalf, Style(foreground: top, background: bottom))
                }
            }
        case .overview:
            for (i, y) in rows.enumerated() {
                for (j, x) in columns.enumerated() {
                    let lut = index(y, x)
                    canvas[origin.x + j, origin.y + i] = g.shaded
                        ? Cell(ShadeRamp.glyph(forIndex: lut, unicode: environment.glyphs.unicode))
                        : Cell(" ", Style(background: colormap.color(at: lut)))
                }
            }
        case .numbers, .large:
            let cellRows = g.zoom == .large ? 2 : 1
            let step = g.zoom == .large ? 3 : 1
            let inner = g.cellWidth - 1
            for (i, y) in rows.enumerated() {
                for (j, x) in columns.enumerated() {
                    let lut = index(y, x)
                    let text = formatValue(tensor[0, channel, y, x])
                    let cx = origin.x + j * g.cellWidth, cy = origin.y + i * step
                    if g.shaded {
                        let shade = ShadeRamp.glyph(forIndex: lut, unicode: environment.glyphs.unicode)
                        if g.zoom == .large {
                            canvas.fill(x: cx, y: cy, width: inner, height: cellRows, shade)
                            canvas.put(" " + text + " ", x: cx + (inner - text.count - 2) / 2, y: cy, style: .plain.bolded)
                        } else {
                            canvas.put(String(shade) + text.leftPadded(to: inner - 1, with: " "), x: cx, y: cy)
                        }
                        continue
                    }
                    let style = Style(foreground: colormap.textColor(at: lut), background: colormap.color(at: lut))
                    canvas.fill(x: cx, y: cy, width: inner, height: cellRows, " ", style: style)
                    let textX = g.zoom == .large || text.count < inner ? cx + (inner - text.count + 1) / 2 : cx + inner - text.count
                    canvas.put(text, x: textX, y: cy + (cellRows - 1) / 2, style: style)
                }
            }
        }
    }

    /// The colormap entry of element (y, x), seaborn's rule with vmin 0.
    func index(_ y: Int, _ x: Int) -> Int {
        colormap.index(for: tensor[0, channel, y, x], vmin: 0, vmax: vmax)
    }
}
