import ConvCore

/// The question in words when the teacher gives no `prompt`, in English or Russian.
enum Prompts {
    static func prompt(for question: Question, _ setup: ExerciseSetup, _ lang: Language) -> String {
        lang == .ru ? russian(question, setup) : english(question, setup)
    }

    static func english(_ question: Question, _ setup: ExerciseSetup) -> String {
        let on = setup.summary
        let layerName = { (k: Int) in setup.layerCount == 1 ? "the output" : "the output of layer (\(k)) \(setup.layerName(k))" }
        switch question {
        case let .shape(k): return "What is the shape of \(layerName(k)) of \(on)?"
        case let .size(k): return "What \(setup.family?.axisNames.count == 1 ? "is" : "are") \(sizeNames(setup, .en)) of \(layerName(k)) of \(on)?"
        case let .value(k, c, y, x):
            return "With input \(setup.fill.argument) and all-ones weights, what is \(layerName(k))[0, \(c), \(y), \(x)] of \(on)?"
        case let .padding(goal):
            return goal == .same ? "Which padding keeps the size (H_out = H_in, W_out = W_in) for \(on)?"
                : "Which padding halves the size (H_out = H_in/2, W_out = W_in/2) for \(on)?"
        case let .stride(t): return "Which stride, in place of the one written, gives a \(t.h)×\(t.w) output for \(on)?"
        case let .kernel(t): return "Which kernel size, in place of the one written, gives a \(t.h)×\(t.w) output for \(on)?"
        case let .outputPadding(k, t):
            let goal = t.map { "a \($0.h)×\($0.w) output" } ?? "the size of the skip it is concatenated with"
            return "Which output_padding must layer (\(k)) have to give \(goal), in \(on)?"
        case let .receptiveField(k): return "How large is the receptive field of one cell of \(layerName(k)) of \(on)?"
        case let .parameters(k):
            return "How many learnable parameters (weights and biases) has \(k.map { "layer (\($0)) of \(on)" } ?? on)?"
        case let .multiplications(k):
            return "How many weight multiplications does \(k.map { "layer (\($0)) of \(on)" } ?? on) need?"
        case .denseParameters:
            return "How many parameters would a dense layer with as many outputs need instead of \(on)?"
        case .denseMultiplications:
            return "How many multiplications would a dense layer with as many outputs need instead of \(on)?"
        case .valid: return "Does PyTorch accept \(on)? Answer yes, or no and why."
        }
    }

    /// The course notes' words: выход (output), ядро (kernel), шаг (stride), расширение (padding).
    static func russian(_ question: Question, _ setup: ExerciseSetup) -> String {
        let input = "на входе " + shapeText(setup.inputShape)
        let listed = setup.writtenLayers.enumerated().map { "(\(setup.names.indices.contains($0.offset) ? setup.names[$0.offset] : "\($0.offset)")) \($0.element)" }.joined(separator: " → ")
        let single = setup.writtenLayers.count == 1
        // Genitive after для/вместо; the model's accusative (модель) after «примет ли».
        let on = single ? "\(setup.writtenLayers[0]) \(input)" : "модели \(listed) \(input)"
        let accepted = single ? on : "модель \(listed) \(input)"
        let output = { (k: Int) in setup.layerCount == 1 ? "выход" : "выход слоя (\(k)) \(setup.layerName(k))" }
        let outputOf = { (k: Int) in setup.layerCount == 1 ? "выхода" : "выхода слоя (\(k)) \(setup.layerName(k))" }
        switch question {
        case let .shape(k): return "Какова форма \(outputOf(k)) для \(on)?"
        case let .size(k): return "\(setup.family?.axisNames.count == 1 ? "Каков" : "Каковы") \(sizeNames(setup, .ru)) \(outputOf(k)) для \(on)?"
        case let .value(k, c, y, x):
            return "Вход \(setup.fill.argument), все веса равны 1: чему равен \(output(k))[0, \(c), \(y), \(x)] для \(on)?"
        case let .padding(goal):
            return goal == .same ? "Какое расширение (padding) сохраняет размер (H_out = H_in, W_out = W_in) для \(on)?"
                : "Какое расширение (padding) уменьшает размер вдвое (H_out = H_in/2, W_out = W_in/2) для \(on)?"
        case let .stride(t): return "Какой шаг (stride) вместо записанного даст выход \(t.h)×\(t.w) для \(on)?"
        case let .kernel(t): return "Какой размер ядра (kernel_size) вместо записанного даст выход \(t.h)×\(t.w) для \(on)?"
        case let .outputPadding(k, t):
            let goal = t.map { "выход \($0.h)×\($0.w)" } ?? "размер карты признаков, с которой его соединяют (skip)"
            return "Какой output_padding нужен слою (\(k)), чтобы получить \(goal), для \(on)?"
        case let .receptiveField(k): return "Каково рецептивное поле одной ячейки \(outputOf(k)) для \(on)?"
        case let .parameters(k):
            return "Сколько обучаемых параметров (весов и смещений) \(k.map { "в слое (\($0))" } ?? "всего") для \(on)?"
        case let .multiplications(k):
            return "Сколько умножений на веса нужно \(k.map { "в слое (\($0))" } ?? "всего") для \(on)?"
        case .denseParameters:
            return "Сколько параметров понадобилось бы полносвязному слою с тем же числом выходов вместо \(on)?"
        case .denseMultiplications:
            return "Сколько умножений понадобилось бы полносвязному слою с тем же числом выходов вместо \(on)?"
        case .valid: return "Примет ли PyTorch \(accepted)? Ответьте «да» или «нет» и почему."
        }
    }

    /// `H_out and W_out`, `L_out`, `D_out, H_out and W_out`: the output sizes a size question asks.
    static func sizeNames(_ setup: ExerciseSetup, _ lang: Language) -> String {
        let names = setup.family?.axisNames ?? ["H_out", "W_out"]
        guard names.count > 1 else { return names[0] }
        return names.dropLast().joined(separator: ", ") + lang.pick(" and ", " и ") + names.last!
    }
}
