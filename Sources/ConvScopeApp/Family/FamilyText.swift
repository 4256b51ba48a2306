import ConvCore

/// Every sentence the family views and commands write, in English and Russian.
public enum FamilyText {
    /// `text` as the glyphs allow: unchanged in Unicode; with --ascii the signs these sentences
    /// use spelled in ASCII (− -, × x, · *, → ->, ← <-, … ..., Σ sum, — -).
    static func fitted(_ text: String, _ glyphs: Glyphs) -> String {
        guard !glyphs.unicode else { return text }
        let spelled: [Character: String] = ["−": "-", "×": "x", "·": "*", "→": "->", "←": "<-", "…": "...", "Σ": "sum", "°": " deg", "—": "-", "«": "\"", "»": "\""]
        return String(text.flatMap { spelled[$0].map(Array.init) ?? [$0] })
    }

    static func shape(_ dims: [Int]) -> String { dims.map(String.init).joined(separator: "×") }
    static func pair(_ p: SpatialPair) -> String { "(\(p.h), \(p.w))" }

    static func directTitle(_ repr: String, _ lang: Language) -> String {
        lang.pick("\(repr) as a direct convolution", "\(repr) как обычная (прямая) свёртка")
    }

    /// A ConvTranspose1d named with the height-1 ConvTranspose2d it is drawn as.
    static func heightOne(_ repr: String, as lifted: String, _ lang: Language) -> String {
        lang.pick("\(repr), drawn as the \(lifted) of height 1 it equals,", "\(repr), нарисованная как равная ей \(lifted) высоты 1,")
    }

    static func scatterTitle(_ repr: String, _ lang: Language) -> String {
        lang.pick("\(repr) as a scatter: every input cell stamps the kernel", "\(repr) как разброс: каждая клетка входа ставит оттиск ядра")
    }

    static func insertStep(_ e: TransposedAsDirect, channels: Int, _ lang: Language) -> String {
        let from = shape([channels, e.inputHeight, e.inputWidth])
        let to = shape([channels, e.insertedSize(.height), e.insertedSize(.width)])
        let zeros = pair(SpatialPair(e.layer.stride.h - 1, e.layer.stride.w - 1))
        return lang.pick("1. insert stride − 1 = \(zeros) zeros between input cells: \(from) → \(to)",
                         "1. вставить stride − 1 = \(zeros) нулей между клетками входа: \(from) → \(to)")
    }

    static func padStep(_ e: TransposedAsDirect, channels: Int, _ lang: Language) -> String {
        let before = SpatialPair(e.padBefore(.height), e.padBefore(.width))
        let extra = pair(e.layer.outputPadding)
        let to = shape([channels, e.directSize(.height), e.directSize(.width)])
        let crop = before.h < 0 || before.w < 0
        return lang.pick(
            "2. pad dilation·(k − 1) − padding = \(pair(before)) on each side\(crop ? " (negative: crop)" : ""), plus output_padding \(extra) at the bottom/right: → \(to)",
            "2. дополнить dilation·(k − 1) − padding = \(pair(before)) с каждой стороны\(crop ? " (отрицательное — обрезать)" : ""), и ещё output_padding \(extra) снизу/справа: → \(to)")
    }

    static func convolveStep(_ e: TransposedAsDirect, _ lang: Language) -> String {
        let weight = shape([e.layer.outChannels, e.layer.inChannels / e.layer.groups, e.layer.kernelSize.h, e.layer.kernelSize.w])
        return lang.pick(
            "3. convolve with stride 1, dilation \(pair(e.layer.dilation)), groups \(e.layer.groups): the kernel flipped (rows and columns reversed), in/out channels swapped → weight \(weight)",
            "3. свернуть со stride 1, dilation \(pair(e.layer.dilation)), groups \(e.layer.groups): ядро перевёрнуто (строки и столбцы в обратном порядке), входные и выходные каналы переставлены → вес \(weight)")
    }

    static func scatterRule(_ e: TransposedAsDirect, _ lang: Language) -> String {
        let counts = Set(e.overlapCounts.flatMap { $0 }).sorted().map(String.init).joined(separator: ", ")
        return lang.pick(
            "Input cell (i, j) adds x·w[c, o] to the output at (i·s − p + k·d): stride \(pair(e.layer.stride)), padding \(pair(e.layer.padding)), dilation \(pair(e.layer.dilation)). Stamps per output cell: \(counts) — uneven counts are the checkerboard pattern.",
            "Клетка входа (i, j) прибавляет x·w[c, o] к выходу в (i·s − p + k·d): stride \(pair(e.layer.stride)), padding \(pair(e.layer.padding)), dilation \(pair(e.layer.dilation)). Оттисков на клетку выхода: \(counts) — неравные числа и дают «шахматку».")
    }

