import ConvCore

/// The course notes' comparison: a conv layer against a fully-connected layer of K outputs.
public enum CostPanelText {
    /// The panel's lines: parameter and multiplication counts, Comp_param, Comp_mult, the stride-1 check.
    public static func lines(_ p: ConvParameters, denseOutputs: Int?, glyphs g: Glyphs, width: Int) -> [PanelLine] {
        let cost = CostModel(p, denseOutputs: denseOutputs)
        let x = g.product
        let valid = p.validate() == nil
        let h = p.heightAxis.outputSize, w = p.widthAxis.outputSize
        // Without an output there is no default K, so nothing dense can be counted either.
        let knowK = valid || denseOutputs != nil
        let k = cost.denseOutputs
        func prod(_ v: Int...) -> String { v.map(String.init).joined(separator: x) }
        func row(_ label: String, _ parts: String...) -> [PanelLine] {
            PanelLine.wrap(parts, lead: label, indent: "          ", width: width)
        }
        func heading(_ text: String) -> [PanelLine] { PanelLine.wrap(text: text, width: width, style: PanelStyle.heading) }
        // The ratio in words, under its formula: what a student takes away.
        func plain(_ text: String) -> [PanelLine] {
            PanelLine.wrap(text: text, lead: "  ", indent: "    ", width: width, style: PanelStyle.plainWords)
        }

        let kSource = denseOutputs != nil ? "set by ( ) or typed"
            : "default = C_out\(x)H_out\(x)W_out" + (valid ? " = \(prod(p.outChannels, h, w))" : "")
        var out = heading("the course notes' comparison: conv vs fully connected "
                          + "(\(knowK ? "K = " + Plural.count(k, "output") : "K undefined"), \(kSource))")

        out += heading("parameters")
        out += row("  conv    ", "(C_in\(x)F1\(x)F2 + 1)\(x)C_out",
                   "= (\(prod(p.inChannels, p.kernelSizeH, p.kernelSizeW)) + 1)\(x)\(p.outChannels)",
                   "= \(cost.convParameters)")
        if knowK {
            out += row("  dense   ", "(C_in\(x)H_in\(x)W_in + 1)\(x)K",
                       "= (\(prod(p.inChannels, p.hIn, p.wIn)) + 1)\(x)\(k)", "= \(cost.denseParameters)")
        }
        // With neither H_out nor K nothing can be multiplied out; the warning below says why.
        if knowK { out += heading("multiplications") }
        if valid {
            out += row("  conv    ", "C_in\(x)F1\(x)F2\(x)C_out\(x)H_out\(x)W_out",
                       "= \(prod(p.inChannels, p.kernelSizeH, p.kernelSizeW, p.outChannels, h, w))",
                       "= \(cost.convMultiplications)")
        }
        if knowK {
            out += row("  dense   ", "C_in\(x)H_in\(x)W_in\(x)K", "= \(prod(p.inChannels, p.hIn, p.wIn, k))",
                       "= \(cost.denseMultiplications)")
            out += row("Comp_param ", "= H_in\(x)W_in\(x)K / (F1\(x)F2\(x)C_out)",
                       "= \(prod(p.hIn, p.wIn, k)) / (\(prod(p.kernelSizeH, p.kernelSizeW, p.outChannels)))",
                       "= \(number(cost.parameterRatio))")
            out += plain("a dense layer needs \(number(cost.parameterRatio))\(g.times) the weights of the conv layer")
        }
        if valid {
            out += row("Comp_mult ", "= Comp_param / (H_out\(x)W_out)",
                       "= \(number(cost.parameterRatio)) / (\(prod(h, w)))", "= \(number(cost.multiplicationRatio))")
            out += plain("and \(number(cost.multiplicationRatio))\(g.times) its multiplications")
            out += simplification(p, glyphs: g, width: width)
        } else {
            let missing = knowK ? "no conv multiplications and no Comp_mult"
                : "no default K, no conv multiplications and no dense numbers"
            out += PanelLine.wrap(text: "PyTorch refuses these parameters: without H_out and W_out there are "
                                  + missing + "; the stride-1 simplification does not apply",
                                  width: width, style: PanelStyle.warning)
        }
        out += PanelLine.wrap(text: "F1 = kernel_size_h, F2 = kernel_size_w; Comp leaves biases out, as the course notes do",
                              width: width, style: PanelStyle.note)
        out += PanelLine.wrap(text: "( ) halve / double K \(g.dot) type digits to set K", width: width, style: PanelStyle.note)
        return out
    }

    /// Whether the course notes' H_out = H_in − F1 + 1 (and W) matches PyTorch here and, if not, which
    /// parameters break it: the notes assume stride 1, no padding, no dilation.
    static func simplification(_ p: ConvParameters, glyphs g: Glyphs, width: Int) -> [PanelLine] {
        let m = g.minus
        let formula = "the course notes' stride-1 shortcut H_out = H_in \(m) F1 + 1, W_out = W_in \(m) F2 + 1"
        let axes: [(name: String, suffix: String, axis: AxisGeometry, simple: Int)] = [
            ("H", "h", p.heightAxis, p.hIn - p.kernelSizeH + 1), ("W", "w", p.widthAxis, p.wIn - p.kernelSizeW + 1),
        ]
        if CostModel(p).notesSimplificationHolds {
            let unusual = axes.flatMap { unusualParameters($0.suffix, $0.axis) }
            // Padding and dilation can cancel out (p 1, d 2, k 3), or a kernel as large as the input
            // gives one output whatever the stride: the numbers agree though the case is not simple.
            let tail = unusual.isEmpty ? "holds" : "holds here even with " + unusual.joined(separator: ", ")
            return PanelLine.wrap(text: formula + " " + tail, width: width)
        }
        var out = PanelLine.wrap(text: formula + " does not hold:", width: width, style: PanelStyle.warning)
        for a in axes where a.axis.outputSize != a.simple {
            let reasons = unusualParameters(a.suffix, a.axis)
            let why = reasons.joined(separator: ", ") + (reasons.count == 1 ? " gives" : " give")
            out += PanelLine.wrap(text: "\(why) \(a.name)_out = \(a.axis.outputSize), not \(a.simple)",
                                  lead: "  ", indent: "    ", width: width, style: PanelStyle.warning)
        }
        return out
    }

    /// The parameters of one axis that leave the course notes' simple case (stride 1, padding 0, dilation 1).
    static func unusualParameters(_ suffix: String, _ a: AxisGeometry) -> [String] {
        [("stride", a.stride, 1), ("padding", a.padding, 0), ("dilation", a.dilation, 1)]
            .filter { $0.1 != $0.2 }.map { "\($0.0)_\(suffix) = \($0.1)" }
    }

    /// Integers as plain digits, other ratios with two decimals (no Foundation formatting needed).
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "n/a" }
        // Past 1e13 the hundredths would not fit an Int; the decimals mean nothing there anyway.
        if v == v.rounded() || abs(v) >= 1e13 { return abs(v) < 9e18 ? String(Int(v.rounded())) : "\(v)" }
        let hundredths = Int((v * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
