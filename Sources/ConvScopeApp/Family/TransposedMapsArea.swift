import ConvCore

/// How far a ConvTranspose2d explanation's maps are scrolled, in columns and rows of the drawn maps.
public struct TransposedScroll: Equatable, Sendable {
    public var x = 0, y = 0
    /// Not scrolled.
    public init() {}
}

/// A ConvTranspose2d's explanation painted into one rectangle of a screen (the course screen's
/// maps area, the model screen's or the graph screen's): the maps of the view shown, scrolled
/// where they do not fit, and the inspected cell's two sums on the last lines. Every screen
/// that explains a ConvTranspose2d paints through it, so they draw and scroll alike.
struct TransposedMapsArea {
    let view: TransposedExplanationView
    /// The form drawn: the layer as it runs (nil), direct or scatter.
    let shown: TransposedView?
    let area: Rect

    var lang: Language { view.lang }
    var glyphs: Glyphs { view.environment.glyphs }
    /// Words wrap one column inside the area.
    var width: Int { max(1, area.width - 1) }

    /// The sums written out, or their totals alone where a written line cannot show its total.
    func sums(_ sum: TransposedCellSum) -> [String] {
        let (direct, scatter) = (NumberText.cell(Float(sum.directTotal)), NumberText.cell(Float(sum.scatterTotal)))
        return FamilyText.directSum(view.cell, "", direct, lang).count > width
            ? FamilyScreenText.shortSums(view.cell, direct: direct, scatter: scatter, equal: sum.directTotal == sum.scatterTotal, lang)
            : view.sumLines(sum)
    }

    /// What is drawn: the words above the maps (the steps dropped, then the title shortened to
    /// the status line's words, as the area gets shorter), the maps, the sums, and the rows
    /// the maps get. The maps are drawn once; only the words are tried at each length. Where the
    /// maps scroll, the words' first line leaves room at its end for the mark saying where they are.
    func content() -> (words: Canvas, gap: Int, maps: Canvas, sums: [String], rows: Int) {
        let sum = view.sum
        let sums = self.sums(sum)
        let maps = (try? view.grids(shown, sum: sum, width: width)) ?? Canvas(width: width, height: 1)
        var markRoom = 0
        var drawn = content(maps: maps, sums: sums, markRoom: 0)
        // Room kept for the mark can take a row from the maps, so a row mark may appear with it.
        for _ in 0..<2 {
            let room = self.markRoom(maps: maps, rows: drawn.rows)
            guard room > markRoom else { break }
            markRoom = room
            drawn = content(maps: maps, sums: sums, markRoom: room)
        }
        return drawn
    }

    func content(maps: Canvas, sums: [String], markRoom: Int) -> (words: Canvas, gap: Int, maps: Canvas, sums: [String], rows: Int) {
        let room = max(1, area.height - sums.count)
        var words = view.words(shown, width: width, steps: true, title: true, firstShorter: markRoom)
        if words.height + 1 + maps.height > room {
            words = view.words(shown, width: width, steps: false, title: true, firstShorter: markRoom)
        }
        guard words.height + 1 + maps.height > room else { return (words, 1, maps, sums, max(1, room - words.height - 1)) }
        // The status line's words (wrapped, never cut at the edge), the maps right under them.
        let notice = FamilyScreenText.viewNotice(shown, lang)
        let lines = wrappedLines(notice, width: width, glyphs: glyphs, firstShorter: markRoom)
        words = Canvas(width: width, height: lines.count)
        for (i, line) in lines.enumerated() { words.put(line, x: 0, y: i, style: Style(bold: true)) }
        return (words, 0, maps, sums, max(1, room - words.height))
    }

    /// The columns the scroll mark can take at the end of the first line, with the two spaces
    /// before it: its widest form for the axes that scroll; 0 when the maps fit or it is too wide to show.
    func markRoom(maps: Canvas, rows: Int) -> Int {
        let (h, w) = (maps.height, maps.width)
        guard w > width || h > rows else { return 0 }
        let widest = FamilyText.fitted(FamilyScreenText.scrolled(rows: (h > rows ? (h - 1)..<h : 0..<h, of: h),
                                                                 columns: (w > width ? (w - 1)..<w : 0..<w, of: w), lang), glyphs)
        return widest.count + 12 <= width ? widest.count + 2 : 0
    }

    /// One page of scrolling (the columns and rows the maps get) and the farthest the maps
    /// scroll (what they take past those), from one drawing of them.
    func scrolling() -> (page: (columns: Int, rows: Int), limit: TransposedScroll) {
        let c = content()
        var limit = TransposedScroll()
        limit.x = max(0, c.maps.width - width)
        limit.y = max(0, c.maps.height - c.rows)
        return ((width, c.rows), limit)
    }