    static func directInputMap(_ c: Int, dot: String, _ lang: Language) -> String {
        lang.pick("direct input, channel \(c) (\(dot) inserted or padding zero)", "вход прямой свёртки, канал \(c) (\(dot) вставленный ноль или дополнение)")
    }
    /// The direct input's title where the screen is narrow (the dots' legend left to the steps).
    static func directInputMapShort(_ c: Int, _ lang: Language) -> String {
        lang.pick("direct input \(c)", "вход прямой свёртки \(c)")
    }
    static func flippedKernelMap(_ o: Int, _ i: Int, _ lang: Language) -> String {
        lang.pick("flipped kernel \(o)←\(i)", "перевёрнутое ядро \(o)←\(i)")
    }
    static func kernelMap(_ c: Int, _ o: Int, _ lang: Language) -> String {
        lang.pick("kernel w[\(c), \(o)]", "ядро w[\(c), \(o)]")
    }
    static func inputMap(_ c: Int, _ lang: Language) -> String { lang.pick("input, channel \(c)", "вход, канал \(c)") }
    static func outputMap(_ o: Int, _ lang: Language) -> String { lang.pick("output, channel \(o)", "выход, канал \(o)") }
    static func overlapMap(_ lang: Language) -> String { lang.pick("stamps per output cell", "оттисков на клетку выхода") }

    static func directSum(_ cell: [Int], _ terms: String, _ total: String, _ lang: Language) -> String {
        lang.pick("direct: out\(cell) = \(total) = \(terms)", "прямая: out\(cell) = \(total) = \(terms)")
    }
    static func scatterSum(_ cell: [Int], _ terms: String, _ total: String, _ lang: Language) -> String {
        lang.pick("scatter: out\(cell) = \(total) = \(terms)", "разброс: out\(cell) = \(total) = \(terms)")
    }
    /// A written sum in one line of `width`: whole terms give way from its end for `ellipsis`, a
    /// bracketed note ("(+ 17 taps adding 0)") goes whole, and no operator is left before the ellipsis.
    static func shortenedSum(_ line: String, width: Int, ellipsis: String) -> String {
        guard line.count > width else { return line }
        var units: [String] = []
        var depth = 0
        for word in TextWrap.words(line) {
            if depth > 0 { units[units.count - 1] += " " + word } else { units.append(word) }
            depth = max(0, depth + word.count { $0 == "(" } - word.count { $0 == ")" })
        }
        let operators: Set<String> = ["+", "-", "−", "=", "·", "×"]
        while let last = units.last, units.joined(separator: " ").count + ellipsis.count > width || operators.contains(last) {
            units.removeLast()
        }
        return units.isEmpty ? String(line.prefix(max(0, width - ellipsis.count))) + ellipsis : units.joined(separator: " ") + ellipsis
    }

    static func zeroTaps(_ n: Int, _ lang: Language) -> String {
        lang.pick("(+ \(n) taps adding 0)", "(+ \(n) отводов дают 0)")
    }
    static func sumsAgree(_ equal: Bool, _ lang: Language) -> String {
        equal ? lang.pick("both forms give the same sum", "обе формы дают одну и ту же сумму")
              : lang.pick("the two sums differ", "суммы различаются")
    }

    static func flipTitle(_ lang: Language) -> String {
        lang.pick("True convolution (kernel flipped) beside PyTorch's cross-correlation",
                  "Настоящая свёртка (ядро перевёрнуто) рядом с взаимной корреляцией PyTorch")
    }
    /// The note every --flip output carries.
    public static func flipNote(_ lang: Language) -> String {
        lang.pick("PyTorch's Conv2d computes cross-correlation, y[n] = Σ x[n + k]·w[k]; signal processing's convolution flips the kernel, y[n] = Σ x[n − k]·w[k]. The two agree only for a kernel symmetric under a half turn.",
                  "Conv2d в PyTorch вычисляет взаимную корреляцию, y[n] = Σ x[n + k]·w[k]; свёртка в обработке сигналов переворачивает ядро, y[n] = Σ x[n − k]·w[k]. Они совпадают только для ядра, симметричного при повороте на 180°.")
    }
    static func kernelAsGiven(_ lang: Language) -> String { lang.pick("kernel as PyTorch uses it", "ядро, как его берёт PyTorch") }
    static func kernelFlipped(_ lang: Language) -> String { lang.pick("kernel flipped", "ядро перевёрнуто") }
    static func correlationMap(_ o: Int, _ lang: Language) -> String {
        lang.pick("PyTorch (cross-correlation), out \(o)", "PyTorch (корреляция), выход \(o)")
    }
    static func convolutionMap(_ o: Int, _ lang: Language) -> String {
        lang.pick("true convolution, out \(o)", "настоящая свёртка, выход \(o)")
    }
    static func symmetricKernel(_ lang: Language) -> String {
        lang.pick("This kernel is symmetric under a half turn: both maps are equal; try --kernel sobel-x.",
                  "Это ядро симметрично при повороте на 180°: карты совпадают; попробуйте --kernel sobel-x.")
    }

