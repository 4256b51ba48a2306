/// Thin grey edges around colours that would vanish on the light page (rocket's top entries,
/// e.g. 162 on a default output map). An edge is drawn only where such a colour meets a
/// different one, so a large cell (▄ / number / ▀) gets a single frame, not stripes.
extension SVGExporter {
    /// The line colour: light enough to stay out of the way, dark enough to see on white.
    static let outlineColor = RGB(0x9e, 0x9e, 0x9e)
    /// Fills closer than this to the page (contrast ratio) get an outline.
    static let outlineBelowContrast = 1.5

    /// True for a colour that would vanish on the light page (not the page itself).
    static func outlined(_ c: RGB, theme: ExportTheme) -> Bool {
        theme == .light && c != theme.background && Contrast.ratio(c, theme.background) < outlineBelowContrast
    }

    /// Outlines for one run of equal paint on row `y`, columns from..<to.
    static func appendOutlines(row y: Int, from: Int, to: Int, paint p: Paint, of canvas: Canvas,
                               theme: ExportTheme, to out: inout String) {
        let above = y > 0 ? paint(canvas[from, y - 1], theme: theme).bottom : nil
        let below = y + 1 < canvas.height ? paint(canvas[from, y + 1], theme: theme).top : nil
        let top = y * cellHeightTenths, half = cellHeightTenths / 2, bottom = top + cellHeightTenths
        // (colour, top, bottom, colour above, colour below) for the whole cell or each half.
        let segments: [(RGB?, Int, Int, RGB?, RGB?)] = p.top == p.bottom
            ? [(p.top, top, bottom, above, below)]
            : [(p.top, top, top + half, above, p.bottom), (p.bottom, top + half, bottom, p.top, below)]
        // Lines sit half a unit inside the cell so they never cover a neighbour.
        let left = from * cellWidthTenths + 5, right = to * cellWidthTenths - 5
        for (colour, y0, y1, over, under) in segments {
            guard let colour, outlined(colour, theme: theme) else { continue }
            var d = "M\(units(left)) \(units(y0))V\(units(y1))M\(units(right)) \(units(y0))V\(units(y1))"
            if over != colour { d += "M\(units(left)) \(units(y0 + 5))H\(units(right))" }
            if under != colour { d += "M\(units(left)) \(units(y1 - 5))H\(units(right))" }
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(outlineColor.hex)\" stroke-width=\"1\"/>\n"
        }
    }
}
