import ConvCore

/// The working for sizes and costs, with the same numbers and signs as the formula panel.
enum Formulas {
    /// `H_out = ⌊(8 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = 4` for one axis of a Conv2d.
    static func convAxis(_ name: String, input: Int, layer: Conv2dLayer, axis: PaddingSpec.Axis, _ lang: Language) -> String {
        let pad = layer.appliedPadding(axis)
        let padText = pad.isSymmetric ? "2·\(pad.before)" : "\(pad.before) + \(pad.after)"
        let k = layer.kernelSize[axis], d = layer.dilation[axis], s = layer.stride[axis]
        let padded = input + pad.total, effective = d * (k - 1) + 1
        guard padded >= effective else { return lang.pick("\(name): padded \(padded) < kernel \(effective), no output",
                                                          "\(name): с расширением \(padded) < ядро \(effective), выхода нет") }
        let out = (padded - effective) / s + 1
        return "\(name) = ⌊(\(input) + \(padText) − \(d)·(\(k)−1) − 1) / \(s)⌋ + 1 = \(out)"
    }

    /// `H_out = (4 − 1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 8` for one axis of a ConvTranspose2d.
    static func transposedAxis(_ name: String, input: Int, layer: ConvTranspose2dLayer, axis: PaddingSpec.Axis) -> String {
        let s = layer.stride[axis], p = layer.padding[axis], d = layer.dilation[axis], k = layer.kernelSize[axis]
        let op = layer.outputPadding[axis]
        return "\(name) = (\(input) − 1)·\(s) − 2·\(p) + \(d)·(\(k)−1) + \(op) + 1 = "
            + "\(layer.outputSize(input: input, axis: axis))"
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
        let k = window.kernel[axis], d = window.dilation[axis], s = window.stride[axis], p = window.padding[axis]
        let (open, close) = window.ceilMode ? ("⌈", "⌉") : ("⌊", "⌋")
        let out = window.outputSize(input: input, axis: axis)
        let numerator = input + 2 * p - window.effectiveKernel(axis)
        let rounded = (window.ceilMode ? (numerator + s - 1) : numerator)
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
        guard let weight = layer.weightShape else {
            if layer.parameterCount > 0 { return "\(layer.name): \(layer.parameterCount)" }
            return nil
        }
        let perFilter = weight.dropFirst().map(String.init).joined(separator: "·")
        let bias = layer.biasCount
        let text = bias == nil ? "\(perFilter)·\(weight[0])" : "(\(perFilter))·\(weight[0]) + \(bias!)"
        return "\(layer.name): \(text) = \(layer.parameterCount)"
    }
}
