import ConvCore

/// Answers the questions a 1-D or 3-D exercise can ask: the output shape and size, parameters,
/// multiplications, and whether PyTorch accepts the layers.
enum FamilySolver {
    /// The kinds a 1-D or 3-D exercise asks.
    static let kinds: [QuestionKind] = [.shape, .size, .parameters, .multiplications, .valid]

    static func solve(_ question: Question, _ family: FamilySetup, _ lang: Language) throws(SolveProblem) -> Solution {
        switch question {
        case let .shape(layer), let .size(layer):
            let output = try ranOutput(family, layer)
            let spatial = Array(output.dropFirst(2))
            let size = question.kind == .size
            let expected = size ? shapeText(spatial) : shapeText(output)
            return Solution(expected: expected, steps: traceSteps(family, through: layer, lang)) { answer in
                guard let numbers = AnswerReading.integers(answer) else { return .unreadable(question.kind.answerFormat) }
                if size { return numbers == spatial || (Set(spatial).count == 1 && numbers == [spatial[0]]) ? .right : .wrong }
                return numbers == output || numbers == Array(output.dropFirst()) ? .right : .wrong
            }
        case let .parameters(layer):
            try checkRuns(family)
            let chosen = layer.map { [$0] } ?? Array(family.layers.indices)
            let counted = chosen.filter { family.layers[$0].parameterCount > 0 }
            let total = chosen.reduce(0) { .saturatingSum($0, family.layers[$1].parameterCount) }
            var steps = counted.compactMap { index -> String? in
                let l = family.layers[index]
                return Formulas.parameterStep(name: l.name, weight: l.weightShape, bias: l.biasCount, total: l.parameterCount)
                    .map { label(family, index) + $0 }
            }
            if counted.count > 1 {
                steps.append(lang.pick("total", "всего") + " = " + counted.map { "\(family.layers[$0].parameterCount)" }.joined(separator: " + ") + " = \(total)")
            }
            return try Solver.count(total, steps: steps, kind: question.kind)
        case let .multiplications(layer):
            try checkRuns(family)
            let chosen = layer.map { [$0] } ?? Array(family.layers.indices)
            let each = chosen.map { index in (index, family.multiplicationFactors(index).map { Int.saturatingProduct(of: $0) } ?? 0) }
            let counted = each.filter { $0.1 > 0 }
            let total = each.reduce(0) { .saturatingSum($0, $1.1) }
            var steps = counted.map { index, count in
                let factors = family.multiplicationFactors(index)!.map(String.init).joined(separator: "·")
                return label(family, index) + "\(family.layers[index].name): \(factors) = \(count)"
            }
            if counted.count > 1 { steps.append(lang.pick("total", "всего") + " = " + counted.map { "\($0.1)" }.joined(separator: " + ") + " = \(total)") }
            return try Solver.count(total, steps: steps, kind: question.kind)
        case .valid:
            let steps = family.failure.map { f in
                [label(family, f.index) + "\(family.layers[f.index].name) " + lang.pick("raises", "выдаёт ошибку")
                 + " \(f.error.pythonType): \(f.error.message)"]
            } ?? [lang.pick("PyTorch runs it", "PyTorch выполняет слои") + ": " + ([family.inputShape] + family.outputs.compactMap { $0 }).map(shapeText).joined(separator: " → ")]
            return Solver.valid(failure: family.failure?.error.message, steps: steps, lang)
        default:
            throw SolveProblem(key: "ask", message: notAsked(question.kind, family))
        }
    }

    /// Why `kind` is not asked of these layers, and what is.
    static func notAsked(_ kind: QuestionKind, _ family: FamilySetup) -> String {
        "ask = \"\(kind.rawValue)\" is asked of Conv2d layers; a \(family.layers[0].name) exercise asks "
            + kinds.map(\.rawValue).joined(separator: ", ")
    }

    /// `(2) ` before a layer of a list of several, nothing for one layer.
    static func label(_ family: FamilySetup, _ index: Int) -> String { family.layers.count > 1 ? "(\(index)) " : "" }

    static func checkRuns(_ family: FamilySetup) throws(SolveProblem) {
        if let failure = family.failure { throw SolveProblem(key: "ask", message: brokenMessage(family, failure)) }
    }

    static func ranOutput(_ family: FamilySetup, _ index: Int) throws(SolveProblem) -> [Int] {
        if let output = family.outputs[index] { return output }
        guard let failure = family.failure else { throw SolveProblem(key: "ask", message: "the layers do not run on this input") }
        throw SolveProblem(key: "ask", message: brokenMessage(family, failure))
    }

    static func brokenMessage(_ family: FamilySetup, _ failure: FamilySetup.Failure) -> String {
        "the layers break at (\(failure.index)) \(family.layers[failure.index].name): \(failure.error.pythonType): "
            + "\(failure.error.message) (ask = \"valid\" asks about that)"
    }

    /// One line per layer up to `last` (`(0) Conv1d: 1×3×10 → 1×8×8`), then its size formulas.
    static func traceSteps(_ family: FamilySetup, through last: Int, _ lang: Language) -> [String] {
        var steps: [String] = []
        let several = family.layers.count > 1
        for index in 0...last {
            guard let output = family.outputs[index] else { break }
            let input = family.inputs[index]
            if several { steps.append("(\(index)) \(family.layers[index].name): \(shapeText(input)) → \(shapeText(output))") }
            steps += family.sizeSteps(index, input: input, lang).map { several ? "    " + $0 : $0 }
            if !several {
                steps.append(lang.pick("C_out = \(output[1]), so the output is \(shapeText(output))",
                                       "C_out = \(output[1]), значит, форма выхода \(shapeText(output))"))
            }
        }
        return steps
    }
}
