import ConvCore

/// Why a question cannot be answered for its setup, and the file key to blame.
struct SolveProblem: Error {
    let key: String
    let message: String
}

/// Computes each question's answer from the setup: the file never holds answers.
enum Solver {
    /// The answer and its working in `lang` (the answer words too: yes/no, да/нет).
    static func solve(_ question: Question, _ setup: ExerciseSetup, _ lang: Language) throws(SolveProblem) -> Solution {
        if let family = setup.family { return try FamilySolver.solve(question, family, lang) }
        let trace = setup.trace
        switch question {
        case let .shape(layer), let .size(layer):
            let output = try ranOutput(trace, layer)
            let size = question.kind == .size
            let expected = size ? "\(output[2])×\(output[3])" : shapeText(output)
            return Solution(expected: expected, steps: Formulas.traceSteps(trace, through: layer, lang)) { answer in
                guard let numbers = AnswerReading.integers(answer) else { return .unreadable(question.kind.answerFormat) }
                if size { return numbers == [output[2], output[3]] || (output[2] == output[3] && numbers == [output[2]]) ? .right : .wrong }
                return numbers == output || numbers == Array(output.dropFirst()) ? .right : .wrong
            }
        case let .value(layer, channel, y, x):
            return try value(setup, layer: layer, channel: channel, y: y, x: x, lang)
        case let .padding(goal):
            return try PaddingSolver.solve(goal, setup, lang)
        case let .stride(target), let .kernel(target):
            return try PaddingSolver.solveArgument(question.kind, target: target, setup, lang)
        case let .outputPadding(layer, target):
            return try outputPadding(setup, layer: layer, target: target, lang)
        case let .receptiveField(layer):
            _ = try ranOutput(trace, layer)
            guard let field = trace.layers[layer].field else {
                throw SolveProblem(key: "at", message: "layer (\(trace.names[layer])) has no receptive field convscope can follow")
            }
            let expected = field.h.size == field.w.size ? "\(field.h.size)" : "\(field.h.size)×\(field.w.size)"
            let steps = trace.layers.prefix(layer + 1).enumerated().compactMap { index, step -> String? in
                guard let f = step.field else { return nil }
                let r = f.h.size == f.w.size ? "\(f.h.size)" : "\(f.h.size)×\(f.w.size)"
                let j = f.h.jump == f.w.jump ? "\(f.h.jump)" : "\(f.h.jump)×\(f.w.jump)"
                return "(\(trace.names[index])) \(step.layer.name): r = \(r), j = \(j)"
            }
            return Solution(expected: expected, steps: steps) { answer in
                guard let pair = AnswerReading.pair(answer) else { return .unreadable(question.kind.answerFormat) }
                return Fraction(pair.h) == field.h.size && Fraction(pair.w) == field.w.size ? .right : .wrong
            }
        case let .parameters(layer):
            if trace.failure != nil { throw SolveProblem(key: "ask", message: brokenMessage(trace)) }
            let chosen = chosenLayers(trace, layer)
            let total = chosen.reduce(0) { .saturatingSum($0, $1.step.parameterCount) }
            let counted = chosen.filter { $0.step.parameterCount > 0 }
            var steps = counted.compactMap { item in Formulas.parameterStep(item.step.layer).map { item.label + $0 } }
            if counted.count > 1 { steps.append(lang.pick("total", "всего") + " = " + counted.map { "\($0.step.parameterCount)" }.joined(separator: " + ") + " = \(total)") }
            return try count(total, steps: steps, kind: question.kind)
        case let .multiplications(layer):
            if trace.failure != nil { throw SolveProblem(key: "ask", message: brokenMessage(trace)) }
            let chosen = chosenLayers(trace, layer)
            let total = chosen.reduce(0) { .saturatingSum($0, $1.step.multiplications) }
            let counted = chosen.filter { $0.step.multiplications > 0 }
            var steps = counted.map { item -> String in
                let step = item.step
                guard let w = step.layer.weightShape, case .conv2d = step.layer, let out = step.outputShape else {
                    return "\(item.label)\(step.layer.name): \(step.multiplications)"
                }
                return "\(item.label)\(step.layer.name): \(w[1])·\(w[2])·\(w[3])·\(w[0])·\(out[2])·\(out[3]) = \(step.multiplications)"
            }
            if counted.count > 1 { steps.append(lang.pick("total", "всего") + " = " + counted.map { "\($0.step.multiplications)" }.joined(separator: " + ") + " = \(total)") }
            return try count(total, steps: steps, kind: question.kind)
        case .denseParameters, .denseMultiplications:
            return try dense(question.kind, setup, lang)
        case .valid:
            if let refusal = setup.refusal {
                let label = refusal.index.map { "(\($0)) " } ?? ""
                return valid(failure: refusal.message, steps: ["\(label)\(refusal.text) " + lang.pick("raises", "выдаёт ошибку")
                                                                + " \(refusal.pythonType): \(refusal.message)"], lang)
            }
            let failure = trace.failure
            let steps = failure.map { f in
                ["(\(f.index)) \(trace.layers[f.index].layer.name) " + lang.pick("raises", "выдаёт ошибку") + " \(f.error.pythonType): \(f.error.message)"]
            } ?? [lang.pick("PyTorch runs it", "PyTorch выполняет слои") + ": \(trace.shapeLine)"]
            return valid(failure: failure?.error.message, steps: steps, lang)
        }
    }

