import ConvCore

/// The inspector's status: where a value comes from, as a sum written out while it fits.
public enum InspectorText {
    /// Up to `maxLines` lines of at most `width` characters for the state's focus.
    public static func lines(_ state: AppState, experiment: ConvExperiment?, glyphs g: Glyphs, width: Int,
                             maxLines: Int = 2, language lang: Language = .en) -> [String] {
        let p = state.parameters
        switch state.focus {
        case .parameters where !state.playing: return []
        case .input: return inputLines(state, glyphs: g, width: width)
        default: break
        }
        let c = state.outputCursor
        guard let experiment, case .success(let output) = experiment.output else {
            return ["output[\(c.channel), \(c.y), \(c.x)] \(g.dot) computing\(g.ellipsis)"]
        }
        let spec = p.spec
        let taps = p.receptiveField(outChannel: c.channel, y: c.y, x: c.x)
        let value = formatValue(output[0, c.channel, c.y, c.x])
        // Only the output's group of input channels is summed.
        let channels = spec.inputChannels(ofOutput: c.channel)
        let biasText = p.bias.map { " + " + formatNumber($0) } ?? ""
        let head = "output[\(c.channel), \(c.y), \(c.x)] = \(g.sigma) \(channels.count) ch \(g.times) "
            + "\(p.kernelSizeH)\(g.times)\(p.kernelSizeW) \(Plural.word(p.kernelSizeH * p.kernelSizeW, "tap"))"
            + (p.bias == nil ? "" : " + bias")
        let padded = taps.filter(\.inPadding).count
        let zeros = spec.paddingMode == .zeros
        let padMark = zeros ? (g.unicode ? "·" : "_") : "[v]"
        // One group per input channel, each tap as weight·input (just the input for an all-ones
        // kernel); a padded tap shows what the ring holds there: · for a zero, [v] for a copy.
        let ones = p.kernel.isOnes
        var groups: [String] = []
        for ch in channels {
            let terms = taps.filter { $0.channel == ch }.map { t -> String in
                let ringValue = formatValue(spec.paddedValue(experiment.input, channel: ch, y: t.y, x: t.x))
                let x = !t.inPadding ? ringValue : zeros ? padMark : "[\(ringValue)]"
                let weight = experiment.weights[c.channel, ch - channels.lowerBound, t.ky, t.kx]
                return ones ? x : "\(formatValue(weight))\(g.dot)\(x)"
            }
            groups.append(terms.joined(separator: "+"))
        }
        let legend = padded > 0
            ? "  (" + Conv2dText.paddingLegend(spec.paddingMode, mark: padMark, lang) + ", "
                + Conv2dText.ofTaps(padded, taps.count, lang) + ")" : ""
        let full = head + " = " + groups.joined(separator: " + ") + biasText + " = " + value + legend
        // Measured in wrapped lines, so the value at the end is never pushed off the last line.
        func fits(_ text: String) -> Bool { TextWrap.lines(text, width: width).count <= maxLines }
        if fits(full) { return TextWrap.lines(full, width: width) }
        // Too long: as many whole groups as fit, then an ellipsis, then the value.
        var shown = head + " = "
        for (i, group) in groups.enumerated() {
            let candidate = shown + (i > 0 ? " + " : "") + group
            if !fits(candidate + " + \(g.ellipsis)" + biasText + " = " + value + legend) { break }
            shown = candidate
        }
        if shown.hasSuffix(" = ") {
            let inputTaps = taps.count - padded
            shown = head + " = \(Plural.count(inputTaps, "input tap")) + \(Plural.count(padded, zeros ? "padding zero" : "padding tap"))"
            return TextWrap.lines(shown + biasText + " = " + value, width: width, maxLines: maxLines)
        }
        return TextWrap.lines(shown + " + \(g.ellipsis)" + biasText + " = " + value + legend, width: width, maxLines: maxLines)
    }

    /// The reverse inspector: which outputs an input cell feeds.
    static func inputLines(_ state: AppState, glyphs g: Glyphs, width: Int) -> [String] {
        let p = state.parameters, c = state.inputCursor
        guard let shape = p.outputShape else {
            return TextWrap.lines("input[\(c.channel), \(c.y), \(c.x)] \(g.dot) no output: PyTorch refuses these parameters",
                        width: width, maxLines: 2)
        }
        let reads = p.outputsReading(y: c.y, x: c.x)
        let cells = reads.count
        let text: String
        if cells == 0 {
            text = "input[\(c.channel), \(c.y), \(c.x)] is never read: no output window covers it"
        } else {
            let list = reads.prefix(6).map { "(\($0.y), \($0.x))" }.joined(separator: " ")
            // Only the outputs of the input channel's group read it.
            let fed = p.outputChannels(ofInput: c.channel)
            let channels = shape[1] == 1 ? "in 1 channel"
                : fed.count == shape[1] ? "in each of \(shape[1]) channels (\(cells * shape[1]) in all)"
                : fed.count == 1 ? "in output channel \(fed.lowerBound)"
                : "in each of output channels \(fed.lowerBound)\(g.dash)\(fed.upperBound - 1) (\(cells * fed.count) in all)"
            text = "input[\(c.channel), \(c.y), \(c.x)] feeds \(Plural.count(cells, "output cell")) \(channels): "
                + list + (reads.count > 6 ? " \(g.ellipsis)" : "")
        }
        return TextWrap.lines(text, width: width, maxLines: 2)
    }

}
