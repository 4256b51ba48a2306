import ConvCore

/// The output-size formula under the maps, with the current numbers plugged in. The formula is
/// the same in both languages; only the words for an axis without an output change.
public enum FormulaText {
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
    static func axis(_ name: String, _ a: AxisGeometry, _ g: Glyphs, _ l: Language, compact: Bool) -> String {
        let sp = compact ? "" : " "
        if a.kernelFits { return "\(name)\(sp)=\(sp)" + body(a, g, compact: compact) }
        return l.pick("\(name): padded \(a.paddedSize) < kernel \(a.effectiveKernel), no output",
                      "\(name): с расширением \(a.paddedSize) < ядро \(a.effectiveKernel), выхода нет")
    }

    /// One formula for both axes when they are the same.
    static func both(_ a: AxisGeometry, _ g: Glyphs, compact: Bool) -> String {
        let sp = compact ? "" : " "
        return "H_out\(sp)=\(sp)W_out\(sp)=\(sp)" + body(a, g, compact: compact)
    }

    /// Just the result: "H_out=6", or "H_out: no output".
    static func result(_ name: String, _ a: AxisGeometry, _ l: Language) -> String {
        a.kernelFits ? "\(name)=\(a.outputSize)" : "\(name): " + l.pick("no output", "выхода нет")
    }
}
