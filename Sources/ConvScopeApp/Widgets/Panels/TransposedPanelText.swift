import ConvCore

/// The course screen's cost, formula and code panels for a ConvTranspose2d (the layer_kind row):
/// its parameters and multiplications (which count), its output-size rule taken apart through
/// the direct form, and `nn.ConvTranspose2d(...)` as code.
enum TransposedPanelText {
    /// The lines of `panel` for the state's ConvTranspose2d.
    static func lines(_ panel: Panel, state: AppState, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let s = state.parameters, layer = s.transposedLayer, input = s.transposedInputSize
        let refusal = s.transposedRefusal
        var out: [PanelLine] = []
        if let refusal {
            out += PanelLine.wrap(text: ScreenText.refuses(l) + " " + FamilyScreenText.refused(refusal), width: width, style: PanelStyle.warning)
        }
        switch panel {
        case .cost: return out + cost(layer, input: input, runs: refusal == nil, glyphs: g, width: width, language: l)
        // A padding string pads no amount to put in the rule: PyTorch's refusal alone.
        case .formula:
            guard case .explicit = s.askedPadding else { return out }
            return out + formula(layer, input: input, glyphs: g, width: width, language: l)
        case .code: return code(state, glyphs: g, width: width, language: l)
        }
    }

    static func row(_ label: String, _ parts: [String], width: Int) -> [PanelLine] {
        PanelLine.wrap(parts, lead: label, indent: "      ", width: width)
    }

    /// Parameters as PyTorch counts them; multiplications as the scatter makes them (each input
    /// cell times each weight of its group), beside the direct form's, whose inserted zeros and
    /// padding multiply too.
    static func cost(_ layer: ConvTranspose2dLayer, input: SpatialPair, runs: Bool, glyphs g: Glyphs, width: Int,
                     language l: Language) -> [PanelLine] {
        let x = g.product
        let perGroup = layer.groups > 1 ? "C_out/g" : "C_out", perGroupValue = layer.groups > 1 ? "\(layer.outChannels)/\(layer.groups)" : "\(layer.outChannels)"
        let k = "\(layer.kernelSize.h)\(x)\(layer.kernelSize.w)"
        var out = PanelLine.wrap(text: TransposedPanelWords.parametersHeading(l), width: width, style: PanelStyle.heading)
        let bias = layer.bias ? " + C_out" : "", biasValue = layer.bias ? " + \(layer.outChannels)" : ""
        out += row("  ", ["C_in\(x)\(perGroup)\(x)F1\(x)F2\(bias)", "= \(layer.inChannels)\(x)\(perGroupValue)\(x)\(k)\(biasValue)",
                          "= \(NumberText.grouped(StackLayer.convTranspose2d(layer).parameterCount, l))"], width: width)
        out += PanelLine.wrap(text: TransposedPanelWords.weightShape(layer.weightShape, l), lead: "  ", width: width, style: PanelStyle.note)
        guard runs else { return out }
        let explained = TransposedAsDirect(layer, inputHeight: input.h, inputWidth: input.w)
        let output = explained.outputSize
        let scatter = Int.saturatingProduct(layer.inChannels, layer.outChannels / layer.groups, layer.kernelSize.h, layer.kernelSize.w,
                                            input.h, input.w)
        let direct = Int.saturatingProduct(layer.outChannels, layer.inChannels / layer.groups, layer.kernelSize.h, layer.kernelSize.w,
                                           output.h, output.w)
        out += PanelLine.wrap(text: TransposedPanelWords.multiplicationsHeading(l), width: width, style: PanelStyle.heading)
        out += row(TransposedPanelWords.scatterLabel(l), ["C_in\(x)\(perGroup)\(x)F1\(x)F2\(x)H_in\(x)W_in",
                   "= \(layer.inChannels)\(x)\(perGroupValue)\(x)\(k)\(x)\(input.h)\(x)\(input.w)", "= \(NumberText.grouped(scatter, l))"], width: width)
        out += PanelLine.wrap(text: TransposedPanelWords.scatterCounted(l), lead: "  ", indent: "    ", width: width,
                              style: PanelStyle.plainWords)
        let cIn = layer.groups > 1 ? "C_in/g" : "C_in", cInValue = layer.groups > 1 ? "\(layer.inChannels)/\(layer.groups)" : "\(layer.inChannels)"
        out += row(TransposedPanelWords.directLabel(l), ["\(cIn)\(x)F1\(x)F2\(x)C_out\(x)H_out\(x)W_out",
                   "= \(cInValue)\(x)\(k)\(x)\(layer.outChannels)\(x)\(output.h)\(x)\(output.w)", "= \(NumberText.grouped(direct, l))"], width: width)
        out += PanelLine.wrap(text: TransposedPanelWords.directCounted(l), lead: "  ", indent: "    ", width: width, style: PanelStyle.note)
        return out
    }

