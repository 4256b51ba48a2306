import ConvCore

/// The inspector's status: where a value comes from, as a sum written out while it fits.
public enum InspectorText {
    /// Up to `maxLines` lines of at most `width` characters for the state's focus.
    public static func lines(_ state: AppState, experiment: ConvExperiment?, glyphs g: Glyphs, width: Int,
                             maxLines: Int = 2) -> [String] {
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
        let taps = p.receptiveField(outChannel: c.channel, y: c.y, x: c.x)
        let value = formatValue(output[0, c.channel, c.y, c.x])
        let head = "output[\(c.channel), \(c.y), \(c.x)] = \(g.sigma) \(p.inChannels) ch \(g.times) "
            + "\(p.kernelSizeH)\(g.times)\(p.kernelSizeW) \(Plural.word(p.kernelSizeH * p.kernelSizeW, "tap"))"
        let padded = taps.filter(\.inPadding).count
        let padMark = g.unicode ? "·" : "_"
        // One group per input channel, each tap as weight·input (just the input for an all-ones kernel).
        let ones = experiment.kernelPattern == .ones
        var groups: [String] = []
        for ch in 0..<p.inChannels {
            let terms = taps.filter { $0.channel == ch }.map { t -> String in
                let x = t.inPadding ? padMark : formatValue(experiment.input[0, ch, t.y, t.x])
                return ones ? x : "\(formatValue(experiment.weight(c.channel, ch, t.ky, t.kx)))\(g.dot)\(x)"
            }
            groups.append(terms.joined(separator: "+"))
        }
        let legend = padded > 0 ? "  (\(padMark) = padding zero, \(padded) of \(Plural.count(taps.count, "tap")))" : ""
        let full = head + " = " + groups.joined(separator: " + ") + " = " + value + legend
        // Measured in wrapped lines, so the value at the end is never pushed off the last line.
        func fits(_ text: String) -> Bool { TextWrap.lines(text, width: width).count <= maxLines }
        if fits(full) { return TextWrap.lines(full, width: width) }
        // Too long: as many whole groups as fit, then an ellipsis, then the value.
        var shown = head + " = "
        for (i, group) in groups.enumerated() {
            let candidate = shown + (i > 0 ? " + " : "") + group
            if !fits(candidate + " + \(g.ellipsis) = " + value + legend) { break }
            shown = candidate
        }
        if shown.hasSuffix(" = ") {
            let inputTaps = taps.count - padded
            shown = head + " = \(Plural.count(inputTaps, "input tap")) + \(Plural.count(padded, "padding zero"))"
            return TextWrap.lines(shown + " = " + value, width: width, maxLines: maxLines)
        }
        return TextWrap.lines(shown + " + \(g.ellipsis) = " + value + legend, width: width, maxLines: maxLines)
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
            let channels = shape[1] == 1 ? "in 1 channel" : "in each of \(shape[1]) channels (\(cells * shape[1]) in all)"
            text = "input[\(c.channel), \(c.y), \(c.x)] feeds \(Plural.count(cells, "output cell")) \(channels): "
                + list + (reads.count > 6 ? " \(g.ellipsis)" : "")
        }
        return TextWrap.lines(text, width: width, maxLines: 2)
    }

}
