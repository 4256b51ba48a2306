import ConvCore

/// A value question's working: the sum (or max, or mean) that makes output[0, c, y, x], written
/// out term by term as the inspector writes it, from the values the asked layer reads.
enum ValueWorking {
    /// Terms written one by one up to this many per input channel; more are written as a count and a subtotal.
    static let termsPerLine = 49

    /// The lines for layer `layer` reading `input` (its input tensor), or nil when the layer's own
    /// arithmetic is not one convscope writes out (the value line alone then stands).
    static func steps(_ setup: ExerciseSetup, layer index: Int, input: some ValueGrid, skip: (some ValueGrid)?, channel o: Int, y: Int, x: Int,
                      value: Double, _ lang: Language) -> [String]? {
        let cell = "[0, \(o), \(y), \(x)]"
        let result = Solver.numberText(value)
        var lines: [String]?
        switch setup.layers[index] {
        case let .conv2d(layer):
            let spec = layer.spec(channels: input.shape[1], inputHeight: input.shape[2], inputWidth: input.shape[3])
            let zeros = layer.paddingMode == .zeros
            // Taps grouped in one pass: filtering them per channel cost channels² (4096 channels: 7·10¹⁰).
            let byChannel = Dictionary(grouping: spec.receptiveField(outChannel: o, y: y, x: x), by: \.channel)
            let groups = spec.inputChannels(ofOutput: o).map { c -> TermGroup in
                let mine = byChannel[c] ?? []
                let values = mine.map { Double(CellValue.padded(spec, input, channel: c, y: $0.position.y, x: $0.position.x)) }
                // Only zero padding is written ·; a reflected or copied value is written as the number it reads.
                return TermGroup(channel: c, values: values, padded: zeros ? mine.map(\.inPadding) : nil)
            }
            lines = sumLines(groups, value: value, bias: layer.bias, cell: cell, lang)
        case let .convTranspose2d(layer):
            let groups = CellValue.transposedTaps(layer, input: input, channel: o, y: y, x: x).map {
                TermGroup(channel: $0.channel, values: $0.values, padded: nil)
            }
            lines = sumLines(groups, value: value, bias: layer.bias, cell: cell, lang)
        case let .maxPool2d(layer):
            let values = window(layer.window, input: input, channel: o, y: y, x: x).values
            guard values.max() == value else { return nil }
            lines = ["output\(cell) = max(" + values.map(Solver.numberText).joined(separator: ", ") + ") = \(result)"]
        case let .avgPool2d(layer):
            let (values, full) = window(layer.window, input: input, channel: o, y: y, x: x)
            let divisor = layer.divisorOverride ?? (layer.countIncludePad ? full : values.count)
            guard abs(values.reduce(0, +) / Double(divisor) - value) <= 1e-4 * max(1, abs(value)) else { return nil }
            let terms = values.map(Solver.numberText).joined(separator: "+")
            lines = ["output\(cell) = (\(terms)) / \(divisor) = \(result)"]
        case let .shapePreserving(layer):
            let v = Double(input[0, o, y, x])
            lines = ["output\(cell) = \(layer.name)(\(Solver.numberText(v))) = \(result)"]
        case let .cat(cat):
            guard let skip else { return nil }
            let skipChannels = skip.shape[1]
            let from = o < skipChannels ? lang.pick("channel \(o) of layer (\(cat.skip))", "канал \(o) слоя (\(cat.skip))")
                : lang.pick("channel \(o - skipChannels) of layer (\(index - 1))", "канал \(o - skipChannels) слоя (\(index - 1))")
            lines = ["output\(cell) = \(from) = \(result)"]
        case .module:
            lines = nil
        }
        return lines
    }

