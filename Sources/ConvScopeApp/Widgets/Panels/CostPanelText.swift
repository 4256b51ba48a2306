import ConvCore

/// The course notes' comparison: a conv layer against a fully-connected layer of K outputs.
public enum CostPanelText {
    /// The panel's lines: parameter and multiplication counts, Comp_param, Comp_mult, the stride-1 check.
    public static func lines(_ p: ConvParameters, denseOutputs: Int?, glyphs g: Glyphs, width: Int,
                             language l: Language, groups: Int = 1, hasBias: Bool = false) -> [PanelLine] {
        let cost = CostModel(p, denseOutputs: denseOutputs, groups: groups, hasBias: hasBias)
        // A grouped kernel sees C_in/g channels: the formulas say so only when g > 1.
        let cIn = groups > 1 ? "C_in/g" : "C_in"
        let cInValue = groups > 1 ? "\(p.inChannels)/\(groups)" : "\(p.inChannels)"
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

        let kSource = PanelWords.kSource(l, typed: denseOutputs != nil,
                                         product: "C_out\(x)H_out\(x)W_out" + (valid ? " = \(prod(p.outChannels, h, w))" : ""))
        var out = heading(PanelWords.comparison(l, k: knowK ? k : nil, source: kSource))

        out += heading(PanelWords.parametersHeading(l))
        out += row(PanelWords.convLabel(l), "(\(cIn)\(x)F1\(x)F2 + 1)\(x)C_out",
                   "= (\(cInValue)\(x)\(prod(p.kernelSizeH, p.kernelSizeW)) + 1)\(x)\(p.outChannels)",
                   "= \(cost.convParameters)")
        // PyTorch's own count for this layer: the bias only when it has one.
        let bias = hasBias ? " + C_out" : ""
        out += row(PanelWords.pytorchLabel(l), "C_out\(x)\(cIn)\(x)F1\(x)F2\(bias)",
                   "= \(p.outChannels)\(x)\(cInValue)\(x)\(prod(p.kernelSizeH, p.kernelSizeW))" + (hasBias ? " + \(p.outChannels)" : ""),
                   "= \(cost.layerParameters)")
        out += plain(PanelWords.pytorchCount(l, hasBias: hasBias))
        if knowK {
            out += row(PanelWords.denseLabel(l), "(C_in\(x)H_in\(x)W_in + 1)\(x)K",
                       "= (\(prod(p.inChannels, p.hIn, p.wIn)) + 1)\(x)\(k)", "= \(cost.denseParameters)")
        }
        // With neither H_out nor K nothing can be multiplied out; the warning below says why.
        if knowK { out += heading(PanelWords.multiplicationsHeading(l)) }
        if valid {
            out += row(PanelWords.convLabel(l), "\(cIn)\(x)F1\(x)F2\(x)C_out\(x)H_out\(x)W_out",
                       "= \(cInValue)\(x)\(prod(p.kernelSizeH, p.kernelSizeW, p.outChannels, h, w))",
                       "= \(cost.convMultiplications)")
        }
        if knowK {
            out += row(PanelWords.denseLabel(l), "C_in\(x)H_in\(x)W_in\(x)K", "= \(prod(p.inChannels, p.hIn, p.wIn, k))",
                       "= \(cost.denseMultiplications)")
            // C_in cancels out; with groups the conv kernel has g times fewer channels.
            let gFactor = groups > 1 ? "g\(x)" : "", gValue = groups > 1 ? "\(groups)\(x)" : ""
            out += row("Comp_param ", "= \(gFactor)H_in\(x)W_in\(x)K / (F1\(x)F2\(x)C_out)",
                       "= \(gValue)\(prod(p.hIn, p.wIn, k)) / (\(prod(p.kernelSizeH, p.kernelSizeW, p.outChannels)))",
                       "= \(NumberText.ratio(cost.parameterRatio, l))")
            out += plain(PanelWords.denseNeedsWeights(l, NumberText.ratio(cost.parameterRatio, l), cost.parameterRatio, g))
        }
        if valid {
            out += row("Comp_mult ", "= Comp_param / (H_out\(x)W_out)",
                       "= \(NumberText.ratio(cost.parameterRatio, l)) / (\(prod(h, w)))", "= \(NumberText.ratio(cost.multiplicationRatio, l))")
            out += plain(PanelWords.andMultiplications(l, NumberText.ratio(cost.multiplicationRatio, l), cost.multiplicationRatio, g))
            out += simplification(p, glyphs: g, width: width, language: l)
        } else {
            out += PanelLine.wrap(text: PanelWords.refusedCosts(l, knowK: knowK), width: width, style: PanelStyle.warning)
        }
        out += PanelLine.wrap(text: PanelWords.biasNote(l), width: width, style: PanelStyle.note)
        out += PanelLine.wrap(text: PanelWords.kKeys(l, g), width: width, style: PanelStyle.note)
        return out
    }

    /// Whether the course notes' H_out = H_in − F1 + 1 (and W) matches PyTorch here and, if not, which
    /// parameters break it: the notes assume stride 1, no padding, no dilation.
    static func simplification(_ p: ConvParameters, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let formula = PanelWords.shortcut(l, g)
        let axes: [(name: String, suffix: String, axis: AxisGeometry, simple: Int)] = [
            ("H", "h", p.heightAxis, p.hIn - p.kernelSizeH + 1), ("W", "w", p.widthAxis, p.wIn - p.kernelSizeW + 1),
        ]
        if CostModel(p).notesSimplificationHolds {
            let unusual = axes.flatMap { unusualParameters($0.suffix, $0.axis) }
            // Padding and dilation can cancel out (p 1, d 2, k 3), or a kernel as large as the input
            // gives one output whatever the stride: the numbers agree though the case is not simple.
            let tail = PanelWords.shortcutHolds(l, unusual: unusual)
            return PanelLine.wrap(text: formula + " " + tail, width: width)
        }
        var out = PanelLine.wrap(text: formula + PanelWords.shortcutFails(l), width: width, style: PanelStyle.warning)
        for a in axes where a.axis.outputSize != a.simple {
            let reasons = unusualParameters(a.suffix, a.axis)
            out += PanelLine.wrap(text: PanelWords.shortcutReason(l, reasons: reasons, axis: a.name, actual: a.axis.outputSize,
                                                                  simple: a.simple),
                                  lead: "  ", indent: "    ", width: width, style: PanelStyle.warning)
        }
        return out
    }

    /// The parameters of one axis that leave the course notes' simple case (stride 1, padding 0, dilation 1).
    static func unusualParameters(_ suffix: String, _ a: AxisGeometry) -> [String] {
        [("stride", a.stride, 1), ("padding", a.padding, 0), ("dilation", a.dilation, 1)]
            .filter { $0.1 != $0.2 }.map { "\($0.0)_\(suffix) = \($0.1)" }
    }
}
