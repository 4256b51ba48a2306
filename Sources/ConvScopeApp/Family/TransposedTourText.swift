import ConvCore

/// The sentences of a ConvTranspose2d's animation (`render --view … --animate`), in English and Russian.
extension FamilyText {
    /// "ConvTranspose2d(…) · input 1×8×4×4 → output 1×4×8×8": the title of the animation.
    static func transposedTitle(_ e: TransposedAsDirect, channels: Int, _ lang: Language) -> String {
        let out = e.outputSize
        return "\(e.layer.pytorchRepr) · " + lang.pick("input", "вход") + " \(shape([1, channels, e.inputHeight, e.inputWidth])) → "
            + lang.pick("output", "выход") + " \(shape([1, e.layer.outChannels, out.h, out.w]))"
    }

    /// The direct form's input map on a slide, and the legend of its dashed cells.
    static func directInputChannel(_ c: Int, _ lang: Language) -> String {
        lang.pick("direct input, channel \(c)", "вход прямой свёртки, канал \(c)")
    }
    static func insertedLegend(_ lang: Language) -> String {
        lang.pick("dashed cells: inserted zeros and padding", "пунктирные клетки: вставленные нули и дополнение")
    }

    /// The scatter form's map of one step's stamp: the kernel scaled by the input cell.
    static func stampMap(channels: Int, _ lang: Language) -> String {
        channels == 1 ? lang.pick("stamp = cell × kernel", "оттиск = клетка × ядро")
            : lang.pick("stamp = Σ of \(channels) channels' cell × kernel", "оттиск = Σ по \(channels) каналам: клетка × ядро")
    }
    static func stampHeader(_ lang: Language) -> String { lang.pick("stamp", "оттиск") }

    /// The scatter form's maps as the stamps accumulate.
    static func overlapSoFarMap(_ lang: Language) -> String { lang.pick("stamps so far", "оттисков пока") }
    static func outputSoFarMap(_ o: Int, _ lang: Language) -> String { lang.pick("output \(o) so far", "выход \(o) пока") }

    /// One step of the scatter form: which input position stamps, onto how many output cells.
    static func stampStep(_ step: ScatterStep, index: Int, of total: Int, _ lang: Language) -> String {
        lang.pick("stamp \(index + 1) of \(total): input (\(step.y), \(step.x)) × kernel → \(step.landed.count) output cells",
                  "оттиск \(index + 1) из \(total): вход (\(step.y), \(step.x)) × ядро → клеток выхода: \(step.landed.count)")
    }

    /// The asciicast marker of a scatter step.
    static func stampMarker(_ step: ScatterStep) -> String { "input[:, \(step.y), \(step.x)]" }
}
