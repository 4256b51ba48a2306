import ConvCore

/// The output-size formula for both axes with the current numbers plugged in.
enum FormulaBar {
    /// `H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6`, or why there is no output on this axis.
    static func text(_ name: String, _ a: AxisGeometry, _ g: Glyphs, compact: Bool) -> String {
        let sp = compact ? "" : " "
        let m = g.minus
        let body = "\(g.floorOpen)(\(a.size)\(sp)+\(sp)2\(g.product)\(a.padding)\(sp)\(m)\(sp)\(a.dilation)\(g.product)(\(a.kernel)\(m)1)"
            + "\(sp)\(m)\(sp)1)\(sp)/\(sp)\(a.stride)\(g.floorClose)\(sp)+\(sp)1"
        if a.kernelFits { return "\(name)\(sp)=\(sp)\(body)\(sp)=\(sp)\(a.outputSize)" }
        return "\(name): padded \(a.paddedSize) < kernel \(a.effectiveKernel), no output"
    }

    /// The formula lines that fit `width`: both on one line, spaced or compact, else one per axis.
    static func lines(_ p: ConvParameters, glyphs g: Glyphs, width: Int) -> [(String, Bool)] {
        let room = width - 2
        for compact in [false, true] {
            let h = text("H_out", p.heightAxis, g, compact: compact)
            let w = text("W_out", p.widthAxis, g, compact: compact)
            let gap = compact ? "   " : "    "
            if h.count + gap.count + w.count <= room {
                return [(h, p.heightAxis.kernelFits), (gap, true), (w, p.widthAxis.kernelFits)]
            }
        }
        let compact = text("H_out", p.heightAxis, g, compact: false).count > room
        return [(text("H_out", p.heightAxis, g, compact: compact), p.heightAxis.kernelFits),
                (text("W_out", p.widthAxis, g, compact: compact), p.widthAxis.kernelFits)]
    }

    static func paint(into canvas: inout Canvas, layout: ScreenLayout, parameters p: ConvParameters, glyphs g: Glyphs) {
        let parts = lines(p, glyphs: g, width: layout.columns)
        var x = 1, y = layout.formulaY
        for (i, part) in parts.enumerated() {
            let style = Style(foreground: part.1 ? nil : Palette.error, bold: !part.1)
            if parts.count == 2, i == 1 { x = 1; y += 1 }
            canvas.put(part.0, x: x, y: y, style: style, maxWidth: layout.columns - 1 - x)
            x += part.0.count
            if part.0.count + 2 > layout.columns {
                canvas[layout.columns - 1, y] = Cell(g.unicode ? "…" : ">", Style(foreground: Palette.muted))
            }
        }
    }
}
