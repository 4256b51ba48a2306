import ConvCore

/// PyTorch's output-size formula taken apart step by step for each axis.
public enum FormulaPanelText {
    /// The panel's lines: padded size, effective kernel, numerator, division, output size, unread input.
    public static func lines(_ p: ConvParameters, glyphs g: Glyphs, width: Int) -> [PanelLine] {
        let unread = p.unreadInput
        return axis("H", "h", "row", p.heightAxis, unread: unread.rows, glyphs: g, width: width)
            + axis("W", "w", "column", p.widthAxis, unread: unread.columns, glyphs: g, width: width)
    }

    static func axis(_ name: String, _ suffix: String, _ unit: String, _ a: AxisGeometry, unread: [Int],
                     glyphs g: Glyphs, width: Int) -> [PanelLine] {
        let x = g.product, m = g.minus
        func row(_ parts: String...) -> [PanelLine] { PanelLine.wrap(parts, lead: "  ", indent: "      ", width: width) }

        var out = PanelLine.wrap(text: "\(name) axis: size \(a.size), k \(a.kernel), p \(a.padding), s \(a.stride), "
                                 + "d \(a.dilation)", width: width, style: PanelStyle.heading)
        out += row("padded size", "= size + 2\(x)p", "= \(a.size) + 2\(x)\(a.padding)", "= \(a.paddedSize)")
        out += row("effective kernel", "= d\(x)(k \(m) 1) + 1", "= \(a.dilation)\(x)(\(a.kernel) \(m) 1) + 1",
                   "= \(a.effectiveKernel)")
        guard a.kernelFits else {
            return out + PanelLine.wrap(text: "padded \(a.paddedSize) < effective kernel \(a.effectiveKernel): PyTorch refuses",
                                        lead: "  ", indent: "    ", width: width, style: PanelStyle.warning)
        }
        let q = a.numerator / a.stride, r = a.droppedByFloor
        out += row("numerator", "= padded \(m) effective", "= size + 2\(x)p \(m) d\(x)(k \(m) 1) \(m) 1",
                   "= \(a.paddedSize) \(m) \(a.effectiveKernel)", "= \(a.numerator)")
        out += row("\(a.numerator) / \(a.stride) = \(q) remainder \(r):", "the floor drops \(r)")
        out += row("\(name)_out", "= \(g.floorOpen)\(a.numerator)/\(a.stride)\(g.floorClose) + 1", "= \(q) + 1",
                   "= \(a.outputSize)")
        return out + unreadLines(unit, unread, total: a.size, glyphs: g, width: width)
    }

    /// "2 columns never read: 6, 7", listing at most eight positions.
    static func unreadLines(_ unit: String, _ unread: [Int], total: Int, glyphs g: Glyphs, width: Int) -> [PanelLine] {
        if unread.isEmpty {
            return PanelLine.wrap(text: "every \(unit) is read", lead: "  ", width: width, style: PanelStyle.note)
        }
        var listed = unread.prefix(8).map(String.init)
        if unread.count > 8 { listed.append(g.ellipsis) }
        let items = listed.enumerated().map { $0.offset < listed.count - 1 ? $0.element + "," : $0.element }
        return PanelLine.wrap([Plural.count(unread.count, unit) + " never read:"] + items, lead: "  ", indent: "    ",
                              width: width)
    }
}