    /// "Is it valid?": yes, or no with PyTorch's `failure` message; a no is right with any reason.
    static func valid(failure: String?, steps: [String], _ lang: Language) -> Solution {
        let expected = failure.map { lang.pick("no", "нет") + ": \($0)" } ?? lang.pick("yes", "да")
        return Solution(expected: expected, steps: steps) { answer in
            let word = AnswerReading.word(answer)
            // Russian labs are answered in Russian too: да / нет.
            let yes = ["yes", "y", "valid", "true", "ok", "да", "д"].contains(word)
            let no = ["no", "n", "invalid", "false", "нет", "н"].contains(word)
                || ["no ", "no:", "no,", "no.", "no -", "no—", "invalid ", "нет ", "нет:", "нет,", "нет."].contains { word.hasPrefix($0) }
                || (failure.map { word.contains($0.lowercased()) } ?? false)
            guard yes || no else { return .unreadable(QuestionKind.valid.answerFormat) }
            return (failure == nil) == yes ? .right : .wrong
        }
    }

    /// Layer `index`, or every layer of the model when nil, each with its `(k) ` label for a model.
    static func chosenLayers(_ trace: StackTrace, _ index: Int?) -> [(label: String, step: LayerTrace)] {
        let indices = index.map { [$0] } ?? Array(trace.layers.indices)
        return indices.map { (trace.layers.count > 1 ? "(\(trace.names[$0])) " : "", trace.layers[$0]) }
    }

    /// The output shape of layer `index`, or a problem when the model breaks before or at it.
    static func ranOutput(_ trace: StackTrace, _ index: Int) throws(SolveProblem) -> [Int] {
        guard let output = trace.layers[index].outputShape else { throw SolveProblem(key: "ask", message: brokenMessage(trace)) }
        return output
    }

    static func brokenMessage(_ trace: StackTrace) -> String {
        guard let failure = trace.failure else { return "the layers do not run on this input" }
        return "the layers break at (\(failure.index)) \(trace.layers[failure.index].layer.name): \(failure.error.message)"
            + " (ask = \"valid\" asks about that)"
    }

    static func count(_ total: Int, steps: [String], kind: QuestionKind) throws(SolveProblem) -> Solution {
        // A count past Int is no answer a student can be graded against: the question is refused.
        if total.isSaturated {
            throw SolveProblem(key: "ask", message: "\(kind.rawValue) is past \(Int.max), more than convscope counts exactly; ask about a smaller layer")
        }
        return Solution(expected: "\(total)", steps: steps) { answer in
            let digits = answer.filter { $0 != " " && $0 != "_" && $0 != "'" && $0 != "," && $0 != " " }
            guard let number = Int(digits) else { return .unreadable(kind.answerFormat) }
            return number == total ? .right : .wrong
        }
    }

