/// Writes a Slide as SVG. An animated slide plays by CSS alone (no script): every frame is a
/// group hidden by default and shown for its share of one loop, delayed by its index.
public enum SlideSVG {
    /// The whole document: it fills the window or the page it is placed in, keeping its aspect.
    public static func export(_ slide: Slide) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(slide, id: nil)
    }

    /// The `<svg>` element; `id` names it for the HTML page's controls.
    static func element(_ slide: Slide, id: String?) -> String {
        let w = number(slide.width), h = number(slide.height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\"" + (id.map { " id=\"\($0)\"" } ?? "")
            + " width=\"100%\" height=\"100%\" viewBox=\"0 0 \(w) \(h)\">\n"
            + "<title>\(SVGExporter.escape(slide.title))</title>\n"
        out += style(slide)
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(slide.theme.background.hex)\"/>\n"
        for grid in slide.grids { appendGrid(grid, theme: slide.theme, to: &out) }
        for text in slide.texts { appendText(text, to: &out) }
        for (i, frame) in slide.frames.enumerated() {
            let delay = number(Double(i) * slide.frameSeconds)
            out += "<g class=\"frame\" data-frame=\"\(i)\" style=\"animation-delay: \(delay)s\">\n"
            for grid in frame.grids { appendGrid(grid, theme: slide.theme, to: &out) }
            for mark in frame.marks { appendMark(mark, edge: SlideColors.markEdge(slide.theme), to: &out) }
            for text in frame.texts { appendText(text, to: &out) }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// The font, and for an animation the keyframes: frame i is opaque during
    /// [i·d, (i+1)·d) of each loop of n·d seconds. The page colour also fills the window
    /// around the picture when the SVG is opened on its own.
    static func style(_ slide: Slide) -> String {
        var css = "svg { background: \(slide.theme.background.hex); }\ntext { font-family: \(SVGExporter.fontFamily); white-space: pre; }\n"
        let n = slide.frames.count
        if n > 0 {
            let share = 100.0 / Double(n)
            let total = number(Double(n) * slide.frameSeconds)
            // Visibility rather than opacity: it is animated on the page's own clock, which a
            // headless browser's virtual time drives (opacity runs on the compositor's).
            css += ".frame { visibility: hidden; animation: convscope-step \(total)s linear infinite; }\n"
                + "@keyframes convscope-step { 0% { visibility: visible; } \(percent(share - 0.0001))% { visibility: visible; } "
                + "\(percent(share))% { visibility: hidden; } 100% { visibility: hidden; } }\n"
        }
        return "<style>\n\(css)</style>\n"
    }

    /// The smallest cell drawn with lines between cells.
    static let linedCell = 8.0
    /// The smallest padding cell drawn with a dashed edge.
    static let dashedCell = 16.0

    /// Square cells with a line of the page colour between them (seaborn's `linewidths=1`
    /// with its white `linecolor`); padding cells are the page with a dashed edge.
    static func appendGrid(_ grid: SlideGrid, theme: ExportTheme, to out: inout String) {
        // On the white page a cell nearly as light as the page gets a grey edge instead. Cells
        // smaller than `linedCell` have no lines: they would be more line than colour.
        func lines(_ fill: RGB) -> String {
            guard grid.cell >= linedCell else { return "" }
            let edge = SVGExporter.outlined(fill, theme: theme) ? SVGExporter.outlineColor.hex : theme.background.hex
            return " stroke=\"\(edge)\" stroke-width=\"1\""
        }
        let dashed = SlideColors.muted(theme).hex
        out += "<g>\n"
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let cell = grid.cells[row * grid.columns + column]
                let b = grid.box(row: row, column: column)
                if cell.isPadding, grid.cell < dashedCell {
                    // Too small for a dashed edge to read: a faint tint of the page instead.
                    let tint = Contrast.blend(SlideColors.muted(theme), over: theme.background, alpha: 0.2)
                    out += "<rect x=\"\(number(b.x))\" y=\"\(number(b.y))\" width=\"\(number(b.width))\" "
                        + "height=\"\(number(b.height))\" fill=\"\(tint.hex)\"/>\n"
                } else if cell.isPadding {
                    out += "<rect x=\"\(number(b.x + 1))\" y=\"\(number(b.y + 1))\" width=\"\(number(b.width - 2))\" "
                        + "height=\"\(number(b.height - 2))\" fill=\"\(cell.fill.hex)\" stroke=\"\(dashed)\" "
                        + "stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n"
                } else {
                    out += "<rect x=\"\(number(b.x))\" y=\"\(number(b.y))\" width=\"\(number(b.width))\" "
                        + "height=\"\(number(b.height))\" fill=\"\(cell.fill.hex)\"" + lines(cell.fill) + "/>\n"
                }
                if let label = cell.label {
                    appendText(SlideText(x: b.x + b.width / 2, y: b.y + b.height / 2 + 0.35 * grid.labelSize,
                                         size: grid.labelSize, text: label, color: cell.labelColor, anchor: .middle), to: &out)
                }
            }
        }
        out += "</g>\n"
    }

    static func appendText(_ t: SlideText, to out: inout String) {
        out += "<text x=\"\(number(t.x))\" y=\"\(number(t.y))\" font-size=\"\(number(t.size))\" fill=\"\(t.color.hex)\""
        if t.anchor != .start { out += " text-anchor=\"\(t.anchor.rawValue)\"" }
        if t.bold { out += " font-weight=\"bold\"" }
        out += ">\(SVGExporter.escape(t.text))</text>\n"
    }

    /// A mark: its colour with a 2-unit edge of `edge` inside it, so it shows on every palette
    /// entry (cyan alone vanishes on viridis' teal).
    static func appendMark(_ m: SlideMark, edge: RGB, to out: inout String) {
        // The strokes sit inside the box so neighbouring marks do not cover each other.
        func rect(_ width: Double, _ colour: RGB, fill: String) {
            let inset = width / 2
            out += "<rect x=\"\(number(m.box.x + inset))\" y=\"\(number(m.box.y + inset))\" "
                + "width=\"\(number(m.box.width - width))\" height=\"\(number(m.box.height - width))\" "
                + fill + " stroke=\"\(colour.hex)\" stroke-width=\"\(number(width))\"/>\n"
        }
        rect(m.lineWidth + 2, edge, fill: m.tint ? "fill=\"\(m.color.hex)\" fill-opacity=\"0.25\"" : "fill=\"none\"")
        rect(m.lineWidth, m.color, fill: "fill=\"none\"")
    }

    /// A length with at most two decimals and no float noise ("28.8", "19").
    static func number(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths), whole = a / 100, frac = a % 100
        if frac == 0 { return "\(sign)\(whole)" }
        return frac % 10 == 0 ? "\(sign)\(whole).\(frac / 10)" : "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// A keyframe percentage with four decimals.
    static func percent(_ v: Double) -> String {
        let t = Int((v * 10000).rounded())
        let s = String(t % 10000)
        return "\(t / 10000)." + String(repeating: "0", count: 4 - s.count) + s
    }
}

/// The colours a slide uses besides the maps': text, muted text and the kernel's marks.
public enum SlideColors {
    /// Axis labels and notes: 4.5:1 or more on the page.
    public static func muted(_ theme: ExportTheme) -> RGB {
        theme == .dark ? RGB(0xa8, 0xa8, 0xa8) : RGB(0x5e, 0x5e, 0x5e)
    }
    /// The taps under the kernel and the output cell being computed: a cyan that stands out
    /// on every palette, darker on the white page.
    public static func highlight(_ theme: ExportTheme) -> RGB {
        theme == .dark ? RGB(0x00, 0xe5, 0xff) : RGB(0x00, 0x6d, 0xd6)
    }
    /// The edge inside every mark: black on the dark page, white on the light one.
    public static func markEdge(_ theme: ExportTheme) -> RGB {
        theme == .dark ? RGB(0, 0, 0) : RGB(0xff, 0xff, 0xff)
    }
}
