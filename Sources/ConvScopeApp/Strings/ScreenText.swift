import ConvCore

/// The main screen's words: title bar, summary, section headers, kernel line, error and
/// too-small screens. Russian texts that the layout measures ("шкала", "вход") are no longer
/// than the English ones, so one layout fits both.
public enum ScreenText {
    /// The title, longest first; the screen takes the first that fits.
    static func titles(_ l: Language, _ g: Glyphs, kind: CourseLayerKind) -> [String] {
        let layer = "nn." + kind.rawValue
        return [l.pick(" convscope \(g.dot) \(layer) feature maps", " convscope \(g.dot) карты признаков \(layer)"),
                " convscope \(g.dot) \(layer)", " convscope"]
    }

    /// "? help · q quit " at the right of the title bar.
    static func titleKeys(_ l: Language, _ g: Glyphs) -> String {
        let help = KeyWords.course(.toggleHelp, g, l), quit = KeyWords.course(.quit, g, l)
        return "\(help) " + l.pick("help", "справка") + " \(g.dot) \(quit) " + l.pick("quit", "выход") + " "
    }

    /// Esc with nothing open, on every screen: Esc never quits, q does.
    static func nothingToClose(_ l: Language, _ g: Glyphs) -> String {
        let q = KeyWords.course(.quit, g, l)
        return l.pick("nothing to close \(g.dot) \(q) quits", "нечего закрывать \(g.dot) \(q) — выход")
    }

    /// The parameter box's title.
    static func parameters(_ l: Language) -> String { l.pick("parameters", "параметры") }
    /// On the parameter box's border while h/w pairs are linked.
    static func linkedBadge(_ l: Language, _ g: Glyphs) -> String { l.pick(" \(g.link) h/w linked ", " \(g.link) h/w связаны ") }
    /// The summary's lines: input shape, output shape (or none), the linked pairs.
    static func summaryInput(_ l: Language, _ shape: String) -> String { l.pick("in  ", "вход  ") + shape }
    static func summaryOutput(_ l: Language, _ shape: String?) -> String {
        l.pick("out ", "выход ") + (shape ?? l.pick("none (error)", "нет (ошибка)"))
    }
    static func summaryLinked(_ l: Language) -> String { l.pick("h/w linked (L)", "h/w связаны (L)") }

    /// The first word of a section's header: "input", "output".
    static func sectionWord(_ section: MapSection, _ l: Language) -> String {
        switch section {
        case .input: l.pick("input", "вход")
        case .kernel: Conv2dText.kernelTitle(l)
        case .output: l.pick("output", "выход")
        }
    }

    /// "input 1×3×8×8": a section's word and its shape, the title the course notebook gives a map.
    static func sectionTitle(_ section: MapSection, shape: [Int], _ l: Language, _ g: Glyphs) -> String {
        ([sectionWord(section, l)] + (shape.isEmpty ? [] : [shape.map(String.init).joined(separator: g.times)]))
            .joined(separator: " ")
    }

    /// "scale 0–8" (the same width in Russian: "шкала 0–8").
    static func scale(_ l: Language, _ g: Glyphs, _ top: String) -> String { scaleWord(l) + " 0\(g.dash)\(top)" }
    /// The word before a colour scale's range.
    static func scaleWord(_ l: Language) -> String { l.pick("scale", "шкала") }
    /// The top of the scale when each output map has its own.
    static func eachMapsMax(_ l: Language) -> String { l.pick("max of each map", "максимум карты") }

    /// "ch 0–1 of 3 [ ]" when a section's channels are paged.
    static func pageMarker(_ l: Language, shown: String, of channels: Int) -> String {
        l.pick("ch \(shown) of \(channels) [ ]", "кан \(shown) из \(channels) [ ]")
    }

    /// "1 cell = 16×16 (mean)" and a shorter wording, when whole-map cells stand for blocks.
    static func blockNote(_ l: Language, _ g: Glyphs, block b: Int) -> [String] {
        [l.pick("1 cell = \(b)\(g.times)\(b) (mean)", "1 ячейка = \(b)\(g.times)\(b) (среднее)"),
         l.pick("\(b)\(g.times)\(b) mean", "\(b)\(g.times)\(b) среднее")]
    }

    /// "2 columns, 1 row never read", or that every cell is read.
    static func unreadNote(_ l: Language, rows: Int, columns: Int) -> String {
        var parts: [String] = []
        if rows > 0 { parts.append(l.count(rows, Nouns.row)) }
        if columns > 0 { parts.append(l.count(columns, Nouns.column)) }
        if parts.isEmpty { return l.pick("every cell read", "все ячейки читаются") }
        let list = parts.joined(separator: ", ")
        return l.pick(list + " never read", "не читаются: " + list)
    }

    /// The title over one map: "channel 3", then shorter ones, longest first ("ch 3"; "кан 3", "к 3").
    static func channelTitles(_ l: Language, _ channel: Int) -> (long: String, short: [String]) {
        (l.pick("channel \(channel)", "канал \(channel)"), l == .ru ? ["кан \(channel)", "к \(channel)"] : ["ch \(channel)"])
    }

    /// "x 0–9 of 20": the columns (or rows) a cropped map shows.
    static func cropRange(_ l: Language, _ g: Glyphs, axis: String, first: Int, last: Int, total: Int) -> String {
        "\(axis) \(first)\(g.dash)\(last) " + l.pick("of", "из") + " \(total)"
    }
    static func cropScroll(_ l: Language) -> String { l.pick("Shift-arrows scroll", "Shift-стрелки: прокрутка") }

