import ConvCore

/// Questions that search one argument of a single Conv2d (padding, stride, kernel) for a target
/// size. An answer is judged by running it: any value that gives the target is right.
enum PaddingSolver {
    /// The Conv2d of a one-layer setup.
    static func conv(_ setup: ExerciseSetup, _ kind: QuestionKind) throws(SolveProblem) -> Conv2dLayer {
        guard setup.isSingleLayer, case let .conv2d(layer) = setup.layers[0] else {
            throw SolveProblem(key: "ask", message: "\(kind.rawValue) questions need one Conv2d layer (layer = \"Conv2d(…)\")")
        }
        return layer
    }

    /// H_out × W_out of `layer` on the setup's input, or nil when PyTorch refuses it.
    static func outputSize(_ layer: Conv2dLayer, _ setup: ExerciseSetup) -> SpatialPair? {
        let trace = StackTrace(inputShape: setup.inputShape, layers: [.conv2d(layer)])
        return trace.outputShape.map { SpatialPair($0[2], $0[3]) }
    }

    static func solve(_ goal: SizeGoal, _ setup: ExerciseSetup, _ lang: Language) throws(SolveProblem) -> Solution {
        let layer = try conv(setup, .padding)
        let input = SpatialPair(setup.inputShape[2], setup.inputShape[3])
        if goal == .half && (input.h % 2 != 0 || input.w % 2 != 0) {
            throw SolveProblem(key: "goal", message: "goal = \"half\" needs an even input height and width, got \(input.h)×\(input.w)")
        }
        let target = goal == .same ? input : SpatialPair(input.h / 2, input.w / 2)
        @Sendable func gives(_ padding: PaddingSpec) -> Bool {
            var trial = layer
            trial.padding = padding
            return outputSize(trial, setup) == target
        }
        let range = ParameterID.paddingH.range
        // Smallest symmetric padding per axis; 'same' when only PyTorch's uneven split reaches it.
        let ph = range.first { p in outputOnAxis(layer, setup, .height, p) == target.h }
        let pw = range.first { p in outputOnAxis(layer, setup, .width, p) == target.w }
        let expected: String
        if let ph, let pw, gives(.explicit(h: ph, w: pw)) {
            expected = ph == pw ? "\(ph)" : "(\(ph), \(pw))"
        } else if goal == .same && gives(.same) {
            expected = "same"
        } else {
            throw SolveProblem(key: "goal", message: "no padding makes \(layer.pytorchRepr) give \(target.h)×\(target.w) on \(input.h)×\(input.w)")
        }
        var shown = layer
        if expected == "same" { shown.padding = .same } else { shown.padding = .explicit(h: ph!, w: pw!) }
        let steps = [Formulas.convAxis("H_out", input: input.h, layer: shown, axis: .height, lang),
                     Formulas.convAxis("W_out", input: input.w, layer: shown, axis: .width, lang)]
        return Solution(expected: expected, steps: steps) { answer in
            let word = AnswerReading.word(answer)
            if word == "same" || word == "'same'" || word == "\"same\"" { return gives(.same) ? .right : .wrong }
            if word == "valid" || word == "'valid'" || word == "\"valid\"" { return gives(.valid) ? .right : .wrong }
            guard let pair = AnswerReading.pair(answer) else { return .unreadable(QuestionKind.padding.answerFormat) }
            guard range.contains(pair.h), range.contains(pair.w) else { return .wrong }
            return gives(.explicit(h: pair.h, w: pair.w)) ? .right : .wrong
        }
    }

    /// The output size on one axis with symmetric padding `p` on that axis.
    static func outputOnAxis(_ layer: Conv2dLayer, _ setup: ExerciseSetup, _ axis: PaddingSpec.Axis, _ p: Int) -> Int? {
        var trial = layer
        trial.padding = .explicit(h: p, w: p)
        return UNetSizing.outputSizeFunction(of: .conv2d(trial), axis: axis)?(axis == .height ? setup.inputShape[2] : setup.inputShape[3])
    }

    /// The stride or kernel size that gives `target`.
    static func solveArgument(_ kind: QuestionKind, target: SpatialPair, _ setup: ExerciseSetup, _ lang: Language) throws(SolveProblem) -> Solution {
        let layer = try conv(setup, kind)
        let range = kind == .stride ? ParameterID.strideH.range : ParameterID.kernelSizeH.range
        @Sendable func with(_ h: Int, _ w: Int) -> Conv2dLayer {
            var trial = layer
            if kind == .stride { trial.stride = SpatialPair(h, w) } else { trial.kernelSize = SpatialPair(h, w) }
            return trial
        }
        func axisGives(_ axis: PaddingSpec.Axis, _ v: Int) -> Bool {
            let trial = with(v, v)
            let size = axis == .height ? setup.inputShape[2] : setup.inputShape[3]
            return UNetSizing.outputSizeFunction(of: .conv2d(trial), axis: axis)?(size) == target[axis]
        }
        guard let h = range.first(where: { axisGives(.height, $0) }), let w = range.first(where: { axisGives(.width, $0) }),
              outputSize(with(h, w), setup) == target else {
            throw SolveProblem(key: "target", message: "no \(kind.rawValue) in \(range.lowerBound)…\(range.upperBound) makes "
                + "\(layer.pytorchRepr) give \(target.h)×\(target.w)")
        }
        let shown = with(h, w)
        let steps = [Formulas.convAxis("H_out", input: setup.inputShape[2], layer: shown, axis: .height, lang),
                     Formulas.convAxis("W_out", input: setup.inputShape[3], layer: shown, axis: .width, lang)]
        return Solution(expected: h == w ? "\(h)" : "(\(h), \(w))", steps: steps) { answer in
            guard let pair = AnswerReading.pair(answer) else { return .unreadable(kind.answerFormat) }
            guard range.contains(pair.h), range.contains(pair.w) else { return .wrong }
            return outputSize(with(pair.h, pair.w), setup) == target ? .right : .wrong
        }
    }
}