    /// What the lit cells of a causal stack show: output t's inputs, none later than t.
    public static func causalCaption(t: Int, read: [Int], field: Int, _ lang: Language) -> String {
        let first = read.min() ?? t, last = read.max() ?? t
        return lang.pick(
            "Causal: output t = \(t) reads inputs \(first)…\(last) (*), never a later one; receptive field \(field).",
            "Причинная свёртка: выход t = \(t) читает входы \(first)…\(last) (*), и ни одного более позднего; рецептивное поле \(field).")
    }

    /// The WaveNet figure's numbers: the receptive field after each causal layer.
    public static func causalFields(_ fields: [Int], dilations: [Int], _ lang: Language) -> String {
        let r = fields.map(String.init).joined(separator: ", "), d = dilations.map(String.init).joined(separator: ", ")
        return lang.pick("Receptive field after each layer: \(r) (dilations \(d)).",
                         "Рецептивное поле после каждого слоя: \(r) (dilation \(d)).")
    }

    /// A depthwise-separable pair against the plain convolution it replaces.
    static func separableNote(pair: String, _ c: DepthwiseSeparableCost, _ lang: Language) -> String {
        let plain = "Conv2d(\(c.inChannels), \(c.outChannels), \(c.kernelH == c.kernelW ? "\(c.kernelH)" : "(\(c.kernelH), \(c.kernelW))"))"
        let ratio = NumberText.ratio(c.ratio, lang)
        return lang.pick(
            "note \(pair): depthwise-separable, \(NumberText.grouped(c.separableWeights, lang)) weights and \(NumberText.grouped(c.separableMultiplications, lang)) multiplications against \(NumberText.grouped(c.plainWeights, lang)) and \(NumberText.grouped(c.plainMultiplications, lang)) for one \(plain) with the same output: \(ratio) = 1/C_out + 1/(kH·kW) = 1/\(c.outChannels) + 1/\(c.kernelH * c.kernelW) (MobileNet)",
            "примечание \(pair): раздельная свёртка (depthwise + pointwise), \(NumberText.grouped(c.separableWeights, lang)) весов и \(NumberText.grouped(c.separableMultiplications, lang)) умножений против \(NumberText.grouped(c.plainWeights, lang)) и \(NumberText.grouped(c.plainMultiplications, lang)) у одной \(plain) с тем же выходом: \(ratio) = 1/C_out + 1/(kH·kW) = 1/\(c.outChannels) + 1/\(c.kernelH * c.kernelW) (MobileNet)")
    }

    /// What the lit cells of an inspected 1-D or 3-D output show.
    public static func inspectCaption(cell: [Int], inputCells: Int, _ lang: Language) -> String {
        let at = "[" + cell.map(String.init).joined(separator: ", ") + "]"
        return lang.pick("The last layer's output \(at) reads \(inputCells) input positions (*) in each channel it sums, through every layer (*).",
                         "Выход последнего слоя \(at) читает \(inputCells) позиций входа (*) в каждом канале, который он суммирует, через все слои (*).")
    }

    static func layerMap(_ index: Int, _ name: String, _ channel: Int, _ lang: Language) -> String {
        lang.pick("(\(index)) \(name), channel \(channel)", "(\(index)) \(name), канал \(channel)")
    }
    static func inputChannel(_ channel: Int, _ lang: Language) -> String { lang.pick("input, channel \(channel)", "вход, канал \(channel)") }
    static func depthSlice(_ d: Int, _ lang: Language) -> String { lang.pick("depth \(d)", "глубина \(d)") }
    static func layerRefused(_ index: Int, _ error: FamilyError) -> String {
        "(\(index)): \(error.pythonType): \(error.message)"
    }
}
