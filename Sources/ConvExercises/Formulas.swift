import ConvCore

/// The working for sizes and costs, with the same numbers and signs as the formula panel.
enum Formulas {
    /// `H_out = ⌊(8 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = 4` for one axis of a Conv2d.
    static func convAxis(_ name: String, input: Int, layer: Conv2dLayer, axis: PaddingSpec.Axis, _ lang: Language) -> String {
        convAxis(name, input: input, pad: layer.appliedPadding(axis), kernel: layer.kernelSize[axis],
                 dilation: layer.dilation[axis], stride: layer.stride[axis], lang)
    }

    /// One axis of any convolution (2-D, 1-D or 3-D) from its numbers.
    static func convAxis(_ name: String, input: Int, pad: AxisPadding, kernel k: Int, dilation d: Int, stride s: Int,
                         _ lang: Language) -> String {
        let padText = pad.isSymmetric ? "2·\(pad.before)" : "\(pad.before) + \(pad.after)"
        let padded = input + pad.total, effective = d * (k - 1) + 1
        guard padded >= effective else { return lang.pick("\(name): padded \(padded) < kernel \(effective), no output",
                                                          "\(name): с расширением \(padded) < ядро \(effective), выхода нет") }
        let out = (padded - effective) / s + 1
        return "\(name) = ⌊(\(input) + \(padText) − \(d)·(\(k)−1) − 1) / \(s)⌋ + 1 = \(out)"
    }

    /// `H_out = (4 − 1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 8` for one axis of a ConvTranspose2d.
    static func transposedAxis(_ name: String, input: Int, layer: ConvTranspose2dLayer, axis: PaddingSpec.Axis) -> String {
        transposedAxis(name, input: input, stride: layer.stride[axis], padding: layer.padding[axis],
                       dilation: layer.dilation[axis], kernel: layer.kernelSize[axis], outputPadding: layer.outputPadding[axis])
    }

    /// One axis of any transposed convolution from its numbers.
    static func transposedAxis(_ name: String, input: Int, stride s: Int, padding p: Int, dilation d: Int, kernel k: Int,
                               outputPadding op: Int) -> String {
        "\(name) = (\(input) − 1)·\(s) − 2·\(p) + \(d)·(\(k)−1) + \(op) + 1 = \((input - 1) * s - 2 * p + d * (k - 1) + op + 1)"
    }

    /// Both axes of a layer with a size formula, else nil.
    static func sizeSteps(_ layer: StackLayer, input: [Int], _ lang: Language) -> [String]? {
        switch layer {
        case let .conv2d(l):
            return [convAxis("H_out", input: input[2], layer: l, axis: .height, lang),
                    convAxis("W_out", input: input[3], layer: l, axis: .width, lang)]
        case let .convTranspose2d(l):
            return [transposedAxis("H_out", input: input[2], layer: l, axis: .height),
                    transposedAxis("W_out", input: input[3], layer: l, axis: .width)]
        case let .maxPool2d(l):
            return [poolAxis("H_out", input: input[2], window: l.window, axis: .height, lang),
                    poolAxis("W_out", input: input[3], window: l.window, axis: .width, lang)]
        case let .avgPool2d(l):
            return [poolAxis("H_out", input: input[2], window: l.window, axis: .height, lang),
                    poolAxis("W_out", input: input[3], window: l.window, axis: .width, lang)]
        default: return nil
        }
    }

    /// `H_out = ⌊(15 + 2·0 − 1·(2−1) − 1) / 2⌋ + 1 = 7` for one axis of a pooling layer; with
    /// ceil_mode the brackets round up, and a last window that would start in the right padding is dropped.
    static func poolAxis(_ name: String, input: Int, window: PoolWindow, axis: PaddingSpec.Axis, _ lang: Language) -> String {
        poolAxis(name, input: input, kernel: window.kernel[axis], dilation: window.dilation[axis], stride: window.stride[axis],
                 padding: window.padding[axis], ceilMode: window.ceilMode, output: window.outputSize(input: input, axis: axis), lang)
    }

    /// One axis of any pooling layer (2-D, 1-D or 3-D) from its numbers and its output size.
    static func poolAxis(_ name: String, input: Int, kernel k: Int, dilation d: Int, stride s: Int, padding p: Int,
                         ceilMode: Bool, output out: Int, _ lang: Language) -> String {
        let (open, close) = ceilMode ? ("⌈", "⌉") : ("⌊", "⌋")
        let numerator = input + 2 * p - (d * (k - 1) + 1)
        let rounded = (ceilMode ? (numerator + s - 1) : numerator)
        let raw = (rounded >= 0 ? rounded / s : -((-rounded + s - 1) / s)) + 1
        let drop = raw != out ? lang.pick(" − 1 (the last window would start in the right padding)",
                                          " − 1 (последнее окно начиналось бы в расширении справа)") : ""
        let result = raw != out ? " = \(raw)\(drop) = \(out)" : " = \(out)"
        return "\(name) = \(open)(\(input) + 2·\(p) − \(d)·(\(k)−1) − 1) / \(s)\(close) + 1" + result
    }

    /// `C = 16 + 16 = 32` for a Cat: the skip's channels and the current map's.
    static func catChannels(skip: [Int], current: [Int], output: [Int]) -> String {
        "C_out = \(skip[1]) + \(current[1]) = \(output[1])"
    }

    /// One line per layer up to `last`: `(0) Conv2d: 1×3×8×8 → 1×8×4×4`, then its size formulas.
    static func traceSteps(_ trace: StackTrace, through last: Int, _ lang: Language) -> [String] {
        var steps: [String] = []
        for (index, step) in trace.layers.enumerated() where index <= last {
            let prefix = trace.layers.count > 1 ? "(\(trace.names[index])) " : ""
            guard let input = step.inputShape else { break }
            var formulas = sizeSteps(step.layer, input: input, lang) ?? []
            if case .cat = step.layer, let skip = step.skipShape, let output = step.outputShape {
                formulas = [catChannels(skip: skip, current: input, output: output)]
            }
            if case let .failed(error) = step.status {
                steps.append("\(prefix)\(step.layer.name): \(error.message)")
                break
            }
            guard let output = step.outputShape else { break }
            if trace.layers.count > 1 { steps.append("\(prefix)\(step.layer.name): \(shapeText(input)) → \(shapeText(output))") }
            steps += formulas.map { trace.layers.count > 1 ? "    " + $0 : $0 }
            if trace.layers.count == 1 { steps.append(lang.pick("C_out = \(output[1]), so the output is \(shapeText(output))",
                                                                        "C_out = \(output[1]), значит, форма выхода \(shapeText(output))")) }
        }
        return steps
    }

    /// `(3·3·3 + 1)·8 = 224` for a layer with weights, `2·16 = 32` for BatchNorm2d, else nil.
    static func parameterStep(_ layer: StackLayer) -> String? {
        parameterStep(name: layer.name, weight: layer.weightShape, bias: layer.biasCount, total: layer.parameterCount)
    }

    /// The same for any layer's weight shape, bias length and parameter count.
    static func parameterStep(name: String, weight: [Int]?, bias: Int?, total: Int) -> String? {
        guard let weight else { return total > 0 ? "\(name): \(total)" : nil }
        let perFilter = weight.dropFirst().map(String.init).joined(separator: "·")
        let text = bias.map { "(\(perFilter))·\(weight[0]) + \($0)" } ?? "\(perFilter)·\(weight[0])"
        return "\(name): \(text) = \(total)"
    }
}
