/// Exports a Canvas as a standalone SVG picture: cell backgrounds as rects, text as runs.
///
/// Geometry, in SVG user units (≈ CSS px): a cell is 9.6 wide and 19 high, text is 16 units
/// with its baseline 15 below the cell top. 9.6 = 0.6 em is the advance of DejaVu Sans Mono and
/// Menlo at 16; 19 ≈ their 1.16 em line height, so box-drawing lines nearly touch.
/// Coordinates are kept in integer tenths of a unit so they print exactly (no 28.799999).
public enum SVGExporter {
    /// Width of one character cell in SVG units.
    public static let cellWidth = 9.6
    /// Font size of the text in SVG units.
    public static let fontSize = 16.0
    /// The font stack: a monospace face where available; textLength pins columns anyway.
    public static let fontFamily = "DejaVu Sans Mono, Menlo, Consolas, monospace"

    static let cellWidthTenths = 96, cellHeightTenths = 190, baselineTenths = 150

    /// The whole document: XML declaration plus the `<svg>` element.
    public static func export(_ canvas: Canvas, theme: ExportTheme = .dark, title: String = "convscope") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(canvas, theme: theme, title: title)
    }

    /// The `<svg>` element alone, which HTMLExporter embeds so both pictures are identical.
    static func element(_ canvas: Canvas, theme: ExportTheme, title: String) -> String {
        let w = units(canvas.width * cellWidthTenths), h = units(canvas.height * cellHeightTenths)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" "
            + "viewBox=\"0 0 \(w) \(h)\">\n<title>\(escape(title))</title>\n"
            + "<rect class=\"screen\" width=\"\(w)\" height=\"\(h)\" fill=\"\(theme.background.hex)\"/>\n"
        // crispEdges stops anti-aliasing seams between neighbouring rects of a heatmap.
        out += "<g shape-rendering=\"crispEdges\">\n"
        for y in 0..<canvas.height { appendRects(row: y, of: canvas, theme: theme, to: &out) }
        out += "</g>\n<g font-family=\"\(fontFamily)\" font-size=\"\(units(Int(fontSize * 10)))\">\n"
        for y in 0..<canvas.height { appendText(row: y, of: canvas, theme: theme, to: &out) }
        out += "</g>\n</svg>\n"
        return out
    }

    // MARK: Backgrounds and block glyphs

    /// The colours of a cell's top and bottom halves; nil is the bare page (nothing to draw).
    /// Block glyphs are painted here rather than as text because fonts draw them with gaps.
    struct Paint: Equatable {
        var top: RGB?
        var bottom: RGB?
    }

    static func paint(_ cell: Cell, theme: ExportTheme) -> Paint {
        let (fg, bg) = theme.colors(of: cell.style)
        switch cell.character {
        case "▀": return Paint(top: fg, bottom: bg)
        case "▄": return Paint(top: bg, bottom: fg)
        case "█": return Paint(top: fg, bottom: fg)
        case "░", "▒", "▓":
            // A shade is fg dots over bg; a flat blend of the two is how it reads from afar.
            let alpha = cell.character == "░" ? 0.25 : cell.character == "▒" ? 0.5 : 0.75
            let mixed = Contrast.blend(fg, over: bg ?? theme.background, alpha: alpha)
            return Paint(top: mixed, bottom: mixed)
        default: return Paint(top: bg, bottom: bg)
        }
    }

    static func isBlock(_ c: Character) -> Bool { "▀▄█░▒▓".contains(c) }


    /// One rect per horizontal run of equal paint (two when the halves differ), to keep files small.
    private static func appendRects(row y: Int, of canvas: Canvas, theme: ExportTheme, to out: inout String) {
        var x = 0
        while x < canvas.width {
            let p = paint(canvas[x, y], theme: theme)
            var end = x + 1
            while end < canvas.width, paint(canvas[end, y], theme: theme) == p { end += 1 }
            let top = y * cellHeightTenths, half = cellHeightTenths / 2
            if p.top == p.bottom {
                if let c = p.top { rect(x, end, top, cellHeightTenths, c, &out) }
            } else {
                if let c = p.top { rect(x, end, top, half, c, &out) }
                if let c = p.bottom { rect(x, end, top + half, cellHeightTenths - half, c, &out) }
            }
            if theme == .light { appendOutlines(row: y, from: x, to: end, paint: p, of: canvas, theme: theme, to: &out) }
            x = end
        }
    }

    private static func rect(_ from: Int, _ to: Int, _ y: Int, _ height: Int, _ color: RGB, _ out: inout String) {
        out += "<rect x=\"\(units(from * cellWidthTenths))\" y=\"\(units(y))\" "
            + "width=\"\(units((to - from) * cellWidthTenths))\" height=\"\(units(height))\" fill=\"\(color.hex)\"/>\n"
    }

    // MARK: Text

    /// One `<text>` per run of equal style, placed at its column and stretched to its cells so
    /// columns line up whatever font the viewer substitutes.
    private static func appendText(row y: Int, of canvas: Canvas, theme: ExportTheme, to out: inout String) {
        var x = 0
        while x < canvas.width {
            let style = canvas[x, y].style
            var end = x
            while end < canvas.width, canvas[end, y].style == style, !isBlock(canvas[end, y].character) { end += 1 }
            if end == x { x += 1; continue }  // a block glyph, already drawn as rects
            var start = x
            x = end
            // Blanks at the ends of a run draw nothing (unless underlined), so leave them out.
            if !style.underline {
                while start < end, canvas[start, y].character == " " { start += 1 }
                while end > start, canvas[end - 1, y].character == " " { end -= 1 }
            }
            guard start < end else { continue }
            let text = String((start..<end).map { canvas[$0, y].character })
            out += "<text xml:space=\"preserve\" x=\"\(units(start * cellWidthTenths))\" "
                + "y=\"\(units(y * cellHeightTenths + baselineTenths))\" "
                + "textLength=\"\(units((end - start) * cellWidthTenths))\" lengthAdjust=\"spacingAndGlyphs\" "
                + "fill=\"\(theme.colors(of: style).foreground.hex)\""
            if style.bold { out += " font-weight=\"bold\"" }
            if style.dim { out += " opacity=\"\(ExportTheme.dimOpacity)\"" }
            if style.underline { out += " text-decoration=\"underline\"" }
            out += ">\(escape(text))</text>\n"
        }
    }

    // MARK: Helpers

    /// A non-negative length in tenths of a unit, printed without float noise ("28.8", "19").
    static func units(_ tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// Text safe inside XML content and attributes; characters XML 1.0 forbids become U+FFFD
    /// so the document always parses.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                out.unicodeScalars.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
