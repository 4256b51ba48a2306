import ConvCore

/// The formula and cost panels of the stack screen for the selected layer: its own output-size
/// formula per axis with its numbers (Conv2d's through the single-layer formula panel), and its
/// parameters and multiplications beside the whole model's totals.
enum StackPanelText {
    /// The formula panel's lines for layer `index` of `s`.
    static func formula(_ s: StackState, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let step = s.selectedTrace
        guard let input = step.inputShape else {
            return PanelLine.wrap(text: StackPanelWords.notReached(l, index: s.selected), width: width, style: PanelStyle.note)
        }
        let (h, w) = (input[2], input[3])
        switch s.layer {
        case let .conv2d(layer):
            let unread = layer.unreadInput(inputHeight: h, inputWidth: w)
            func axis(_ a: PaddingSpec.Axis, _ size: Int) -> AxisGeometry {
                let padding = layer.appliedPadding(a)
                var geometry = AxisGeometry(size: size, kernel: layer.kernelSize[a], padding: padding.before,
                                            stride: layer.stride[a], dilation: layer.dilation[a])
                geometry.extraAfter = padding.after - padding.before
                return geometry
            }
            return FormulaPanelText.axis("H", rows: true, axis(.height, h), unread: unread.rows, glyphs: g, width: width, language: l)
                + FormulaPanelText.axis("W", rows: false, axis(.width, w), unread: unread.columns, glyphs: g, width: width,
                                        language: l)
        case let .convTranspose2d(layer):
            return transposed(layer, "H", .height, h, g, width) + transposed(layer, "W", .width, w, g, width)
        case let .maxPool2d(layer):
            return pooling(layer.window, "H", .height, h, g, width, l) + pooling(layer.window, "W", .width, w, g, width, l)
        case let .avgPool2d(layer):
            return pooling(layer.window, "H", .height, h, g, width, l) + pooling(layer.window, "W", .width, w, g, width, l)
        case .cat:
            return PanelLine.wrap(text: StackPanelWords.catFormula(l), width: width)
        case .shapePreserving:
            return PanelLine.wrap(text: StackPanelWords.keepsShape(l), width: width)
        case let .module(m):
            let output = step.outputShape ?? input
            return PanelLine.wrap(text: m.module.sizeRule(axis: .height, input: h, output: output[2]), width: width)
                + PanelLine.wrap(text: m.module.sizeRule(axis: .width, input: w, output: output[3]), width: width)
        }
    }

    /// `H_out = (H_in − 1)×s − 2×p + d×(k − 1) + output_padding + 1`, then its numbers.
    static func transposed(_ layer: ConvTranspose2dLayer, _ name: String, _ a: PaddingSpec.Axis, _ size: Int, _ g: Glyphs,
                           _ width: Int) -> [PanelLine] {
        let x = g.product, m = g.minus
        let (s, p, d, k, op) = (layer.stride[a], layer.padding[a], layer.dilation[a], layer.kernelSize[a], layer.outputPadding[a])
        return PanelLine.wrap(text: "\(name):", width: width, style: PanelStyle.heading)
            + PanelLine.wrap(["\(name)_out", "= (\(name)_in \(m) 1)\(x)s \(m) 2\(x)p + d\(x)(k \(m) 1) + output_padding + 1",
                              "= (\(size) \(m) 1)\(x)\(s) \(m) 2\(x)\(p) + \(d)\(x)(\(k) \(m) 1) + \(op) + 1",
                              "= \(layer.outputSize(input: size, axis: a))"], lead: "  ", indent: "      ", width: width)
    }