    /// Paints the area: the words, the maps from `scroll` (clamped) and the sums right under them;
    /// the first line ends saying where the maps are when they do not fit.
    func paint(into canvas: inout Canvas, scroll: TransposedScroll) {
        canvas.fill(x: area.x, y: area.y, width: area.width, height: area.height)
        let (c, top, rows, x, y) = placement(scroll)
        canvas.blit(c.words.cropped(height: min(c.words.height, area.height)), x: area.x + 1, y: area.y)
        if rows > 0 {
            var window = Canvas(width: width, height: min(rows, c.maps.height - y))
            window.blit(c.maps, x: -x, y: -y)
            canvas.blit(window, x: area.x + 1, y: top)
        }
        // Right under the maps when they leave room, else on the area's last lines.
        let sumsTop = max(area.y, min(top + min(rows, c.maps.height) + 1, area.maxY - c.sums.count))
        for (i, line) in c.sums.enumerated() where sumsTop + i < area.maxY {
            // A written sum longer than the area gives up whole terms from its end, for an ellipsis.
            let shown = FamilyText.shortenedSum(FamilyText.fitted(line, glyphs), width: width, ellipsis: " " + glyphs.ellipsis)
            canvas.put(shown, x: area.x + 1, y: sumsTop + i,
                       style: Style(foreground: Palette.highlight, bold: i == c.sums.count - 1), maxWidth: width)
        }
        guard c.maps.width > width || c.maps.height > rows, c.words.height > 0 else { return }
        // Where the maps are, at the end of the first line of words.
        let shown = (rows: y..<min(c.maps.height, y + rows), columns: x..<min(c.maps.width, x + width))
        let mark = FamilyText.fitted(FamilyScreenText.scrolled(rows: (shown.rows, of: c.maps.height),
                                                               columns: (shown.columns, of: c.maps.width), lang), glyphs)
        // The first line of words left room for it; where it could not (a first word too long), no mark.
        let at = area.maxX - mark.count - 2
        guard mark.count + 12 <= width, (at..<area.maxX).allSatisfy({ canvas[$0, area.y].character == " " }) else { return }
        canvas.put(mark, x: area.maxX - mark.count, y: area.y, style: Style(foreground: Palette.muted), maxWidth: mark.count)
    }
}

extension TransposedMapsArea {
    /// What is drawn and where: the maps' first line on screen, the rows they get and the scroll clamped.
    func placement(_ scroll: TransposedScroll) -> (content: (words: Canvas, gap: Int, maps: Canvas, sums: [String], rows: Int),
                                                   top: Int, rows: Int, x: Int, y: Int) {
        let c = content()
        let top = area.y + c.words.height + c.gap
        let rows = max(0, min(c.rows, area.maxY - c.sums.count - top))
        return (c, top, rows, min(max(0, scroll.x), max(0, c.maps.width - width)), min(max(0, scroll.y), max(0, c.maps.height - rows)))
    }

    /// The output map's cell (row, column) drawn at (column, row) of the screen, nil elsewhere.
    func outputCell(atColumn column: Int, row: Int, scroll: TransposedScroll) -> (y: Int, x: Int)? {
        let (c, top, rows, x, y) = placement(scroll)
        guard row >= top, row < top + min(rows, c.maps.height - y), column > area.x, column <= area.x + width,
              let origin = view.outputCellOrigin(shown, sum: view.sum, width: width) else { return nil }
        let mapX = column - area.x - 1 + x - origin.x, i = row - top + y - origin.y
        let size = view.explained.outputSize
        guard mapX >= 0, i >= 0, i < size.h, mapX / origin.cellWidth < size.w else { return nil }
        return (i, mapX / origin.cellWidth)
    }
}

extension FamilyScreenText {
    /// Which rows and columns of the maps are in view, for the axes that do not fit.
    static func scrolled(rows: (Range<Int>, of: Int), columns: (Range<Int>, of: Int), _ lang: Language) -> String {
        var parts: [String] = []
        if rows.0.count < rows.of {
            parts.append(lang.pick("rows", "строки") + " \(rows.0.lowerBound + 1)–\(rows.0.upperBound)/\(rows.of)")
        }
        if columns.0.count < columns.of {
            parts.append(lang.pick("columns", "столбцы") + " \(columns.0.lowerBound + 1)–\(columns.0.upperBound)/\(columns.of)")
        }
        return parts.joined(separator: ", ")
    }
}
