import ConvCore
import ConvExercises

/// What the student is given, in lines: the layer (or the model's trace), the input and output
/// shapes and the locked parameters, with the asked parts written `?` until the reveal.
struct ExerciseSetupText {
    let exercise: Exercise
    let revealed: Bool
    let glyphs: Glyphs
    let language: Language

    var setup: ExerciseSetup { exercise.setup }

    /// "Conv2d(3, 2, kernel_size=(3, 3))" as pieces ending at its top-level commas:
    /// ["Conv2d(3,", "2,", "kernel_size=(3, 3))"].
    static func arguments(_ repr: String) -> [String] {
        var pieces: [String] = [], current = "", depth = 0
        for character in repr {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if character == " ", depth == 1, current.hasSuffix(",") {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        return pieces + (current.isEmpty ? [] : [current])
    }

    func lines(width: Int) -> [String] {
        let l = language
        var lines: [String] = []
        let input = shape(setup.inputShape)
        if let family = setup.family { return familyLines(family, width: width) }
        if let refusal = setup.refusal {
            // PyTorch refuses to build a layer: the layers as the file writes them, their outputs unknown.
            let outcome = revealed ? "\(glyphs.arrowRight) \(refusal.pythonType)" : "\(glyphs.arrowRight) ?"
            lines.append("\(setup.writtenLayers.count == 1 ? ExerciseText.layer(l) : ExerciseText.model(l)), \(ExerciseText.input(l)) \(input):")
            for (index, text) in setup.writtenLayers.enumerated() {
                let last = index == setup.writtenLayers.count - 1
                lines += TextWrap.lines(["(\(index))"] + Self.arguments(text) + (last ? [outcome] : []), lead: "  ", indent: "      ", width: width)
            }
            return lines
        }
        if setup.isSingleLayer {
            // A long layer wraps between its arguments, never inside a tuple (it was cut at 50 columns).
            lines += TextWrap.lines([ExerciseText.layer(l)] + Self.arguments(setup.layers[0].pytorchRepr), indent: "  ", width: width)
            lines += TextWrap.lines(["\(ExerciseText.input(l)) \(input)", "\(glyphs.arrowRight) \(ExerciseText.output(l)) \(outputText(layer: 0))"],
                                    indent: "  ", width: width)
            let words = parameterWords(setup.layers[0])
            if !words.isEmpty {
                // Each piece keeps its separator, so a wrapped line never starts with a dot.
                let pieces = words.enumerated().map { $0.offset < words.count - 1 ? $0.element + " \(glyphs.dot)" : $0.element }
                lines += TextWrap.lines([ExerciseText.parametersLocked(l) + ":"] + pieces, indent: "  ", width: width)
            }
        } else {
            lines.append("\(ExerciseText.model(l)), \(ExerciseText.input(l)) \(input):")
            for index in setup.layers.indices {
                lines += TextWrap.lines(["(\(setup.names[index]))"] + Self.arguments(setup.trace.repr(index))
                                            + ["\(glyphs.arrowRight) \(outputText(layer: index))"],
                                        lead: "  ", indent: "      ", width: width)
            }
        }
        return lines
    }

    /// `1×8×4×4`, or with `?` where the question hides it.
    func outputText(layer index: Int) -> String {
        let trace = setup.trace.layers[index]
        guard let output = trace.outputShape else { return revealed ? glyphs.dash : "?" }
        if revealed { return shape(output) }
        switch (exercise.question, hiddenFrom) {
        case (.shape(let k), _) where k == index: return shape([output[0], -1, -1, -1])
        case (.size(let k), _) where k == index: return shape([output[0], output[1], -1, -1])
        case (_, let first?) where index >= first: return "?"
        default: return shape(output)
        }
    }

    /// The first layer whose output would give the answer away, if any.
    var hiddenFrom: Int? {
        switch exercise.question {
        case .shape(let k), .size(let k), .outputPadding(let k, _): k
        case .valid, .padding, .stride, .kernel: 0
        default: nil
        }
    }

    /// `h_in 8`-style words for the parameter line, the asked one as `?`.
    func parameterWords(_ layer: StackLayer) -> [String] {
        let pair = { (p: SpatialPair) in p.h == p.w ? "\(p.h)" : "\(p.h)\(glyphs.times)\(p.w)" }
        let asked: (String, String) -> String = { name, value in
            switch (exercise.question, name) {
            case (.padding, "padding"), (.stride, "stride"), (.kernel, "kernel_size"), (.outputPadding, "output_padding"):
                revealed ? "\(name) \(value)" : "\(name) ?"
            default: "\(name) \(value)"
            }
        }
        switch layer {
        case .conv2d(let c):
            let padding: String = switch c.padding {
            case .explicit(let h, let w): h == w ? "\(h)" : "\(h)\(glyphs.times)\(w)"
            case .same: "'same'"
            case .valid: "'valid'"
            }
            var words = [asked("in_channels", "\(c.inChannels)"), asked("out_channels", "\(c.outChannels)"),
                         asked("kernel_size", pair(c.kernelSize)), asked("stride", pair(c.stride)),
                         asked("padding", padding), asked("dilation", pair(c.dilation)), asked("groups", "\(c.groups)")]
            if c.paddingMode != .zeros { words.append("padding_mode '\(c.paddingMode.rawValue)'") }
            return words
        case .convTranspose2d(let t):
            return [asked("in_channels", "\(t.inChannels)"), asked("out_channels", "\(t.outChannels)"),
                    asked("kernel_size", pair(t.kernelSize)), asked("stride", pair(t.stride)),
                    asked("padding", pair(t.padding)), asked("output_padding", pair(t.outputPadding)),
                    asked("dilation", pair(t.dilation)), asked("groups", "\(t.groups)")]
        default:
            return []
        }
    }

    /// `1×3×8×8`; -1 is written `?`.
    func shape(_ dims: [Int]) -> String {
        dims.map { $0 < 0 ? "?" : "\($0)" }.joined(separator: glyphs.times)
    }
}