    /// One line per input channel (terms, or a count when long), then the total with the bias;
    /// nil when the terms do not add up to PyTorch's value (the value line alone is then shown).
    static func sumLines(_ groups: [TermGroup], value: Double, bias: Bool,
                         cell: String, _ lang: Language) -> [String]? {
        let total = groups.reduce(0) { $0 + $1.sum }
        guard abs(total - value) <= 1e-3 * max(1, abs(value)) else { return nil }
        let biasText = bias ? " + 0" : ""
        let result = Solver.numberText(value)
        let padded = groups.reduce(0) { $0 + $1.padded }
        let terms = groups.reduce(0) { $0 + $1.count }
        let legend = padded > 0 ? [lang.pick("· is a zero from the padding (\(padded) of the \(terms) terms)",
                                             "· — ноль из расширения (\(padded) из \(terms) слагаемых)")] : []
        if groups.count == 1, let written = groups[0].terms {
            let terms = written.isEmpty ? "0" : written.joined(separator: "+")
            return ["output\(cell) = " + terms + biasText + " = \(result)"] + legend
        }
        var lines = groups.map { g -> String in
            let written = g.terms.map { $0.isEmpty ? "0" : $0.joined(separator: "+") }
                ?? lang.pick("\(g.count) terms", "\(g.count) слагаемых")
            return lang.pick("input channel \(g.channel): ", "входной канал \(g.channel): ") + written + " = " + Solver.numberText(g.sum)
        }
        lines.append("output\(cell) = " + groups.map { Solver.numberText($0.sum) }.joined(separator: " + ") + biasText + " = \(result)")
        return lines + legend
    }

    /// The inputs a pooling window reads at one output cell (padding left out), and the window's
    /// size clipped to the padded input, PyTorch's divisor with count_include_pad.
    static func window(_ w: PoolWindow, input: some ValueGrid, channel c: Int, y: Int, x: Int) -> (values: [Double], full: Int) {
        let h = input.shape[2], wd = input.shape[3]
        var values: [Double] = []
        for ky in 0..<w.kernel.h {
            let iy = y * w.stride.h - w.padding.h + ky * w.dilation.h
            guard (0..<h).contains(iy) else { continue }
            for kx in 0..<w.kernel.w {
                let ix = x * w.stride.w - w.padding.w + kx * w.dilation.w
                guard (0..<wd).contains(ix) else { continue }
                values.append(Double(input[0, c, iy, ix]))
            }
        }
        let startY = y * w.stride.h - w.padding.h, startX = x * w.stride.w - w.padding.w
        let endY = min(startY + w.kernel.h, h + w.padding.h), endX = min(startX + w.kernel.w, wd + w.padding.w)
        return (values, max(1, (endY - startY) * (endX - startX)))
    }

    /// True when every value up to layer `last` is a whole number for whole-number inputs and
    /// all-ones weights (no division, no curve): the answer must then be exact.
    static func isExact(_ setup: ExerciseSetup, through last: Int) -> Bool {
        setup.layers.prefix(last + 1).allSatisfy { layer in
            switch layer {
            case .conv2d, .convTranspose2d, .maxPool2d, .cat: true
            case .avgPool2d, .module: false
            case let .shapePreserving(p):
                switch p {
                case .relu, .identity, .dropout, .dropout2d: true
                default: false
                }
            }
        }
    }
}

/// One input channel's terms of a sum: written out up to `ValueWorking.termsPerLine`, else counted.
struct TermGroup {
    let channel: Int, count: Int, sum: Double
    /// How many terms are zeros of the padding.
    let padded: Int
    /// The terms as written (· for a zero of the padding), nil when there are too many to write.
    let terms: [String]?

    /// `padded[i]` says whether term i is a zero of the padding (nil: none are written so).
    init(channel: Int, values: [Double], padded: [Bool]?) {
        self.channel = channel; count = values.count; sum = values.reduce(0, +)
        self.padded = padded?.filter { $0 }.count ?? 0
        terms = values.count > ValueWorking.termsPerLine ? nil
            : values.indices.map { padded?[$0] == true ? "·" : Solver.numberText(values[$0]) }
    }
}
