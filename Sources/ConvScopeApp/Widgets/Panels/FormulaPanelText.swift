import ConvCore

/// PyTorch's output-size formula taken apart step by step for each axis.
public enum FormulaPanelText {
    /// The panel's lines: padded size, effective kernel, numerator, division, output size, unread input.
    public static func lines(_ p: ConvParameters, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let unread = p.unreadInput
        return axis("H", rows: true, p.heightAxis, unread: unread.rows, glyphs: g, width: width, language: l)
            + axis("W", rows: false, p.widthAxis, unread: unread.columns, glyphs: g, width: width, language: l)
    }

    /// The whole layer's panel: the padding as applied ('same' may pad one more at the bottom
    /// and right, which the sums then write out side by side), after a line on 'same' / 'valid'.
    public static func lines(_ s: Conv2dSettings, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let unread = s.unreadInput
        var out: [PanelLine] = []
        if s.paddingChoice != .explicit {
            let h = s.heightAxis, w = s.widthAxis
            out += PanelLine.wrap(text: PanelWords.paddingChoice(l, g, s.paddingChoice, h: h, w: w), width: width,
                                  style: PanelStyle.note)
        }
        return out + axis("H", rows: true, s.heightAxis, unread: unread.rows, glyphs: g, width: width, language: l)
            + axis("W", rows: false, s.widthAxis, unread: unread.columns, glyphs: g, width: width, language: l)
    }

    static func axis(_ name: String, rows: Bool, _ a: AxisGeometry, unread: [Int],
                     glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let x = g.product, m = g.minus
        func row(_ parts: String...) -> [PanelLine] { PanelLine.wrap(parts, lead: "  ", indent: "      ", width: width) }

        let size = PanelWords.size(l)
        // An uneven split writes both sides: p_top + p_bottom (p_left + p_right).
        let sides = rows ? ("p_top", "p_bottom") : ("p_left", "p_right")
        let padding = a.extraAfter == 0 ? "2\(x)p" : "\(sides.0) + \(sides.1)"
        let paddingValue = a.extraAfter == 0 ? "2\(x)\(a.padding)" : "\(a.padding) + \(a.padding + a.extraAfter)"
        var out = PanelLine.wrap(text: PanelWords.axisHeading(l, name, a), width: width, style: PanelStyle.heading)
        out += row(PanelWords.paddedSize(l), "= \(size) + \(padding)", "= \(a.size) + \(paddingValue)", "= \(a.paddedSize)")
        out += row(PanelWords.effectiveKernel(l), "= d\(x)(k \(m) 1) + 1", "= \(a.dilation)\(x)(\(a.kernel) \(m) 1) + 1",
                   "= \(a.effectiveKernel)")
        guard a.kernelFits else {
            return out + PanelLine.wrap(text: PanelWords.kernelTooLarge(l, padded: a.paddedSize, effective: a.effectiveKernel),
                                        lead: "  ", indent: "    ", width: width, style: PanelStyle.warning)
        }
        let q = a.numerator / a.stride, r = a.droppedByFloor
        let (division, floor) = PanelWords.division(l, a.numerator, a.stride, quotient: q, remainder: r)
        out += row(PanelWords.numerator(l), PanelWords.paddedMinusEffective(l, g), "= \(size) + \(padding) \(m) d\(x)(k \(m) 1) \(m) 1",
                   "= \(a.paddedSize) \(m) \(a.effectiveKernel)", "= \(a.numerator)")
        out += row(division, floor)
        out += row("\(name)_out", "= \(g.floorOpen)\(a.numerator)/\(a.stride)\(g.floorClose) + 1", "= \(q) + 1",
                   "= \(a.outputSize)")
        return out + unreadLines(rows: rows, unread, total: a.size, glyphs: g, width: width, language: l)
    }

    /// "2 columns never read: 6, 7", listing at most eight positions.
    static func unreadLines(rows: Bool, _ unread: [Int], total: Int, glyphs g: Glyphs, width: Int,
                            language l: Language) -> [PanelLine] {
        if unread.isEmpty {
            return PanelLine.wrap(text: PanelWords.everyRead(l, rows: rows), lead: "  ", width: width, style: PanelStyle.note)
        }
        var listed = unread.prefix(8).map(String.init)
        if unread.count > 8 { listed.append(g.ellipsis) }
        let items = listed.enumerated().map { $0.offset < listed.count - 1 ? $0.element + "," : $0.element }
        let head = PanelWords.neverRead(l, unread.count, rows ? Nouns.row : Nouns.column)
        return PanelLine.wrap([head] + items, lead: "  ", indent: "    ",
                              width: width)
    }
}