    /// Per axis: PyTorch's rule with the numbers, then the same size reached through the direct
    /// form (zeros inserted, padded, a stride-1 convolution).
    static func formula(_ layer: ConvTranspose2dLayer, input: SpatialPair, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let explained = TransposedAsDirect(layer, inputHeight: input.h, inputWidth: input.w)
        let x = g.product, m = g.minus
        var out: [PanelLine] = []
        for axis in [PaddingSpec.Axis.height, .width] {
            let (name, n) = axis == .height ? ("H", input.h) : ("W", input.w)
            let (s, p, d, k, op) = (layer.stride[axis], layer.padding[axis], layer.dilation[axis], layer.kernelSize[axis],
                                    layer.outputPadding[axis])
            let size = axis == .height ? explained.outputSize.h : explained.outputSize.w
            out += PanelLine.wrap(text: TransposedPanelWords.axisHeading(name, l), width: width, style: PanelStyle.heading)
            out += row("  \(name)_out ", ["= (\(name)_in \(m) 1)\(x)s \(m) 2\(x)p + d\(x)(k \(m) 1) + output_padding + 1",
                                          "= (\(n) \(m) 1)\(x)\(s) \(m) 2\(x)\(p) + \(d)\(x)(\(k) \(m) 1) + \(op) + 1", "= \(size)"],
                       width: width)
            out += row(TransposedPanelWords.insertedLabel(l), ["= (\(name)_in \(m) 1)\(x)s + 1", "= (\(n) \(m) 1)\(x)\(s) + 1",
                                                               "= \(explained.insertedSize(axis))"], width: width)
            let before = explained.padBefore(axis)
            out += row(TransposedPanelWords.paddedLabel(l), ["= " + TransposedPanelWords.inserted(l) + " + 2\(x)(d\(x)(k \(m) 1) \(m) p) + output_padding",
                                                             "= \(explained.insertedSize(axis)) + 2\(x)\(before) + \(op)",
                                                             "= \(explained.directSize(axis))"], width: width)
            out += row(TransposedPanelWords.strideOneLabel(l), ["= " + TransposedPanelWords.padded(l) + " \(m) d\(x)(k \(m) 1)",
                                                                "= \(explained.directSize(axis)) \(m) \(d * (k - 1))", "= \(size)"],
                       width: width)
        }
        return out + PanelLine.wrap(text: TransposedPanelWords.formulaNote(l), width: width, style: PanelStyle.note)
    }

    /// `nn.ConvTranspose2d(...)` with the screen's input and weights, then the command lines.
    static func code(_ state: AppState, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let s = state.parameters, layer = s.transposedLayer
        var out = PanelLine.wrap(text: PanelWords.pytorchHeading(l), width: width, style: PanelStyle.heading)
        var numpy = false
        let inputs = PyTorchCode.inputStatements(s, numpy: &numpy)
        out += CodePanelText.pythonLines("import " + (numpy ? "numpy as np, " : "") + "torch, torch.nn as nn", width: width)
        // The random input's rule, as the Conv2d's panel writes it (the weights are written out).
        if case .generated(.random) = s.input { out += PyTorchCode.splitmix.flatMap { CodePanelText.pythonLines($0, width: width) } }
        out += PanelLine.wrap(arguments(layer, padding: s.askedPadding, paddingMode: s.paddingMode), lead: "conv = ", indent: "    ",
                              width: width)
        let weight = s.transposedWeight().storage
        var body = inputs + ["with torch.no_grad():"]
        if let first = weight.first, weight.allSatisfy({ $0 == first }) {
            body.append("    conv.weight.fill_(\(formatNumber(first)))")
        } else {
            body.append("    conv.weight.copy_(" + PyTorchCode.literal(weight, shape: layer.weightShape) + ")")
        }
        if let bias = s.bias { body.append("    conv.bias.fill_(\(formatNumber(bias)))") }
        body += ["y = conv(x)", "print(y)"]
        out += body.flatMap { CodePanelText.pythonLines($0, width: width) }
        out += PanelLine.wrap(text: PanelWords.commandHeading(l), width: width, style: PanelStyle.heading)
        out += CodePanelText.shellLines(CodePanelText.commandPieces(state), width: width)
        out += PanelLine.wrap(text: PanelWords.pictureHeading(l), width: width, style: PanelStyle.heading)
        return out + CodePanelText.shellLines(CodePanelText.renderPieces(state), width: width)
    }

    /// The call's arguments, each ending in its comma, split so a tuple never breaks: those at
    /// their defaults left out, as PyTorch's own repr does (bias written when False); `padding`
    /// and `paddingMode` as the rows ask for them (`Conv2dSettings.transposedRepr`), even those
    /// PyTorch refuses.
    static func arguments(_ layer: ConvTranspose2dLayer, padding: PaddingSpec, paddingMode: PaddingMode) -> [String] {
        func pair(_ p: SpatialPair) -> String { p.h == p.w ? "\(p.h)" : "(\(p.h), \(p.w))" }
        var pieces = ["\(layer.inChannels),", "\(layer.outChannels),", pair(layer.kernelSize) + ","]
        if layer.stride != SpatialPair(square: 1) { pieces.append("stride=\(pair(layer.stride)),") }
        switch padding {
        case let .explicit(h, w) where h != 0 || w != 0: pieces.append("padding=\(pair(SpatialPair(h, w))),")
        case .explicit: break
        case .same: pieces.append("padding='same',")
        case .valid: pieces.append("padding='valid',")
        }
        if layer.outputPadding != SpatialPair(square: 0) { pieces.append("output_padding=\(pair(layer.outputPadding)),") }
        if layer.groups != 1 { pieces.append("groups=\(layer.groups),") }
        if !layer.bias { pieces.append("bias=False,") }
        if layer.dilation != SpatialPair(square: 1) { pieces.append("dilation=\(pair(layer.dilation)),") }
        if paddingMode != .zeros { pieces.append("padding_mode='\(paddingMode.rawValue)',") }
        pieces[0] = "nn.ConvTranspose2d(" + pieces[0]
        pieces[pieces.count - 1] = String(pieces[pieces.count - 1].dropLast()) + ")"
        return pieces
    }
}
