import ConvCore

/// The question in words when the teacher gives no `prompt`.
enum Prompts {
    static func prompt(for question: Question, _ setup: ExerciseSetup) -> String {
        let on = setup.summary
        let layerName = { (k: Int) in setup.isSingleLayer ? "the output" : "the output of layer (\(k)) \(setup.layers[k].name)" }
        switch question {
        case let .shape(k): return "What is the shape of \(layerName(k)) of \(on)?"
        case let .size(k): return "What are H_out and W_out of \(layerName(k)) of \(on)?"
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
}
