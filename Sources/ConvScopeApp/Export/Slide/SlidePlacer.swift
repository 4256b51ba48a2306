/// One heatmap to place: its cells (row-major) and how its rows and columns are numbered.
struct SlideMapSpec {
    var title: String
    var rows: Int, columns: Int
    var cells: [SlideCell]
    /// Grid rows and columns before the tensor's row and column 0 (zero padding drawn around it).
    var padTop = 0, padLeft = 0
    /// Rows and columns of the tensor itself, which the axis labels count.
    var tensorRows: Int, tensorColumns: Int
    /// Grid cells from one tensor index to the next: a transposed convolution's stride, whose
    /// inserted zeros sit between the input's cells.
    var spacing = 1
}

/// A section of maps under its header ("output 1×2×6×6 · scale 0–162") and a muted note.
struct SlideGroup {
    var header: String
    var note: String
    var specs: [SlideMapSpec]
    /// The group's own cell size (the kernel's stays readable when the maps' cells shrink).
    var cell: Double? = nil
}

/// Lays a slide out from the top: lines of text, then rows of maps side by side, wrapping
/// before the page would grow past `SlideMetrics.maxWidth`.
struct SlidePlacer {
    var slide: Slide
    /// The top of what comes next.
    var y = SlideMetrics.margin
    /// The right edge of everything placed so far.
    var right = SlideMetrics.margin
    static let gap = 28.0

    init(title: String, theme: ExportTheme) {
        slide = Slide(title: title, width: 0, height: 0, theme: theme)
    }

    var foreground: RGB { slide.theme.foreground }
    var muted: RGB { SlideColors.muted(slide.theme) }

    /// A line of text at the left margin; returns it (so a frame can hold it instead).
    @discardableResult
    mutating func line(_ text: String, size: Double, color: RGB? = nil, bold: Bool = false, add: Bool = true) -> SlideText {
        let t = SlideText(x: SlideMetrics.margin, y: y + 0.8 * size, size: size, text: text, color: color ?? foreground, bold: bold)
        if add { slide.texts.append(t) }
        right = max(right, t.box.x + t.box.width)
        y += size * 1.45
        return t
    }

    /// Blank space.
    mutating func skip(_ units: Double) { y += units }

    /// Maps side by side with their titles and axis labels, wrapping at the page's width;
    /// returns each map's grid index.
    mutating func maps(_ specs: [SlideMapSpec], cell: Double, labelSize: Double) -> [Int] {
        var perRow = specs.count
        while perRow > 1, SlideMetrics.margin + Self.width(specs, perRow: perRow, cell: cell) > Self.limit { perRow -= 1 }
        let placed = place(specs, x: SlideMetrics.margin, top: y, perRow: perRow, cell: cell, labelSize: labelSize)
        y = placed.bottom + Self.gap / 2
        return placed.indices
    }

    /// Sections side by side (e.g. the kernel beside the output), each a header, a note and its
    /// maps; a section that does not fit beside the previous one starts a new band below.
    /// Returns each section's grid indices.
    mutating func band(_ groups: [SlideGroup], cell: Double, labelSize: Double) -> [[Int]] {
        var x = SlideMetrics.margin, top = y, bottom = y
        var result: [[Int]] = []
        for group in groups {
            let cell = group.cell ?? cell
            let labelSize = group.cell == nil ? labelSize : min(max(SlideMetrics.smallFont, cell * 0.4), 30)
            let headerWidth = max(SlideMetrics.width(group.header, size: SlideMetrics.headerFont),
                                  SlideMetrics.width(group.note, size: SlideMetrics.noteFont))
            func width(_ n: Int) -> Double { max(headerWidth, Self.width(group.specs, perRow: n, cell: cell)) }
            func widest(from x: Double) -> Int {
                var n = group.specs.count
                while n > 1, x + width(n) > Self.limit { n -= 1 }
                return n
            }
            var perRow = widest(from: x)
            if x > SlideMetrics.margin, x + width(perRow) > Self.limit {
                x = SlideMetrics.margin
                top = bottom + Self.gap / 2
                perRow = widest(from: x)
            }
            slide.texts.append(SlideText(x: x, y: top + 0.8 * SlideMetrics.headerFont, size: SlideMetrics.headerFont,
                                         text: group.header, color: foreground))
            var mapsTop = top + SlideMetrics.headerFont * 1.4
            if !group.note.isEmpty {
                slide.texts.append(SlideText(x: x, y: mapsTop + 0.8 * SlideMetrics.noteFont, size: SlideMetrics.noteFont,
                                             text: group.note, color: muted))
                mapsTop += SlideMetrics.noteFont * 1.4
            }
            let placed = place(group.specs, x: x, top: mapsTop, perRow: perRow, cell: cell, labelSize: labelSize)
            result.append(placed.indices)
            bottom = max(bottom, placed.bottom)
            right = max(right, x + width(perRow))
            x += width(perRow) + Self.gap * 1.5
        }
        y = bottom + Self.gap / 2
        return result
    }

    static var limit: Double { SlideMetrics.maxWidth - SlideMetrics.margin }
    static let titleSize = SlideMetrics.smallFont + 2