    /// output[0, c, y, x] of layer `layer` for the setup's input, all-ones weights and zero biases.
    static func value(_ setup: ExerciseSetup, layer: Int, channel: Int, y: Int, x: Int, _ lang: Language) throws(SolveProblem) -> Solution {
        let output = try ranOutput(setup.trace, layer)
        guard channel < output[1], y < output[2], x < output[3], min(channel, y, x) >= 0 else {
            throw SolveProblem(key: "cell", message: "cell [\(channel), \(y), \(x)] is outside the output \(shapeText(output)): "
                + "allowed o 0…\(output[1] - 1), y 0…\(output[2] - 1), x 0…\(output[3] - 1)")
        }
        // Only the cone of the cell is computed: the part of each map before the asked layer that
        // the cell depends on (30 Conv2d(64, 64, 3, padding=1) at 1024² read 61×61 input cells).
        let windows = CellCone.windows(setup.trace, asked: layer, y: y, x: x)
        try checkValueWork(setup, through: layer, windows: windows)
        let (layerInput, skip) = CellCone.inputs(setup, asked: layer, windows: windows)
        let result = CellValue.value(of: setup.layers[layer], input: layerInput, skip: skip, channel: channel, y: y, x: x)
        guard result.isFinite else {
            throw SolveProblem(key: "cell", message: "output[0, \(channel), \(y), \(x)] is \(numberText(result)), "
                + "a value no typed answer can be graded against; ask about another cell or layer")
        }
        let expected = numberText(result)
        let inputText = shapeText(setup.inputShape), fill = setup.fill.argument
        let of = setup.isSingleLayer ? "" : lang.pick(" of (\(setup.names[layer]))", " слоя (\(setup.names[layer]))")
        var steps = [lang.pick("input \(fill) on \(inputText), all-ones weights, zero bias",
                               "вход \(fill) формы \(inputText), все веса равны 1, смещение 0")]
        if layer > 0 {
            steps.append(lang.pick("layer (\(setup.names[layer])) \(setup.layers[layer].name) reads the output of (\(setup.names[layer - 1])), \(shapeText(layerInput.shape))",
                                   "слой (\(setup.names[layer])) \(setup.layers[layer].name) читает выход слоя (\(setup.names[layer - 1])), \(shapeText(layerInput.shape))"))
        }
        if let sum = ValueWorking.steps(setup, layer: layer, input: layerInput, skip: skip, channel: channel, y: y, x: x,
                                                         value: result, lang) {
            steps += sum
        } else {
            steps.append(lang.pick("output", "выход") + "\(of)[0, \(channel), \(y), \(x)] = \(expected)")
        }
        // All-ones weights on whole-number inputs give whole numbers through sums and maxima: an
        // answer one off is an arithmetic slip, not rounding. Divisions and curves keep a tolerance.
        let exact = ValueWorking.isExact(setup, through: layer) && abs(result) < 16_777_216
        let tolerance = exact ? 0 : 1e-3 * max(1, abs(result))
        var solution = Solution(expected: expected, steps: steps) { answer in
            guard let number = AnswerReading.number(answer) else { return .unreadable(QuestionKind.value.answerFormat) }
            if exact { return number == result ? .right : .wrong }
            return abs(number - result) <= tolerance ? .right : .wrong
        }
        solution.tolerance = tolerance
        return solution
    }

    /// What a value question may cost: its answer computes the cone of its cell (`CellCone`), the
    /// part of the input and of each map before the asked layer that the cell depends on (all
    /// channels), so those parts, the weights of the layers before and the multiplications the
    /// parts make are bounded before any tensor is built (an input of [1, 4096, 1024, 1024] alone
    /// asked for 16 GiB when it was made whole).
    static let valueLimits = (mapValues: 64 << 20, weights: StackLimits.weightsComputed, multiplications: 20_000_000_000)
    /// The most taps the asked Conv2d's cell adds up (4096 channels of 32×32).
    static let cellTaps = 1 << 22

    /// Refuses, in one line naming the limit, a value question whose cone is too large to compute.
    static func checkValueWork(_ setup: ExerciseSetup, through layer: Int, windows: [MapWindow?]) throws(SolveProblem) {
        let before = setup.trace.layers.prefix(layer)
        var largest = 0, multiplications = 0
        for (map, window) in windows.enumerated() {
            guard let window, let shape = map == 0 ? setup.inputShape : setup.trace.layers[map - 1].outputShape else { continue }
            largest = max(largest, .saturatingProduct(shape[1], window.rows.count, window.columns.count))
        }
        for (index, step) in before.enumerated() {
            guard let input = step.inputShape, let output = step.outputShape, let window = windows[index + 1],
                  let read = windows[index] else { continue }
            // The layer's multiplications over the parts of its input and output computed.
            let parts = ([1, input[1], read.rows.count, read.columns.count], [1, output[1], window.rows.count, window.columns.count])
            multiplications = .saturatingSum(multiplications, step.layer.multiplications(input: parts.0, output: parts.1))
        }
        let weights = before.reduce(0) { .saturatingSum($0, $1.parameterCount) }
        // The asked Conv2d's cell lists its taps (and the working writes them out) one by one.
        if case let .conv2d(asked) = setup.layers[layer],
           case let taps = Int.saturatingProduct(asked.inChannels / asked.groups, asked.kernelSize.h, asked.kernelSize.w),
           taps > cellTaps {
            throw SolveProblem(key: "ask", message: "a value question adds up its cell's taps one by one, up to \(cellTaps) "
                + "(in_channels / groups × kernel height × kernel width); this one has \(taps)")
        }
        let limits = valueLimits
        guard largest <= limits.mapValues, weights <= limits.weights, multiplications <= limits.multiplications else {
            throw SolveProblem(key: "ask", message: "a value question computes the part of its input and of each layer before "
                + "the asked one that its cell depends on, up to \(limits.mapValues) values a map (64×1024×1024), \(limits.weights) "
                + "weights and \(limits.multiplications) multiplications; this one needs \(largest), \(weights) and \(multiplications)")
        }
    }

