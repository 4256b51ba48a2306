import ConvCore

/// The first hint after a wrong answer, when the teacher wrote none: which formula applies, for
/// the layers the question is about (a pooling layer's hint is the pooling formula, not Conv2d's).
public enum Hints {
    /// The hint for `question` on `setup`, in `l`.
    public static func defaultHint(_ question: Question, _ setup: ExerciseSetup, _ l: Language) -> String {
        switch question {
        case let .shape(k), let .size(k):
            let kinds = layerKinds(setup, through: k)
            // Layers that share a formula (Conv2d and MaxPool2d) are named together before it.
            var formulas: [(names: [String], formula: String)] = []
            for name in kinds {
                guard let formula = sizeFormula(name, l) else { continue }
                if let i = formulas.firstIndex(where: { $0.formula == formula }) { formulas[i].names.append(name) }
                else { formulas.append(([name], formula)) }
            }
            let ceil = kinds.contains { $0.contains("Pool") } ? l.pick(" (pooling with ceil_mode rounds up: ⌈⌉)", " (пулинг с ceil_mode округляет вверх: ⌈⌉)") : ""
            let channels = ceil + (kinds.contains("Cat") ? l.pick("; Cat adds the channels of both maps", "; Cat складывает каналы обеих карт")
                : kinds.contains(where: { $0.hasPrefix("Conv") }) ? l.pick("; channels = out_channels", "; каналов — out_channels") : "")
            guard !formulas.isEmpty else { return l.pick("Each layer here keeps its input's shape", "Каждый слой здесь сохраняет форму входа") + channels + "." }
            // One kind of layer needs no name before its formula.
            let written = formulas.count == 1 && formulas[0].names.count == 1 ? [formulas[0].formula]
                : formulas.map { $0.names.joined(separator: l.pick(" and ", " и ")) + " " + $0.formula }
            return l.pick("Each axis: ", "По каждой оси: ") + written.joined(separator: "; ") + channels + "."
        case let .value(k, _, _, _):
            return valueHint(setup.layers[k], l)
        default:
            return kindHint(question.kind, l)
        }
    }

    /// The layer names of layers 0…last, each once, in order.
    static func layerKinds(_ setup: ExerciseSetup, through last: Int) -> [String] {
        var names: [String] = []
        for index in 0..<min(last + 1, setup.layerCount) where !names.contains(setup.layerName(index)) { names.append(setup.layerName(index)) }
        return names
    }

    /// One layer kind's output-size formula, or nil for a layer that keeps the size.
    static func sizeFormula(_ name: String, _ l: Language) -> String? {
        switch name {
        case "Conv2d", "MaxPool2d", "Conv3d", "MaxPool3d": "H_out = ⌊(H_in + 2·padding − dilation·(kernel−1) − 1) / stride⌋ + 1"
        case "AvgPool2d", "AvgPool3d": "H_out = ⌊(H_in + 2·padding − kernel) / stride⌋ + 1"
        case "ConvTranspose2d": "H_out = (H_in − 1)·stride − 2·padding + dilation·(kernel−1) + output_padding + 1"
        case "Conv1d", "MaxPool1d": "L_out = ⌊(L_in + 2·padding − dilation·(kernel−1) − 1) / stride⌋ + 1"
        case "AvgPool1d": "L_out = ⌊(L_in + 2·padding − kernel) / stride⌋ + 1"
        case "ConvTranspose1d": "L_out = (L_in − 1)·stride − 2·padding + dilation·(kernel−1) + output_padding + 1"
        default: nil
        }
    }

    /// How the asked layer makes one output value.
    static func valueHint(_ layer: StackLayer, _ l: Language) -> String {
        switch layer {
        case .maxPool2d: l.pick("MaxPool2d takes the largest input under its window (padding never wins).",
                                "MaxPool2d берёт наибольшее значение под окном (расширение не участвует).")
        case .avgPool2d: l.pick("AvgPool2d adds up the inputs under its window and divides by the window's size (padding counts as zeros).",
                                "AvgPool2d складывает входы под окном и делит на размер окна (расширение — нули).")
        case .convTranspose2d: l.pick("ConvTranspose2d: every input cell adds its value (times an all-ones weight) to the outputs its kernel covers; add up the inputs that reach this cell.",
                                      "ConvTranspose2d: каждая ячейка входа добавляет своё значение (вес 1) к выходам под ядром; сложите входы, которые попадают в эту ячейку.")
        case .cat: l.pick("Cat copies: the first channels are the skip's, the rest the previous layer's.",
                          "Cat копирует: первые каналы — из пропуска (skip), остальные — из предыдущего слоя.")
        case let .module(box) where (box.module as? UpsampleLayer)?.mode == .nearest:
            l.pick("Upsample (nearest) copies input cell ⌊y / scale⌋, ⌊x / scale⌋ of the same channel.",
                   "Upsample (nearest) копирует ячейку входа ⌊y / scale⌋, ⌊x / scale⌋ того же канала.")
        case let .module(box) where box.module is UpsampleLayer:
            l.pick("Upsample (bilinear) blends the two nearest input rows and columns, each weighted by how close it is.",
                   "Upsample (bilinear) смешивает две ближайшие строки и два столбца входа, каждый с весом по близости.")
        default: kindHint(.value, l)
        }
    }

    /// The question kind's own hint.
    static func kindHint(_ kind: QuestionKind, _ l: Language) -> String {
        guard l == .ru else { return kind.defaultHint }
        switch kind {
        case .shape, .size:
            return "По каждой оси: H_out = ⌊(H_in + 2·padding − dilation·(kernel−1) − 1) / stride⌋ + 1; каналов — out_channels."
        case .value: return "Сложите входы под окном ядра (все веса — единицы); расширение (padding) добавляет нули."
        case .padding: return "Решите формулу размера относительно расширения: для 'same' при шаге 1 нужно 2·p = dilation·(kernel−1)."
        case .stride, .kernel: return "Подставляйте значения в формулу размера, пока не получится цель."
        case .outputPadding:
            return "Вычислите (H_in − 1)·stride − 2·padding + dilation·(kernel−1) + 1; output_padding добавляет остаток."
        case .receptiveField: return "На каждом слое r растёт на (kernel−1)·dilation·j, а j умножается на шаг."
        case .parameters: return "Веса: C_out·(C_in/groups)·kH·kW, плюс C_out смещений."
        case .multiplications: return "Одно умножение на вес для каждой позиции выхода: (C_in/groups)·kH·kW·C_out·H_out·W_out."
        case .denseParameters, .denseMultiplications:
            return "Полносвязный слой соединяет каждое входное значение с каждым выходным: C_in·H_in·W_in · K (плюс K смещений)."
        case .valid: return "Помещается ли ядро в дополненный вход, совпадают ли каналы, допустимы ли аргументы?"
        }
    }
}
