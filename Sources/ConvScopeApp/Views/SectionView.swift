import ConvCore

/// The input or output maps: a header with the shape and scale, a title per map, the heatmaps,
/// and signs for anything not shown (other pages, cropped rows and columns).
struct SectionView {
    let layout: SectionLayout
    let title: String
    let scale: String
    let tensor: Tensor4?
    let scaleMax: (Int) -> Float
    let environment: RenderEnvironment

    func paint(into canvas: inout Canvas) {
        let f = layout.frame, g = environment.glyphs
        canvas.put(title, x: f.x, y: f.y, style: Style(foreground: Palette.accent, bold: true), maxWidth: f.width)
        var notes: [String] = []
        if layout.isPaged {
            notes.append("ch \(layout.firstChannel)\(g.dash)\(layout.lastChannel) of \(layout.channels) [ ]")
        }
        if layout.visibleColumns < layout.totalColumns {
            let last = layout.firstColumn + layout.visibleColumns - 1
            notes.append("x \(layout.firstColumn)\(g.dash)\(last) of \(layout.totalColumns)")
        }
        if layout.visibleRows < layout.totalRows {
            let last = layout.firstRow + layout.visibleRows - 1
            notes.append("y \(layout.firstRow)\(g.dash)\(last) of \(layout.totalRows)")
        }
        if layout.isCropped { notes.append("Shift-arrows scroll") }
        let right = (notes + [scale]).joined(separator: " \(g.dot) ")
        let titleEnd = f.x + title.count + 2
        let rightX = max(titleEnd, f.maxX - right.count)
        canvas.put(right, x: rightX, y: f.y, style: Style(foreground: Palette.muted), maxWidth: f.maxX - rightX)
        guard let tensor else {
            canvas.put("computing\(g.ellipsis)", x: f.x + 2, y: f.y + 2, style: Style(foreground: Palette.muted))
            return
        }
        let colormap = Colormap.named(environment.colormap)
        guard layout.lastChannel >= layout.firstChannel else { return }
        for channel in layout.firstChannel...layout.lastChannel {
            let origin = layout.origin(ofChannel: channel)
            let name = layout.mapWidth >= 10 ? "channel \(channel)" : "ch \(channel)"
            canvas.put(name, x: origin.x, y: origin.y - 1, style: .plain.bolded, maxWidth: layout.mapWidth)
            HeatmapView(tensor: tensor, channel: channel, vmax: scaleMax(channel), colormap: colormap,
                        layout: layout, environment: environment)
                .paint(into: &canvas, at: origin)
            paintCropMarks(into: &canvas, origin: origin)
        }
    }

    /// Arrows beside a cropped map pointing to the part that is off screen.
    func paintCropMarks(into canvas: inout Canvas, origin: (x: Int, y: Int)) {
        let mark = Style(foreground: Palette.highlight, bold: true)
        let g = environment.glyphs
        let arrowRight: Character = g.unicode ? "▶" : ">"
        let arrowLeft: Character = g.unicode ? "◀" : "<"
        let arrowDown: Character = g.unicode ? "▼" : "v"
        if layout.firstColumn + layout.visibleColumns < layout.totalColumns {
            canvas[origin.x + layout.mapWidth, origin.y] = Cell(arrowRight, mark)
        }
        if layout.firstColumn > 0 { canvas[origin.x - 1, origin.y] = Cell(arrowLeft, mark) }
        if layout.firstRow + layout.visibleRows < layout.totalRows {
            let y = origin.y + layout.mapHeight
            if y < layout.frame.maxY { canvas[origin.x, y] = Cell(arrowDown, mark) }
        }
    }
}