    /// `H_out = ⌊(H_in + 2×p − d×(k − 1) − 1)/s⌋ + 1` (⌈ ⌉ with ceil_mode), then its numbers.
    static func pooling(_ window: PoolWindow, _ name: String, _ a: PaddingSpec.Axis, _ size: Int, _ g: Glyphs, _ width: Int,
                        _ l: Language) -> [PanelLine] {
        let x = g.product, m = g.minus
        let (s, p, d, k) = (window.stride[a], window.padding[a], window.dilation[a], window.kernel[a])
        let (open, close) = window.ceilMode ? (g.unicode ? "⌈" : "ceil(", g.unicode ? "⌉" : ")") : (g.floorOpen, g.floorClose)
        let numerator = size + 2 * p - d * (k - 1) - 1
        let rounded = window.ceilMode ? Int((Double(numerator) / Double(s)).rounded(.up))
            : Int((Double(numerator) / Double(s)).rounded(.down))
        var out = PanelLine.wrap(text: "\(name):", width: width, style: PanelStyle.heading)
        out += PanelLine.wrap(["\(name)_out", "= \(open)(\(name)_in + 2\(x)p \(m) d\(x)(k \(m) 1) \(m) 1)/s\(close) + 1",
                               "= \(open)(\(size) + 2\(x)\(p) \(m) \(d)\(x)(\(k) \(m) 1) \(m) 1)/\(s)\(close) + 1",
                               "= \(open)\(numerator)/\(s)\(close) + 1", "= \(rounded + 1)"], lead: "  ", indent: "      ", width: width)
        let output = window.outputSize(input: size, axis: a)
        if output != rounded + 1 {
            out += PanelLine.wrap(text: StackPanelWords.lastWindowDropped(l, name: name, output: output), lead: "  ", width: width,
                                  style: PanelStyle.warning)
        }
        return out
    }

    /// The cost panel's lines: the selected layer's parameters and multiplications, then the model's.
    static func cost(_ s: StackState, glyphs g: Glyphs, width: Int, language l: Language) -> [PanelLine] {
        let step = s.selectedTrace, x = g.product
        var out = PanelLine.wrap(text: "(\(s.model.name(s.selected))) \(s.layer.name)", width: width, style: PanelStyle.heading)
        if let weight = s.layer.weightShape {
            let weights = weight.reduce(1, *)
            var parts = [StackPanelWords.parameters(l), "= " + StackPanelWords.weight(l) + " "
                + weight.map(String.init).joined(separator: x) + " = " + NumberText.grouped(weights, l)]
            if let bias = s.layer.biasCount { parts.append("+ " + StackPanelWords.bias(l) + " \(bias)") }
            parts.append("= " + NumberText.grouped(step.parameterCount, l))
            out += PanelLine.wrap(parts, lead: "  ", indent: "      ", width: width)
            if let input = step.inputShape, let output = step.outputShape {
                let perCell = weights / weight[0]
                let (cells, text) = if case .convTranspose2d = s.layer {
                    (input[1] * input[2] * input[3], StackPanelWords.perInputCell(l))
                } else {
                    (output[1] * output[2] * output[3], StackPanelWords.perOutputCell(l))
                }
                // Each output cell meets C_in/g·kH·kW weights; each input cell of a transposed one C_out/g·kH·kW.
                out += PanelLine.wrap([StackPanelWords.multiplications(l), "= \(NumberText.grouped(cells, l)) \(text) \(x) \(perCell)",
                                       "= " + NumberText.grouped(step.multiplications, l)], lead: "  ", indent: "      ", width: width)
                out += GraphDenseText(lang: l, g: g).stackLines(input: input, output: output, parameters: step.parameterCount,
                                                                 multiplications: step.multiplications, width: width)
            } else {
                out += PanelLine.wrap(text: StackPanelWords.notRun(l), lead: "  ", width: width, style: PanelStyle.note)
            }
        } else {
            out += PanelLine.wrap(text: StackPanelWords.noWeights(l, parameters: step.parameterCount), lead: "  ", width: width)
        }
        out += [PanelLine(text: "")]
        out += PanelLine.wrap(text: StackPanelWords.wholeModel(l), width: width, style: PanelStyle.heading)
        for line in StackTable.totals(s.trace, l).split(separator: "\n").dropLast() {
            out += PanelLine.wrap(text: String(line), lead: "  ", width: width)
        }
        return out
    }
}
