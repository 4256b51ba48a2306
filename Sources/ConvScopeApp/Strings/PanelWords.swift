import ConvCore

/// The teaching panels' sentences: the cost panel (conv against dense), the formula panel and
/// the code panel's headings. Formulas and PyTorch's names stay as they are in both languages.
public enum PanelWords {
    // MARK: cost panel

    /// Where K comes from: typed, or the default C_out×H_out×W_out.
    static func kSource(_ l: Language, typed: Bool, product: String) -> String {
        typed ? l.pick("set by ( ) or typed", "задано ( ) или введено") : l.pick("default = ", "по умолчанию = ") + product
    }

    /// The panel's first heading.
    static func comparison(_ l: Language, k: Int?, source: String) -> String {
        let kText = k.map { "K = " + l.count($0, Nouns.output) } ?? l.pick("K undefined", "K не определено")
        return l.pick("the course notes' comparison: conv vs fully connected",
                      "сравнение из курса: свёрточный слой против полносвязного") + " (\(kText), \(source))"
    }

    static func parametersHeading(_ l: Language) -> String { l.pick("parameters", "параметры") }
    static func multiplicationsHeading(_ l: Language) -> String { l.pick("multiplications", "умножения") }
    /// The rows' labels, ten columns wide like the formulas' indent.
    static func convLabel(_ l: Language) -> String { l.pick("  conv    ", "  свёртка  ") }
    static func denseLabel(_ l: Language) -> String { l.pick("  dense   ", "  полносв. ") }
    static func pytorchLabel(_ l: Language) -> String { l.pick("  PyTorch ", "  PyTorch  ") }

    /// Under PyTorch's count: what it is and whether the bias is in it.
    static func pytorchCount(_ l: Language, hasBias: Bool) -> String {
        hasBias ? l.pick("sum(p.numel() for p in conv.parameters()), the bias included",
                         "sum(p.numel()) по conv.parameters(), смещение включено")
            : l.pick("sum(p.numel() for p in conv.parameters()): bias=False adds nothing",
                     "sum(p.numel()) по conv.parameters(): при bias=False смещения нет")
    }

    /// The parameter ratio in words.
    static func denseNeedsWeights(_ l: Language, _ ratio: String, _ value: Double, _ g: Glyphs) -> String {
        l.pick("a dense layer needs \(ratio)\(g.times) the weights of the conv layer",
               "полносвязному слою нужно в \(ratio) \(times(value)) больше весов, чем свёрточному")
    }

