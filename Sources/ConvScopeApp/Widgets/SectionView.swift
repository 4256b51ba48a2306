import ConvCore

/// The input, kernel or output maps: a header with the shape and scale, a title per map, the heatmaps,
/// and signs for anything not shown (other pages, cropped rows and columns).
struct SectionView {
    let layout: SectionLayout
    let title: String
    /// Dropped first when the header is short of room.
    let subtitle: String
    let scale: String
    let tensor: FeatureMaps?
    let mapScale: (Int) -> MapScale
    let environment: RenderEnvironment
    /// Inspector marks for each channel.
    var marks: (Int) -> CellMarks = { _ in .none }
    /// Extra header note, e.g. "2 columns never read".
    var note: String = ""
    /// The group of each map when the layer is grouped (nil: no group tags).
    var groupOf: ((Int) -> Int)?
    /// What the padding ring holds at (channel, y, x); nil draws zeros.
    var ringValue: ((Int, Int, Int) -> Float)?
    /// Facts kept right of the title, each where it fits, most important first (the kernel's
    /// preset, groups, padding, bias).
    var facts: [String] = []
    /// A map's titles, long then short ones; nil: "channel 3", "ch 3".
    var titlesOf: ((Int) -> (long: String, short: [String]))?

    func titles(_ channel: Int) -> (long: String, short: [String]) {
        titlesOf?(channel) ?? ScreenText.channelTitles(environment.language, channel)
    }

    /// The header's texts: the page marker and the scale are kept whole, then the block size of
    /// the whole map, then the note.
    var header: SectionHeader {
        let g = environment.glyphs, lang = environment.language, dot = " \(g.dot) "
        let notes = [layout.blockNote(g, lang), note.isEmpty ? [] : [note]].filter { !$0.isEmpty }
        let whole = SectionHeader(title: title, subtitle: facts.isEmpty ? subtitle : facts.joined(separator: dot), scale: scale,
                                  marker: layout.pageMarker(g, lang), notes: notes, separator: dot)
        // Facts (the kernel's) read after the title where they all fit, as the kernel line does;
        // else each goes right of it where it fits, after the shape.
        guard !facts.isEmpty, whole.rows(width: layout.frame.width, count: layout.headerRows).first?.left
            != title + dot + whole.subtitle else { return whole }
        return SectionHeader(title: title, scale: scale, marker: whole.marker, notes: notes + facts.map { [$0] },
                             separator: dot)
    }

    func paint(into canvas: inout Canvas) {
        let f = layout.frame, g = environment.glyphs
        for (i, row) in header.rows(width: f.width, count: layout.headerRows).enumerated() {
            canvas.put(row.left, x: f.x, y: f.y + i, style: Style(foreground: Palette.accent, bold: true), maxWidth: f.width)
            let leftEnd = f.x + row.left.count + (row.left.isEmpty ? 0 : SectionHeader.spacing)
            let rightX = max(leftEnd, f.maxX - row.right.count)
            canvas.put(row.right, x: rightX, y: f.y + i, style: Style(foreground: Palette.muted), maxWidth: f.maxX - rightX)
        }
        guard let tensor else {
            canvas.put(ScreenText.computing(environment.language) + "\(g.ellipsis)", x: f.x + 2, y: f.y + 2, style: Style(foreground: Palette.muted))
            return
        }
        guard layout.lastChannel >= layout.firstChannel else { return }
        for channel in layout.firstChannel...layout.lastChannel {
            let slot = layout.slot(ofChannel: channel)
            let origin = layout.origin(ofChannel: channel)
            canvas.put(channelTitle(channel), x: slot.x, y: slot.y, style: .plain.bolded)
            let mapScale = self.mapScale(channel)
            // Signed maps take the diverging palette centred on 0, others the chosen one.
            let colormap = Colormap.named(mapScale.isSigned ? .vlag : environment.colormap)
            let ring = ringValue.map { value in { (y: Int, x: Int) in value(channel, y, x) } }
            HeatmapView(tensor: tensor, channel: channel, scale: mapScale, colormap: colormap,
                        layout: layout, environment: environment, marks: marks(channel), ringValue: ring)
                .paint(into: &canvas, at: origin)
            paintCropMarks(into: &canvas, origin: origin)
        }
        let first = layout.slot(ofChannel: layout.firstChannel)
        paintCropNotes(into: &canvas, titleEnd: first.x + channelTitle(layout.firstChannel).count, y: first.y)
    }

    /// The title over a map: "channel 3" when the map (with its gutter) is that wide, else "ch 3"
    /// (or "3") using the gap to the next map too.
    func channelTitle(_ channel: Int) -> String {
        if let groupOf {
            let tag = " " + Conv2dText.groupTag(groupOf(channel))
            let (long, short) = titles(channel)
            if long.count + tag.count <= layout.slotWidth { return long + tag }
            if let first = short.first, first.count + tag.count <= layout.slotWidth + SectionLayout.gap - 1 { return first + tag }
        }
        return channelNumber(channel)
    }

    /// The title without a group tag, for maps too narrow for one.
    func channelNumber(_ channel: Int) -> String {
        let (long, short) = titles(channel)
        if long.count <= layout.slotWidth { return long }
        // One wording for the whole page: the first short one that fits its widest number (the
        // gap is borrowed, but not past the section's right edge).
        let room = min(layout.slotWidth + SectionLayout.gap - 1, layout.frame.maxX - layout.slot(ofChannel: channel).x)
        let widest = titles(max(channel, layout.lastChannel)).short
        if let form = widest.firstIndex(where: { $0.count <= room }) { return short[form] }
        return short.first { $0.count <= room } ?? "\(channel)"
    }

    /// Which rows and columns a cropped map shows, on the first map's title row.
    func paintCropNotes(into canvas: inout Canvas, titleEnd: Int, y: Int) {
        guard layout.isCropped else { return }
        let g = environment.glyphs, lang = environment.language
        var notes: [String] = []
        if layout.visibleColumns < layout.totalColumns {
            notes.append(ScreenText.cropRange(lang, g, axis: "x", first: layout.firstColumn,
                                              last: layout.firstColumn + layout.visibleColumns - 1, total: layout.totalColumns))
        }
        if layout.visibleRows < layout.totalRows {
            notes.append(ScreenText.cropRange(lang, g, axis: "y", first: layout.firstRow,
                                              last: layout.firstRow + layout.visibleRows - 1, total: layout.totalRows))
        }
        // The notes end with the first map's slot, before the gap and the next map's title.
        let right = layout.mapsPerRow == 1 ? layout.frame.maxX : layout.slot(ofChannel: layout.firstChannel).x + layout.slotWidth
        var text = ""
        for part in notes + [ScreenText.cropScroll(lang)] {
            let candidate = text.isEmpty ? part : text + " \(g.dot) " + part
            if titleEnd + 2 + candidate.count <= min(right, layout.frame.maxX) { text = candidate }
        }
        canvas.put(text, x: titleEnd + 2, y: y, style: Style(foreground: Palette.highlight))
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
