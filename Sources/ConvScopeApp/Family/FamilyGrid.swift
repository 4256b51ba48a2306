import ConvCore

/// One cell of a family map: a value, or a zero the explanation put there (inserted between
/// cells, padding, or cropped), drawn dimmed so the eye separates it from the input's own values.
public struct GridCell: Equatable, Sendable {
    public var value: Float
    /// True for an inserted or padding zero.
    public var isFiller: Bool
    /// True for a cell the inspector lights up.
    public var isMarked: Bool

    /// A cell.
    public init(_ value: Float, filler: Bool = false, marked: Bool = false) {
        self.value = value; isFiller = filler; isMarked = marked
    }
}

/// Paints small maps as annotated heatmaps on a Canvas: a title line, then rows of numbers in
/// colormap cells (shaded by the value between the map's min and max), fillers dimmed, marks
/// highlighted. Every family view draws its maps with it.
struct FamilyGrid {
    let title: String
    let rows: [[GridCell]]
    let environment: RenderEnvironment
    /// The values the colormap spans; nil spans this map's own non-filler values. A volume's
    /// depth slices share their channel's range, so one colour means one value across slices.
    var range: (low: Float, high: Float)?

    /// The width of one cell: the longest number plus a gap.
    var cellWidth: Int { (rows.flatMap { $0 }.map { NumberText.cell($0.value).count }.max() ?? 1) + 1 }
    /// Columns the map takes (at least its title).
    var width: Int { max(FamilyText.fitted(title, environment.glyphs).count, (rows.first?.count ?? 0) * cellWidth) }
    /// Lines the map takes: the title and the rows.
    var height: Int { 1 + rows.count }

    /// Paints the map with its top-left corner at (x, y).
    func paint(on canvas: inout Canvas, x: Int, y: Int) {
        canvas.put(FamilyText.fitted(title, environment.glyphs), x: x, y: y, style: Style(foreground: Palette.accent).bolded)
        let values = rows.flatMap { $0 }.filter { !$0.isFiller }.map(\.value)
        let (low, high) = range ?? (values.min() ?? 0, values.max() ?? 0)
        let colormap = Colormap.named(environment.colormap)
        // Measured once: it reads every cell, and a map may hold tens of thousands.
        let cellWidth = self.cellWidth
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                // Fillers read as a dot, so a text export tells them from the input's own zeros;
                // a mark is a star after the number, seen in every format.
                let text = cell.isFiller && cell.value == 0 ? environment.glyphs.fillerDot : NumberText.cell(cell.value)
                let padded = String(repeating: " ", count: max(0, cellWidth - 1 - text.count)) + text + (cell.isMarked ? "*" : " ")
                canvas.put(padded, x: x + c * cellWidth, y: y + 1 + r,
                           style: cell.style(colormap: colormap, low: low, high: high, environment: environment))
            }
        }
    }
}

extension GridCell {
    /// Its look: a mark highlighted, a filler dimmed, a value in its colormap colour (plain without colours).
    func style(colormap: Colormap, low: Float, high: Float, environment: RenderEnvironment) -> Style {
        if isMarked { return Style(foreground: RGB(0, 0, 0), background: Palette.highlight, bold: true) }
        if isFiller { return Style(foreground: Palette.muted, dim: true) }
        guard environment.colorDepth.hasColor else { return .plain }
        let index = colormap.index(for: value, vmin: low, vmax: high)
        return Style(foreground: colormap.textColor(at: index), background: colormap.color(at: index))
    }
}

extension Glyphs {
    /// An inserted or padding zero of a family map: a middle dot, or '.' in ASCII.
    var fillerDot: String { unicode ? "\u{00B7}" : "." }
}

/// Lays maps out left to right, wrapping to a new band when the width runs out.
struct GridFlow {
    let width: Int
    private(set) var x = 0, y: Int
    private var bandHeight = 0

    init(width: Int, top: Int) { self.width = width; y = top }

    /// Paints `grid` at the next place and moves on.
    mutating func place(_ grid: FamilyGrid, on canvas: inout Canvas) {
        let at = advance(past: grid)
        grid.paint(on: &canvas, x: at.x, y: at.y)
    }

    /// The top-left corner the next place gives `grid`; moves on past it.
    mutating func advance(past grid: FamilyGrid) -> (x: Int, y: Int) {
        if x > 0 && x + grid.width > width { x = 0; y += bandHeight + 1; bandHeight = 0 }
        let at = (x: x, y: y)
        x += grid.width + 3
        bandHeight = max(bandHeight, grid.height)
        return at
    }

    /// The first line below everything placed.
    var bottom: Int { y + bandHeight + (bandHeight > 0 ? 1 : 0) }
}

/// A sentence as the family screens wrap it: its glyphs fitted, broken at its spaces (a layer's
/// arguments) into lines `width` wide, the lines after the first indented; the first line
/// `firstShorter` columns shorter (room kept at its end for a mark).
func wrappedLines(_ line: String, width: Int, glyphs: Glyphs, firstShorter: Int = 0) -> [String] {
    let words = TextWrap.words(FamilyText.fitted(line, glyphs))
    let whole = TextWrap.lines(words, indent: "  ", width: width)
    // The first line takes the words that fit its shorter width; the rest wrap on as usual.
    var first: [String] = []
    for word in words {
        guard (first + [word]).joined(separator: " ").count <= width - firstShorter else { break }
        first.append(word)
    }
    guard firstShorter > 0, !first.isEmpty, first.count < words.count, whole.count > 0,
          whole[0].count > width - firstShorter else { return whole }
    return [first.joined(separator: " ")] + TextWrap.lines(Array(words.dropFirst(first.count)), lead: "  ", indent: "  ", width: width)
}

/// Paints sentences from line `y` down, each wrapped by `wrappedLines` (the first line
/// `firstShorter` columns shorter); returns the next free line.
func paintLines(_ lines: [String], on canvas: inout Canvas, y: Int, glyphs: Glyphs, style: Style = .plain,
                firstShorter: Int = 0) -> Int {
    var row = y
    for (i, line) in lines.enumerated() {
        for piece in wrappedLines(line, width: canvas.width, glyphs: glyphs, firstShorter: i == 0 ? firstShorter : 0) {
            canvas.put(piece, x: 0, y: row, style: style)
            row += 1
        }
    }
    return row
}
