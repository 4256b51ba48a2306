import ConvCore

/// The cost panel's first lines for a depthwise-separable pair: its weights and multiplications
/// against one plain Conv2d with the same output, and MobileNet's ratio.
enum SeparableCostText {
    static func lines(_ c: DepthwiseSeparableCost, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let x = g.product
        let k = "\(c.kernelH)\(x)\(c.kernelW)"
        func n(_ v: Int) -> String { NumberText.grouped(v, l) }
        func row(_ label: String, _ parts: String...) -> [PanelLine] { PanelLine.wrap(parts, lead: label, indent: "          ", width: width) }
        let plain = "Conv2d(\(c.inChannels), \(c.outChannels), \(c.kernelH == c.kernelW ? "\(c.kernelH)" : "(\(c.kernelH), \(c.kernelW))"))"
        var out = PanelLine.wrap(text: l.pick("Depthwise-separable against one plain \(plain) with the same output",
                                              "Раздельная свёртка против одной обычной \(plain) с тем же выходом"),
                                 width: width, style: PanelStyle.heading)
        out += row(l.pick("weights   ", "веса      "),
                   l.pick("plain", "обычная") + " C_out\(x)C_in\(x)kH\(x)kW = \(c.outChannels)\(x)\(c.inChannels)\(x)\(k) = \(n(c.plainWeights));",
                   l.pick("separable", "раздельная") + " C_in\(x)kH\(x)kW + C_out\(x)C_in = \(c.inChannels)\(x)\(k) + "
                       + "\(c.outChannels)\(x)\(c.inChannels) = \(n(c.separableWeights))")
        out += row(l.pick("mults     ", "умножения "),
                   l.pick("plain", "обычная") + " \(n(c.plainWeights))\(x)H_out\(x)W_out = \(n(c.plainMultiplications));",
                   l.pick("separable", "раздельная") + " \(n(c.separableWeights))\(x)\(c.outputH)\(x)\(c.outputW) = \(n(c.separableMultiplications))")
        out += row(l.pick("ratio     ", "отношение "), "\(n(c.separableMultiplications)) / \(n(c.plainMultiplications)) = \(NumberText.ratio(c.ratio, l))",
                   "= 1/C_out + 1/(kH\(x)kW) = 1/\(c.outChannels) + 1/\(c.kernelH * c.kernelW) (MobileNet)")
        return out + [PanelLine(text: "", style: .plain)]
    }
}
