import ConvCore

/// The kernel section's words: the weights drawn as heatmaps, one per (out, in) pair.
enum KernelSectionText {
    /// The `K w` row of the help: the next preset, and the kernel section.
    static var keyHelp: Phrase {
        func presets(_ l: Language) -> String { KernelPreset.all.map { ValueWords.kernelChoice($0, l) }.joined(separator: ", ") }
        return Phrase("next kernel: \(presets(.en)) / draw weights", "следующее ядро: \(presets(.ru)) / показать веса")
    }

    /// After the kernel line when the weights are not drawn for lack of room.
    static func keyHint(_ l: Language) -> String { l.pick("w weights", "w веса") }

    /// "pairs 0–5 of 18 [ ]" when the pairs are paged.
    static func pageMarker(_ l: Language, shown: String, of pairs: Int) -> String {
        l.pick("pairs \(shown) of \(pairs) [ ]", "пары \(shown) из \(pairs) [ ]")
    }

    /// "scale −2…2" for signed weights, "scale 0–1" otherwise.
    static func scale(_ scale: MapScale, _ l: Language, _ g: Glyphs) -> String { ScreenText.scaleWord(l) + " " + scale.text(g) }

    /// A pair's titles: "out 2 ← in 1", then the short "2←1".
    static func pairTitles(_ l: Language, out o: Int, input c: Int) -> (long: String, short: [String]) {
        (l.pick("out \(o) \u{2190} in \(c)", "вых \(o) \u{2190} вх \(c)"), [Conv2dText.kernelMapLabel(out: o, input: c)])
    }

    /// A clicked weight: "weight[2, 1, 0, 2] = −1 · out 2 ← in 3".
    static func weightNotice(out o: Int, index: Int, y: Int, x: Int, input: Int, value: Float,
                             _ l: Language, _ g: Glyphs) -> String {
        // Written as the kernel's cells write it.
        l.pick("weight", "вес") + "[\(o), \(index), \(y), \(x)] = \(NumberText.cell(value)) \(g.dot) " + pairTitles(l, out: o, input: input).long
    }

    /// The status line after `w`: what changed, or why nothing did.
    static func notice(_ change: KernelSectionChange, _ l: Language) -> String {
        switch change {
        case .shown: l.pick("kernel section shown", "раздел ядра показан")
        case .hidden: l.pick("kernel section hidden", "раздел ядра скрыт")
        case .noRoom: l.pick("kernel section: no room in this window (a taller one shows it)",
                             "раздел ядра: в этом окне нет места (в более высоком он виден)")
        case .refused: l.pick("kernel section: drawn once PyTorch accepts the layer",
                              "раздел ядра: появится, когда PyTorch примет слой")
        }
    }
}
