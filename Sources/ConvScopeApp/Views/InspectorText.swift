import ConvCore

/// The inspector's status: where a value comes from, as a sum written out while it fits.
public enum InspectorText {
    /// Up to `maxLines` lines of at most `width` characters for the state's focus.
    public static func lines(_ state: AppState, experiment: ConvExperiment?, environment env: RenderEnvironment,
                             width: Int, maxLines: Int = 2) -> [String] {
        let p = state.parameters, g = env.glyphs, lang = env.language
        switch state.focus {
        case .parameters where !state.playing: return []
        case .input: return inputLines(state, environment: env, width: width)
        default: break
        }
        let c = state.outputCursor
        guard let experiment, case .success(let output) = experiment.output else {
            return [InspectorWords.computing(lang, g, cell: "output[\(c.channel), \(c.y), \(c.x)]")]
        }
        let taps = p.receptiveField(outChannel: c.channel, y: c.y, x: c.x)
        let value = NumberText.cell(output[0, c.channel, c.y, c.x])
        let head = "output[\(c.channel), \(c.y), \(c.x)] = "
            + InspectorWords.sumShape(lang, g, channels: p.inChannels, kernelH: p.kernelSizeH, kernelW: p.kernelSizeW)
        let padded = taps.filter(\.inPadding).count
        let padMark = g.unicode ? "·" : "_"
        // One group per input channel, each tap as weight·input (just the input for an all-ones kernel).
        let ones = experiment.kernelPattern == .ones
        var groups: [String] = []
        for ch in 0..<p.inChannels {
            let terms = taps.filter { $0.channel == ch }.map { t -> String in
                let x = t.inPadding ? padMark : NumberText.cell(experiment.input[0, ch, t.y, t.x])
                return ones ? x : "\(NumberText.cell(experiment.weights[c.channel, ch, t.ky, t.kx]))\(g.dot)\(x)"
            }
            groups.append(terms.joined(separator: "+"))
        }
        let legend = padded > 0 ? InspectorWords.paddingLegend(lang, mark: padMark, padded: padded, taps: taps.count) : ""
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
            shown = head + " = " + InspectorWords.tapCounts(lang, input: inputTaps, padding: padded)
            return TextWrap.lines(shown + " = " + value, width: width, maxLines: maxLines)
        }
        return TextWrap.lines(shown + " + \(g.ellipsis) = " + value + legend, width: width, maxLines: maxLines)
    }

    /// The reverse inspector: which outputs an input cell feeds.
    static func inputLines(_ state: AppState, environment env: RenderEnvironment, width: Int) -> [String] {
        let p = state.parameters, c = state.inputCursor, g = env.glyphs, lang = env.language
        let cell = "input[\(c.channel), \(c.y), \(c.x)]"
        guard let shape = p.outputShape else {
            return TextWrap.lines(InspectorWords.noOutput(lang, g, cell: cell), width: width, maxLines: 2)
        }
        let reads = p.outputsReading(y: c.y, x: c.x)
        let cells = reads.count
        let text: String
        if cells == 0 {
            text = InspectorWords.neverRead(lang, cell: cell)
        } else {
            let list = reads.prefix(6).map { "(\($0.y), \($0.x))" }.joined(separator: " ")
            text = InspectorWords.feeds(lang, cell: cell, cells: cells, channels: shape[1], list: list)
                + (reads.count > 6 ? " \(g.ellipsis)" : "")
        }
        return TextWrap.lines(text, width: width, maxLines: 2)
    }

}