    /// "раз" after a whole number (1 раз, 2 раза, 5 раз), "раза" after a fraction (2.50 раза).
    static func times(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return "раза" }
        return Language.ru.noun(Int(value), en: ("", ""), ru: ("раз", "раза", "раз"))
    }

    /// The multiplication ratio in words.
    static func andMultiplications(_ l: Language, _ ratio: String, _ value: Double, _ g: Glyphs) -> String {
        l.pick("and \(ratio)\(g.times) its multiplications", "и в \(ratio) \(times(value)) больше умножений")
    }

    /// Why numbers are missing when PyTorch refuses the parameters.
    static func refusedCosts(_ l: Language, knowK: Bool) -> String {
        let missing = knowK ? l.pick("no conv multiplications and no Comp_mult", "нет умножений свёртки и Comp_mult")
            : l.pick("no default K, no conv multiplications and no dense numbers",
                     "нет K по умолчанию, умножений свёртки и чисел полносвязного слоя")
        return l.pick("PyTorch refuses these parameters: without H_out and W_out there are " + missing
                      + "; the stride-1 simplification does not apply",
                      "PyTorch отвергает эти параметры: без H_out и W_out " + missing + "; упрощение для шага 1 неприменимо")
    }

    static func biasNote(_ l: Language) -> String {
        l.pick("F1 = kernel_size_h, F2 = kernel_size_w; Comp leaves biases out, as the course notes do",
               "F1 = kernel_size_h, F2 = kernel_size_w; Comp не учитывает смещения, как и в курсе")
    }

    static func kKeys(_ l: Language, _ g: Glyphs) -> String {
        l.pick("( ) halve / double K \(g.dot) type digits to set K", "( ) K вдвое меньше / больше \(g.dot) цифры задают K")
    }

    /// The notes' stride-1 shortcut, before whether it holds.
    static func shortcut(_ l: Language, _ g: Glyphs) -> String {
        let m = g.minus
        return l.pick("the course notes' stride-1 shortcut", "упрощение курса для шага 1:")
            + " H_out = H_in \(m) F1 + 1, W_out = W_in \(m) F2 + 1"
    }

    /// " holds", " holds here even with padding_h = 1, dilation_h = 2".
    static func shortcutHolds(_ l: Language, unusual: [String]) -> String {
        unusual.isEmpty ? l.pick("holds", "выполняется")
            : l.pick("holds here even with ", "выполняется здесь даже при ") + unusual.joined(separator: ", ")
    }

    static func shortcutFails(_ l: Language) -> String { l.pick(" does not hold:", " не выполняется:") }

    /// "stride_h = 2 gives H_out = 3, not 6" (number agreement in English).
    static func shortcutReason(_ l: Language, reasons: [String], axis: String, actual: Int, simple: Int) -> String {
        let list = reasons.joined(separator: ", ")
        return l.pick(list + (reasons.count == 1 ? " gives" : " give") + " \(axis)_out = \(actual), not \(simple)",
                      "при \(list) \(axis)_out = \(actual), а не \(simple)")
    }

    // MARK: formula panel

    /// "H axis: size 8, k 3, p 0, s 1, d 1".
    static func axisHeading(_ l: Language, _ name: String, _ a: AxisGeometry) -> String {
        let p = a.extraAfter == 0 ? "\(a.padding)" : "\(a.padding)+\(a.padding + a.extraAfter)"
        return l.pick("\(name) axis: size", "ось \(name): размер")
            + " \(a.size), k \(a.kernel), p \(p), s \(a.stride), d \(a.dilation)"
    }

    /// What padding='same' or 'valid' applies on each axis, above the formulas.
    static func paddingChoice(_ l: Language, _ g: Glyphs, _ choice: PaddingChoice, h: AxisGeometry, w: AxisGeometry) -> String {
        guard choice == .same else {
            return l.pick("padding='valid': no padding, p = 0 on every side", "padding='valid': без расширения, p = 0 со всех сторон")
        }
        func split(_ a: AxisGeometry, _ before: String, _ after: String) -> String {
            "d\(g.product)(k\(g.minus)1) = \(2 * a.padding + a.extraAfter): \(before) \(a.padding), \(after) \(a.padding + a.extraAfter)"
        }
        let total = "d\(g.product)(k\(g.minus)1)"
        return l.pick("padding='same' pads \(total) per axis, the odd one at the bottom/right: H ",
                      "padding='same' дополняет на \(total) по оси, нечётный остаток снизу/справа: H ")
            + split(h, l.pick("top", "сверху"), l.pick("bottom", "снизу")) + l.pick("; W ", "; W ")
            + split(w, l.pick("left", "слева"), l.pick("right", "справа"))
    }

    static func paddedSize(_ l: Language) -> String { l.pick("padded size", "размер с расширением") }
    static func size(_ l: Language) -> String { l.pick("size", "размер") }
    static func effectiveKernel(_ l: Language) -> String { l.pick("effective kernel", "эффективное ядро") }
    static func numerator(_ l: Language) -> String { l.pick("numerator", "числитель") }
    /// "= padded − effective".
    static func paddedMinusEffective(_ l: Language, _ g: Glyphs) -> String {
        l.pick("= padded \(g.minus) effective", "= с расширением \(g.minus) эффективное")
    }

    /// "padded 4 < effective kernel 5: PyTorch refuses".
    static func kernelTooLarge(_ l: Language, padded: Int, effective: Int) -> String {
        l.pick("padded \(padded) < effective kernel \(effective): PyTorch refuses",
               "с расширением \(padded) < эффективное ядро \(effective): PyTorch отвергает")
    }

    /// "5 / 2 = 2 remainder 1:" and "the floor drops 1".
    static func division(_ l: Language, _ n: Int, _ s: Int, quotient q: Int, remainder r: Int) -> (String, String) {
        (l.pick("\(n) / \(s) = \(q) remainder \(r):", "\(n) / \(s) = \(q), остаток \(r):"),
         l.pick("the floor drops \(r)", "округление вниз отбрасывает \(r)"))
    }

    /// "every row is read", "every column is read".
    static func everyRead(_ l: Language, rows: Bool) -> String {
        rows ? l.pick("every row is read", "все строки читаются") : l.pick("every column is read", "все столбцы читаются")
    }

    /// "2 columns never read:".
    static func neverRead(_ l: Language, _ n: Int, _ unit: Noun) -> String {
        l.pick(l.count(n, unit) + " never read:",
               l.noun(n, en: ("", ""), ru: ("не читается", "не читаются", "не читаются")) + " " + l.count(n, unit) + ":")
    }

    // MARK: code panel

    static func pytorchHeading(_ l: Language) -> String { "PyTorch" }
    static func commandHeading(_ l: Language) -> String { l.pick("command line", "командная строка") }
    static func pictureHeading(_ l: Language) -> String { l.pick("this screen as a picture", "этот экран как картинка") }
}
