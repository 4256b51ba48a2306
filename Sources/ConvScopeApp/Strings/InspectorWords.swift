import ConvCore

/// The inspector's sentences (its view, `InspectorText`, builds the sums around them).
public enum InspectorWords {
    /// "output[0, 1, 2] · computing…" while the maps are not ready.
    static func computing(_ l: Language, _ g: Glyphs, cell: String) -> String {
        "\(cell) \(g.dot) " + ScreenText.computing(l) + g.ellipsis
    }

    /// "Σ 3 ch × 3×3 taps": the sum's shape after the cell.
    static func sumShape(_ l: Language, _ g: Glyphs, channels: Int, kernelH: Int, kernelW: Int, bias: Bool = false) -> String {
        "\(g.sigma) \(channels) " + l.pick("ch", "кан") + " \(g.times) \(kernelH)\(g.times)\(kernelW) "
            + l.noun(kernelH * kernelW, Nouns.tap) + (bias ? l.pick(" + bias", " + смещение") : "")
    }

    /// "  (· = padding zero, 3 of 9 taps)", or "[v] = mirrored value" and the like for the other modes.
    static func paddingLegend(_ l: Language, _ mode: PaddingMode = .zeros, mark: String, padded: Int, taps: Int) -> String {
        let legend = Conv2dText.paddingLegend(mode, mark: mark, l)
        return l.pick("  (\(legend), \(padded) of \(l.count(taps, Nouns.tap)))",
                      "  (\(legend): \(l.count(padded, Nouns.tap)) из \(taps))")
    }

    /// "6 input taps + 3 padding zeros" (or "padding taps" on a ring of copies) when no group of the sum fits.
    static func tapCounts(_ l: Language, input: Int, padding: Int, zeros: Bool = true) -> String {
        l.count(input, Nouns.inputTap) + " + " + l.count(padding, zeros ? Nouns.paddingZero : Nouns.paddingTap)
    }

    /// The reverse inspector with no output at all.
    static func noOutput(_ l: Language, _ g: Glyphs, cell: String) -> String {
        "\(cell) \(g.dot) " + l.pick("no output: PyTorch refuses these parameters", "выхода нет: PyTorch отвергает эти параметры")
    }

    /// An input cell no output window covers.
    static func neverRead(_ l: Language, cell: String) -> String {
        cell + l.pick(" is never read: no output window covers it", " не читается: его не покрывает ни одно окно выхода")
    }

    /// "input[0, 1, 2] feeds 4 output cells in each of 2 channels (8 in all): (0, 0) …".
    /// With groups only the outputs of the input channel's group (`fed`) read it.
    static func feeds(_ l: Language, _ g: Glyphs, cell: String, cells: Int, channels: Int, fed: Range<Int>,
                      list: String) -> String {
        let where_ = channels == 1 ? l.pick("in 1 channel", "в 1 канале")
            : fed.count == channels ? l.pick("in each of \(channels) channels (\(cells * channels) in all)",
                     "в каждом из \(channels) \(l.noun(channels, Nouns.channelOutOf)) (всего \(cells * channels))")
            : fed.count == 1 ? l.pick("in output channel \(fed.lowerBound)", "в выходном канале \(fed.lowerBound)")
            : l.pick("in each of output channels \(fed.lowerBound)\(g.dash)\(fed.upperBound - 1) (\(cells * fed.count) in all)",
                     "в каждом из выходных каналов \(fed.lowerBound)\(g.dash)\(fed.upperBound - 1) (всего \(cells * fed.count))")
        return cell + l.pick(" feeds ", " влияет на ") + l.count(cells, Nouns.outputCellFed) + " \(where_): " + list
    }
}
