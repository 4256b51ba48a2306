import ConvCore

/// The inspector's status: where a value comes from, as a sum written out while it fits.
public enum InspectorText {
    /// Up to `maxLines` lines of at most `width` characters for the state's focus.
    public static func lines(_ state: AppState, experiment: ConvExperiment?, environment env: RenderEnvironment,
                             width: Int, maxLines: Int = 2) -> [String] {
        let p = state.parameters, g = env.glyphs, lang = env.language
        switch state.focus {
        case .parameters where !state.playing: return []
        case .input: return inputLines(state, environment: env, width: width, maxLines: maxLines)
        default: break
        }
        let c = state.outputCursor
        guard let experiment, case .success(let output) = experiment.output else {
            return [InspectorWords.computing(lang, g, cell: "output[\(c.channel), \(c.y), \(c.x)]")]
        }
        let spec = p.spec
        let taps = p.receptiveField(outChannel: c.channel, y: c.y, x: c.x)
        let value = NumberText.cell(output[0, c.channel, c.y, c.x])
        // Only the output's group of input channels is summed.
        let channels = spec.inputChannels(ofOutput: c.channel)
        let biasText = p.bias.map { " + " + NumberText.cell($0) } ?? ""
        let head = "output[\(c.channel), \(c.y), \(c.x)] = "
            + InspectorWords.sumShape(lang, g, channels: channels.count, kernelH: p.kernelSizeH, kernelW: p.kernelSizeW,
                                      bias: p.bias != nil)
        let padded = taps.filter(\.inPadding).count
        let zeros = spec.paddingMode == .zeros
        let padMark = zeros ? (g.unicode ? "·" : "_") : "[v]"
        // One group per input channel, each tap as weight·input (just the input for an all-ones
        // kernel); a padded tap shows what the ring holds there: · for a zero, [v] for a copy.
        let ones = p.kernel.isOnes
        var groups: [String] = []
        for ch in channels {
            let terms = taps.filter { $0.channel == ch }.map { t -> String in
                let ringValue = NumberText.cell(spec.paddedValue(experiment.input, channel: ch, y: t.y, x: t.x))
                let x = !t.inPadding ? ringValue : zeros ? padMark : "[\(ringValue)]"
                return ones ? x : "\(NumberText.cell(experiment.weight(c.channel, ch - channels.lowerBound, t.ky, t.kx)))\(g.dot)\(x)"
            }
            groups.append(terms.joined(separator: "+"))
        }
        let legend = padded > 0
            ? InspectorWords.paddingLegend(lang, spec.paddingMode, mark: padMark, padded: padded, taps: taps.count) : ""
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
            // No group fits: the counts of taps, else the sum's shape, else the cell alone — the
            // value is the one thing a narrow screen must still show.
            let counts = InspectorWords.tapCounts(lang, input: taps.count - padded, padding: padded, zeros: zeros)
            let cell = "output[\(c.channel), \(c.y), \(c.x)] = "
            let choices = [head + " = " + counts + biasText + " = " + value, head + " = " + value, cell + value]
            return TextWrap.lines(choices.first(where: fits) ?? choices[2], width: width, maxLines: maxLines)
        }
        return TextWrap.lines(shown + " + \(g.ellipsis)" + biasText + " = " + value + legend, width: width, maxLines: maxLines)
    }

    /// The reverse inspector: which outputs an input cell feeds.
    /// In at most `maxLines` lines (the rows the layout gives the inspector), the last ending in
    /// an ellipsis where the sentence goes on.
    static func inputLines(_ state: AppState, environment env: RenderEnvironment, width: Int, maxLines: Int = 2) -> [String] {
        let p = state.parameters, c = state.inputCursor, g = env.glyphs, lang = env.language
        let cell = "input[\(c.channel), \(c.y), \(c.x)]"
        guard let shape = p.outputShape else {
            return TextWrap.lines(InspectorWords.noOutput(lang, g, cell: cell), width: width, maxLines: maxLines, ellipsis: g.ellipsis)
        }
        let reads = p.outputsReading(y: c.y, x: c.x)
        let cells = reads.count
        let text: String
        if cells == 0 {
            text = InspectorWords.neverRead(lang, cell: cell)
        } else {
            let list = reads.prefix(6).map { "(\($0.y), \($0.x))" }.joined(separator: " ")
            // Only the outputs of the input channel's group read it.
            let fed = p.outputChannels(ofInput: c.channel)
            text = InspectorWords.feeds(lang, g, cell: cell, cells: cells, channels: shape[1], fed: fed, list: list)
                + (reads.count > 6 ? " \(g.ellipsis)" : "")
        }
        return TextWrap.lines(text, width: width, maxLines: maxLines, ellipsis: g.ellipsis)
    }

}
