import ConvCore

/// The output-size formula for both axes with the current numbers plugged in.
enum FormulaBar {
    /// One piece of a formula row: its text and whether its axis has an output (else drawn as an error).
    typealias Piece = (text: String, fits: Bool)

    /// `⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6`, the right-hand side of one axis.
    static func body(_ a: AxisGeometry, _ g: Glyphs, compact: Bool) -> String {
        let sp = compact ? "" : " "
        let m = g.minus
        // 'same' with an odd total pads one more after: both sides are written out.
        let padding = a.extraAfter == 0 ? "2\(g.product)\(a.padding)" : "\(a.padding)\(sp)+\(sp)\(a.padding + a.extraAfter)"
        return "\(g.floorOpen)(\(a.size)\(sp)+\(sp)\(padding)\(sp)\(m)\(sp)\(a.dilation)\(g.product)(\(a.kernel)\(m)1)"
            + "\(sp)\(m)\(sp)1)\(sp)/\(sp)\(a.stride)\(g.floorClose)\(sp)+\(sp)1\(sp)=\(sp)\(a.outputSize)"
    }

    /// `H_out = ⌊…⌋ + 1 = 6`, or why there is no output on this axis.
    static func text(_ name: String, _ a: AxisGeometry, _ g: Glyphs, compact: Bool) -> String {
        let sp = compact ? "" : " "
        if a.kernelFits { return "\(name)\(sp)=\(sp)" + body(a, g, compact: compact) }
        return "\(name): padded \(a.paddedSize) < kernel \(a.effectiveKernel), no output"
    }

    /// The formula rows that fit `width`: both axes on one row, spaced or compact; one formula for
    /// both when the axes are the same; else one row per axis.
    static func rows(_ p: Conv2dSettings, glyphs g: Glyphs, width: Int) -> [[Piece]] {
        let room = width - 2
        let h = p.heightAxis, w = p.widthAxis
        for compact in [false, true] {
            let ht = text("H_out", h, g, compact: compact), wt = text("W_out", w, g, compact: compact)
            let gap = compact ? "   " : "    "
            if ht.count + gap.count + wt.count <= room { return [[(ht, h.kernelFits), (gap, true), (wt, w.kernelFits)]] }
        }
        if h == w && h.kernelFits {
            for compact in [false, true] {
                let sp = compact ? "" : " "
                let both = "H_out\(sp)=\(sp)W_out\(sp)=\(sp)" + body(h, g, compact: compact)
                if both.count <= room { return [[(both, true)]] }
            }
        }
        let compact = text("H_out", h, g, compact: false).count > room
        return [[(text("H_out", h, g, compact: compact), h.kernelFits)], [(text("W_out", w, g, compact: compact), w.kernelFits)]]
    }

    /// How many rows the formula takes at this width.
    static func rowCount(_ p: Conv2dSettings, glyphs g: Glyphs, width: Int) -> Int { rows(p, glyphs: g, width: width).count }

    /// One row for both axes when two do not fit under the parameter panel: each formula that
    /// fits in full, else just its result (the formula panel, f, has all of it).
    static func squeezed(_ p: Conv2dSettings, glyphs g: Glyphs, width: Int) -> [Piece] {
        var pieces: [Piece] = []
        var used = 0
        for (name, a) in [("H_out", p.heightAxis), ("W_out", p.widthAxis)] {
            let gap = pieces.isEmpty ? "" : "  "
            let full = text(name, a, g, compact: true)
            let short = a.kernelFits ? "\(name)=\(a.outputSize)" : "\(name): no output"
            let chosen = used + gap.count + full.count + 5 <= width - 2 ? full : short
            if !gap.isEmpty { pieces.append((gap, true)) }
            pieces.append((chosen, a.kernelFits))
            used += gap.count + chosen.count
        }
        return pieces
    }

    static func paint(into canvas: inout Canvas, layout: ScreenLayout, parameters p: Conv2dSettings, glyphs g: Glyphs) {
        var rows = rows(p, glyphs: g, width: layout.columns)
        var y = layout.formulaY
        // In a short window the first formula row would land on the parameter panel's border:
        // everything goes on the row below it instead.
        if rows.count == 2 && y < layout.panel.maxY {
            rows = [squeezed(p, glyphs: g, width: layout.columns)]
            y += 1
        }
        paint(rows, into: &canvas, y: y, columns: layout.columns, glyphs: g)
    }

    /// Draws formula rows from row `y`, one column in, cut with an ellipsis at `columns`.
    static func paint(_ rows: [[Piece]], into canvas: inout Canvas, y: Int, columns: Int, glyphs g: Glyphs) {
        for (i, row) in rows.enumerated() {
            var x = 1
            for piece in row {
                let style = Style(foreground: piece.fits ? nil : Palette.error, bold: !piece.fits)
                canvas.put(piece.text, x: x, y: y + i, style: style, maxWidth: columns - 1 - x)
                x += piece.text.count
            }
            if x + 1 > columns { canvas[columns - 1, y + i] = Cell(g.unicode ? "…" : ">", Style(foreground: Palette.muted)) }
        }
    }
}
