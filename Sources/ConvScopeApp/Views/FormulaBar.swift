import ConvCore

/// The output-size formula for both axes with the current numbers plugged in.
enum FormulaBar {
    /// `H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6`, or why there is no output on this axis.
    static func text(_ name: String, _ a: AxisGeometry, _ g: Glyphs, compact: Bool) -> String {
        let sp = compact ? "" : " "
        let m = g.minus
        let body = "\(g.floorOpen)(\(a.size)\(sp)+\(sp)2\(g.dot)\(a.padding)\(sp)\(m)\(sp)\(a.dilation)\(g.dot)(\(a.kernel)\(m)1)"
            + "\(sp)\(m)\(sp)1)\(sp)/\(sp)\(a.stride)\(g.floorClose)\(sp)+\(sp)1"
        if a.kernelFits { return "\(name)\(sp)=\(sp)\(body)\(sp)=\(sp)\(a.outputSize)" }
        return "\(name): padded \(a.paddedSize) < kernel \(a.effectiveKernel), no output"
    }

    static func paint(into canvas: inout Canvas, layout: ScreenLayout, parameters p: ConvParameters, glyphs g: Glyphs) {
        let width = layout.columns - 2
        var h = text("H_out", p.heightAxis, g, compact: false)
        var w = text("W_out", p.widthAxis, g, compact: false)
        if layout.formulaLines == 2 && (h.count > width || w.count > width) {
            h = text("H_out", p.heightAxis, g, compact: true)
            w = text("W_out", p.widthAxis, g, compact: true)
        }
        let hStyle = Style(foreground: p.heightAxis.kernelFits ? nil : Palette.error)
        let wStyle = Style(foreground: p.widthAxis.kernelFits ? nil : Palette.error)
        if layout.formulaLines == 1 {
            canvas.put(h, x: 1, y: layout.formulaY, style: hStyle)
            canvas.put(w, x: 1 + h.count + 4, y: layout.formulaY, style: wStyle)
        } else {
            canvas.put(h, x: 1, y: layout.formulaY, style: hStyle)
            canvas.put(w, x: 1, y: layout.formulaY + 1, style: wStyle)
        }
        if h.count + 1 > layout.columns || (layout.formulaLines == 1 && h.count + w.count + 5 > layout.columns) {
            canvas[layout.columns - 1, layout.formulaY] = Cell(Character(g.ellipsis.count == 1 ? g.ellipsis : ">"),
                                                                Style(foreground: Palette.muted))
        }
    }
}
