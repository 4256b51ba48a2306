import ConvCore

/// The course screen's words for a ConvTranspose2d and the true convolution, in both languages.
enum FamilyScreenText {
    /// The status line after `v`: which explanation is on screen.
    static func viewNotice(_ view: TransposedView?, _ lang: Language) -> String {
        switch view {
        case nil: lang.pick("ConvTranspose2d as PyTorch runs it", "ConvTranspose2d, как его выполняет PyTorch")
        case .direct: lang.pick("ConvTranspose2d as a direct convolution: zeros inserted, padded, kernel flipped",
                                "ConvTranspose2d как прямая свёртка: вставлены нули, расширение, ядро перевёрнуто")
        case .scatter: lang.pick("ConvTranspose2d as a scatter: each input cell stamps the scaled kernel",
                                 "ConvTranspose2d как разброс: каждая клетка входа ставит оттиск ядра")
        }
    }

    /// A key that belongs to the other layer kind.
    /// A row the layer kind ignores was changed: what takes it (output_padding: a ConvTranspose2d).
    static func rowNotTaken(_ name: String, _ kind: CourseLayerKind, _ lang: Language) -> String {
        lang.pick("nn.\(kind.rawValue) takes no \(name); a ConvTranspose2d does",
                  "у nn.\(kind.rawValue) нет \(name); он есть у ConvTranspose2d")
    }

    static func wrongKind(_ needs: CourseLayerKind, _ lang: Language) -> String {
        switch needs {
        case .convTranspose2d: lang.pick("this explains a ConvTranspose2d: set the layer row to ConvTranspose2d",
                                         "это объясняет ConvTranspose2d: поставьте в строке «слой» ConvTranspose2d")
        case .conv2d: lang.pick("this is for a Conv2d: set the layer row to Conv2d",
                                "это для Conv2d: поставьте в строке «слой» Conv2d")
        case .conv1d: lang.pick("this is for a Conv1d: set the layer row to Conv1d",
                                "это для Conv1d: поставьте в строке «слой» Conv1d")
        }
    }

    /// The status line after the separable key: the pair now on screen.
    static func separableNotice(inChannels c: Int, outChannels o: Int, _ lang: Language) -> String {
        lang.pick("depthwise-separable: depthwise (groups = \(c)) then pointwise Conv2d(\(c), \(o), 1); the cost panel compares",
                  "раздельная свёртка: поканальная (groups = \(c)), затем точечная Conv2d(\(c), \(o), 1); сравнение в панели стоимости")
    }

    /// The status line when the pointwise layer is taken away.
    static func separableOff(_ lang: Language) -> String {
        lang.pick("pointwise layer removed: the depthwise layer alone", "точечный слой убран: только поканальная свёртка")
    }

    /// The summary's line for the pointwise layer: its output shape.
    static func pointwiseSummary(_ shape: String, _ lang: Language) -> String {
        lang.pick("+1×1 \(shape)", "+1×1 \(shape)")
    }

    /// The inspected cell's two totals, for a maps area too narrow for the sums written out.
    static func shortSums(_ cell: [Int], direct: String, scatter: String, equal: Bool, _ lang: Language) -> [String] {
        let at = "[" + cell.map(String.init).joined(separator: ",") + "]"
        return [lang.pick("\(at) direct \(direct)", "\(at) прямая \(direct)"),
                lang.pick("\(at) scatter \(scatter)", "\(at) разброс \(scatter)"),
                equal ? lang.pick("sums equal", "суммы равны") : lang.pick("sums differ", "суммы различаются")]
    }

    /// The status line after the true-convolution key.
    static func flipNotice(_ on: Bool, _ lang: Language) -> String {
        on ? lang.pick("true convolution: kernel flipped; PyTorch computes cross-correlation",
                       "настоящая свёртка: ядро перевёрнуто; PyTorch вычисляет взаимную корреляцию")
           : lang.pick("PyTorch's cross-correlation only", "только взаимная корреляция PyTorch")
    }

    /// PyTorch refuses the transposed layer: its exception, word for word.
    static func refused(_ refusal: TransposedRefusal) -> String { "\(refusal.pythonType): \(refusal.message)" }

    /// A map side too long to explain on screen; what to make smaller.
    static func tooLarge(side: Int, limit: Int, _ lang: Language) -> String {
        lang.pick("too large to explain on screen: a map side of \(side) cells, at most \(limit); give a smaller input or stride",
                  "слишком велико для экрана: сторона карты \(side) клеток, не больше \(limit); уменьшите вход или шаг")
    }

    /// Too many multiplications to compute per frame; what to make smaller.
    static func tooManyMultiplications(_ n: Int, limit: Int, _ lang: Language) -> String {
        lang.pick("too large to explain on screen: \(n) multiplications, at most \(limit); give fewer channels or a smaller kernel",
                  "слишком велико для экрана: \(n) умножений, не больше \(limit); меньше каналов или ядро")
    }

    /// The output-size rule of a ConvTranspose2d with the numbers filled in.
    static func outputFormula(_ layer: ConvTranspose2dLayer, input: SpatialPair, output: SpatialPair, _ axis: PaddingSpec.Axis) -> String {
        let (name, n) = axis == .height ? ("H_out", input.h) : ("W_out", input.w)
        return "\(name) = (\(n)−1)·\(layer.stride[axis]) − 2·\(layer.padding[axis]) + \(layer.dilation[axis])·(\(layer.kernelSize[axis])−1) + "
            + "\(layer.outputPadding[axis]) + 1 = \(axis == .height ? output.h : output.w)"
    }
}