    /// A map's column: its row labels, its cells, or its title if that is wider.
    static func slotWidth(_ spec: SlideMapSpec, cell: Double) -> Double {
        let gutter = SlideMetrics.width(String(max(0, spec.tensorRows - 1)), size: SlideMetrics.smallFont) + 8
        return max(gutter + Double(spec.columns) * cell, SlideMetrics.width(spec.title, size: titleSize))
    }

    /// The width of maps placed `perRow` to a row.
    static func width(_ specs: [SlideMapSpec], perRow: Int, cell: Double) -> Double {
        stride(from: 0, to: specs.count, by: max(1, perRow)).map { start in
            let row = specs[start..<min(specs.count, start + perRow)]
            return row.map { slotWidth($0, cell: cell) }.reduce(0, +) + gap * Double(row.count - 1)
        }.max() ?? 0
    }

    /// Places maps `perRow` to a row from (x, top): titles, axis labels and cells.
    private mutating func place(_ specs: [SlideMapSpec], x x0: Double, top: Double, perRow: Int, cell: Double,
                                labelSize: Double) -> (indices: [Int], bottom: Double) {
        let tick = SlideMetrics.smallFont
        var x = x0, rowTop = top, rowBottom = top
        var indices: [Int] = []
        for (i, spec) in specs.enumerated() {
            if i > 0, i % max(1, perRow) == 0 {
                x = x0
                rowTop = rowBottom + Self.gap / 2
            }
            let gutter = SlideMetrics.width(String(max(0, spec.tensorRows - 1)), size: tick) + 8
            let slotWidth = Self.slotWidth(spec, cell: cell)
            slide.texts.append(SlideText(x: x, y: rowTop + 0.8 * Self.titleSize, size: Self.titleSize, text: spec.title, color: foreground))
            let ticksY = rowTop + Self.titleSize * 1.4
            let gridX = x + gutter, gridY = ticksY + tick * 1.3
            // Every k-th index, k the smallest that keeps neighbouring labels apart (seaborn's ticks).
            let spaced = cell * Double(spec.spacing)
            let columnStep = Self.step(for: SlideMetrics.width(String(max(0, spec.tensorColumns - 1)), size: tick) + 6, cell: spaced)
            for c in stride(from: 0, to: spec.tensorColumns, by: columnStep) {
                slide.texts.append(SlideText(x: gridX + (Double(c * spec.spacing + spec.padLeft) + 0.5) * cell, y: ticksY + 0.8 * tick,
                                             size: tick, text: "\(c)", color: muted, anchor: .middle))
            }
            let rowStep = Self.step(for: tick * 1.05, cell: spaced)
            for r in stride(from: 0, to: spec.tensorRows, by: rowStep) {
                slide.texts.append(SlideText(x: gridX - 6, y: gridY + (Double(r * spec.spacing + spec.padTop) + 0.5) * cell + 0.35 * tick,
                                             size: tick, text: "\(r)", color: muted, anchor: .end))
            }
            indices.append(slide.grids.count)
            slide.grids.append(SlideGrid(x: gridX, y: gridY, cell: cell, rows: spec.rows, columns: spec.columns,
                                         cells: spec.cells, labelSize: labelSize))
            right = max(right, x + slotWidth)
            rowBottom = max(rowBottom, gridY + Double(spec.rows) * cell)
            x += slotWidth + Self.gap
        }
        return (indices, rowBottom)
    }

    /// The smallest label step at which labels `width` wide fit in cells of `cell`.
    static func step(for width: Double, cell: Double) -> Int { max(1, Int((width / cell).rounded(.up))) }

    /// The finished slide, its page the content plus the margin.
    func finished() -> Slide {
        var s = slide
        s.width = (right + SlideMetrics.margin).rounded(.up)
        s.height = (y + SlideMetrics.margin).rounded(.up)
        return s
    }

    /// True when the page fits the size that keeps its smallest text readable.
    static func readable(_ s: Slide) -> Bool { s.width <= SlideMetrics.maxWidth && s.height <= SlideMetrics.maxHeight }
}

/// The numbers a heatmap cell can carry and the colours it is drawn in.
enum SlideHeat {
    /// A cell coloured on `scale` with `colormap`, its value written when `numbers`.
    static func cell(_ v: Float, scale: MapScale, colormap: ColormapName, numbers: Bool) -> SlideCell {
        let map = Colormap.named(scale.isSigned ? .vlag : colormap)
        let i = map.index(for: v, vmin: scale.vmin, vmax: scale.vmax)
        return SlideCell(fill: map.color(at: i), label: numbers ? NumberText.cell(v) : nil, labelColor: map.textColor(at: i))
    }

    /// A padding cell: the page with a dashed edge, its 0 written muted.
    static func padding(theme: ExportTheme, numbers: Bool, value: String = "0") -> SlideCell {
        SlideCell(fill: theme.background, label: numbers ? value : nil, labelColor: SlideColors.muted(theme), isPadding: true)
    }

    /// The cell size at which numbers of `characters` fit at the smallest font.
    static func numbersCell(characters: Int) -> Double {
        max(36, SlideMetrics.width(String(repeating: "0", count: characters), size: SlideMetrics.smallFont) + 12)
    }
}