    /// `36` for whole values, else up to 4 decimals (`4.5`).
    static func numberText(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        // Python's words for what has no four decimals that fit Int (LeakyReLU(negative_slope=1e300) makes them).
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if abs(value) >= 1e14 { return "\(value)" }
        var text = String(format4: value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func outputPadding(_ setup: ExerciseSetup, layer: Int, target: SpatialPair?, _ lang: Language) throws(SolveProblem) -> Solution {
        guard case let .convTranspose2d(transposed) = setup.layers[layer] else {
            throw SolveProblem(key: "at", message: "output_padding is asked of a ConvTranspose2d; layer (\(setup.names[layer])) is \(setup.layers[layer].name)")
        }
        guard let input = setup.trace.layers[layer].inputShape else { throw SolveProblem(key: "ask", message: brokenMessage(setup.trace)) }
        let inputPair = SpatialPair(input[2], input[3])
        let goal: SpatialPair
        let answer: (h: Int?, w: Int?)
        if let target {
            goal = target
            answer = UNetSizing.outputPadding(for: transposed, input: inputPair, target: target)
        } else {
            guard let found = UNetSizing.outputPaddingForCat(trace: setup.trace, index: layer),
                  case let .cat(cat) = setup.layers[layer + 1], let skip = setup.trace.layers[cat.skip].outputShape else {
                throw SolveProblem(key: "target", message: "give target = [H, W], or put a Cat right after layer (\(setup.names[layer]))")
            }
            goal = SpatialPair(skip[2], skip[3])
            answer = found
        }
        guard let h = answer.h, let w = answer.w else {
            throw SolveProblem(key: "target", message: "no output_padding below stride or dilation turns \(inputPair.h)×\(inputPair.w) into \(goal.h)×\(goal.w)")
        }
        var without = transposed
        without.outputPadding = SpatialPair(square: 0)
        let steps = [Formulas.transposedAxis("H_out", input: input[2], layer: without, axis: .height) + lang.pick("; target \(goal.h), so output_padding_h = \(h)", "; нужно \(goal.h), значит, output_padding_h = \(h)"),
                     Formulas.transposedAxis("W_out", input: input[3], layer: without, axis: .width) + lang.pick("; target \(goal.w), so output_padding_w = \(w)", "; нужно \(goal.w), значит, output_padding_w = \(w)")]
        return Solution(expected: h == w ? "\(h)" : "(\(h), \(w))", steps: steps) { typed in
            guard let pair = AnswerReading.pair(typed) else { return .unreadable(QuestionKind.outputPadding.answerFormat) }
            return pair.h == h && pair.w == w ? .right : .wrong
        }
    }

    static func dense(_ kind: QuestionKind, _ setup: ExerciseSetup, _ lang: Language) throws(SolveProblem) -> Solution {
        guard setup.isSingleLayer, case let .conv2d(layer) = setup.layers[0], layer.groups == 1,
              case let .explicit(ph, pw) = layer.padding, ph == pw, layer.inChannels == setup.inputShape[1] else {
            throw SolveProblem(key: "ask", message: "\(kind.rawValue) compares one Conv2d (groups 1, one number for padding) with a dense layer")
        }
        var p = ConvParameters()
        p.hIn = setup.inputShape[2]; p.wIn = setup.inputShape[3]; p.inChannels = layer.inChannels; p.outChannels = layer.outChannels
        p.kernelSizeH = layer.kernelSize.h; p.kernelSizeW = layer.kernelSize.w; p.paddingH = ph; p.paddingW = pw
        p.strideH = layer.stride.h; p.strideW = layer.stride.w; p.dilationH = layer.dilation.h; p.dilationW = layer.dilation.w
        guard let out = p.outputShape else { throw SolveProblem(key: "ask", message: brokenMessage(setup.trace)) }
        let cost = CostModel(p)
        let k = "K = C_out·H_out·W_out = \(out[1])·\(out[2])·\(out[3]) = \(cost.denseOutputs)"
        let n = "\(p.inChannels)·\(p.hIn)·\(p.wIn)"
        if kind == .denseParameters {
            return try count(cost.denseParameters, steps: [k, "(C_in·H_in·W_in + 1)·K = (\(n) + 1)·\(cost.denseOutputs) = \(cost.denseParameters)",
                                                       lang.pick("the conv layer has \(cost.convParameters)",
                                                                 "у свёрточного слоя их \(cost.convParameters)")], kind: kind)
        }
        return try count(cost.denseMultiplications, steps: [k, "C_in·H_in·W_in·K = \(n)·\(cost.denseOutputs) = \(cost.denseMultiplications)",
                                                        lang.pick("the conv layer needs \(cost.convMultiplications)",
                                                                  "свёрточному слою нужно \(cost.convMultiplications)")], kind: kind)
    }
}

extension String {
    /// Four decimals, without Foundation's locale-dependent formatting.
    init(format4 value: Double) {
        let scaled = (value * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 10_000)
        self = "\(sign)\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