    /// A section (or the inspector) still waiting for its maps.
    static func computing(_ l: Language) -> String { l.pick("computing", "вычисление") }
    /// The output's header while the maps in view are drawn before the rest of the layer.
    static func computingTheRest(_ l: Language, _ g: Glyphs) -> String {
        l.pick("shown first \(g.dot) computing the rest\(g.ellipsis)", "показано сначала \(g.dot) вычисляется остальное\(g.ellipsis)")
    }

    /// The note over a sampled first frame of whole maps: each square shows one cell, not its mean.
    static func sampledFirst(_ l: Language, _ g: Glyphs, pitch: Int) -> String {
        l.pick("sampled: 1 cell per \(pitch)\(g.times)\(pitch) \(g.dot) computing the means\(g.ellipsis)",
               "выборка: 1 клетка на \(pitch)\(g.times)\(pitch) \(g.dot) вычисляются средние\(g.ellipsis)")
    }

    /// The weight's dimensions as text: C_in / groups as the fraction it is where groups does not
    /// divide in_channels (PyTorch refuses that layer, and no 0-wide weight exists).
    static func kernelShape(_ p: Conv2dSettings) -> [String] {
        var dimensions = p.kernelShape.map(String.init)
        let (inChannels, groups) = (p.geometry.inChannels, p.groups)
        if groups > 0, inChannels % groups != 0, dimensions.count > 1 { dimensions[1] = "\(inChannels)/\(groups)" }
        return dimensions
    }

    static func kernelLine(_ l: Language, _ g: Glyphs, shape: String, settings p: Conv2dSettings) -> String {
        ([Conv2dText.kernelTitle(l) + " \(shape)"] + kernelNotes(l, settings: p)).joined(separator: " \(g.dot) ")
    }

    /// The kernel line in `width` columns: whole notes from the end give way to "…" (the panel
    /// shows every one of them), never a note cut in the middle.
    static func kernelLine(_ l: Language, _ g: Glyphs, shape: String, settings p: Conv2dSettings, width: Int) -> String {
        let parts = [Conv2dText.kernelTitle(l) + " \(shape)"] + kernelNotes(l, settings: p)
        let separator = " \(g.dot) "
        for kept in stride(from: parts.count, through: 1, by: -1) {
            let line = parts.prefix(kept).joined(separator: separator) + (kept < parts.count ? separator + g.ellipsis : "")
            if line.count <= width { return line }
        }
        return parts[0]
    }

    /// What the kernel line says after the shape: the kernel, groups, padding, bias.
    static func kernelNotes(_ l: Language, settings p: Conv2dSettings) -> [String] {
        var parts = [Conv2dText.kernelLabel(p.kernel, l)]
        if p.spec.groups > 1 { parts.append(Conv2dText.groupsLabel(p.spec.groups, l)) }
        if p.paddingMode != .zeros { parts.append("padding_mode \(p.paddingMode.rawValue)") }
        if p.paddingChoice != .explicit { parts.append("padding '\(p.paddingChoice.rawValue)'") }
        parts.append(Conv2dText.biasLabel(p.bias, l))
        return parts
    }

    /// Above PyTorch's own message (which stays English).
    static func refuses(_ l: Language) -> String {
        l.pick("PyTorch refuses these parameters, no output:", "PyTorch отвергает эти параметры, выхода нет:")
    }

    /// PyTorch's message in Russian, under the English original; nil in English.
    static func errorExplanation(_ error: Conv2dError, _ l: Language) -> String? {
        guard l == .ru else { return nil }
        switch error {
        case .kernelLargerThanPaddedInput(.kernelLargerThanPaddedInput(let ph, let pw, let kh, let kw)):
            return "то есть: вход с расширением на канал \(ph)×\(pw), ядро \(kh)×\(kw); "
                + "ядро не может быть больше входа"
        case .groupsNotPositive: return "то есть: число групп groups должно быть положительным"
        case .inChannelsNotDivisibleByGroups: return "то есть: in_channels должно делиться на groups"
        case .outChannelsNotDivisibleByGroups: return "то есть: out_channels должно делиться на groups"
        case .sameWithStride: return "то есть: padding='same' работает только с шагом 1"
        case .reflectPaddingTooLarge:
            return "то есть: при зеркальном дополнении (reflect) расширение должно быть меньше размера входа"
        case .circularWrapsMoreThanOnce:
            return "то есть: при циклическом дополнении (circular) расширение не может быть больше размера входа"
        }
    }

    /// What to change, after an error other than the kernel not fitting.
    static func change(_ l: Language, _ names: String) -> String { l.pick("change \(names)", "измените \(names)") }

    /// What to change, after the kernel-does-not-fit error.
    static func changeToFit(_ l: Language, _ names: String) -> String {
        l.pick("change \(names) so the kernel fits", "измените \(names), чтобы ядро поместилось")
    }

    /// The window is below the minimum: the long and the short wording.
    static func tooSmall(_ l: Language, need: TerminalSize, have: TerminalSize) -> (full: String, short: String) {
        let n = "\(need.columns)x\(need.rows)", h = "\(have.columns)x\(have.rows)"
        return (l.pick("convscope needs \(n), this window is \(h)", "convscope нужно окно \(n), а это \(h)"),
                l.pick("needs \(n) (now \(h))", "нужно \(n) (сейчас \(h))"))
    }
}
