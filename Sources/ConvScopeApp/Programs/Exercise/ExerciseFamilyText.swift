import ConvCore
import ConvExercises

extension ExerciseSetupText {
    /// A 1-D or 3-D exercise's layers, each with its output shape (`?` where the question hides it,
    /// PyTorch's exception type once revealed where a layer is refused).
    func familyLines(_ family: FamilySetup, width: Int) -> [String] {
        let l = language
        var lines = ["\(family.layers.count == 1 ? ExerciseText.layer(l) : ExerciseText.model(l)), \(ExerciseText.input(l)) \(shape(family.inputShape)):"]
        for index in family.layers.indices {
            lines += TextWrap.lines(["(\(index))"] + Self.arguments(family.layers[index].pytorchRepr)
                                        + ["\(glyphs.arrowRight) \(familyOutput(family, index))"],
                                    lead: "  ", indent: "      ", width: width)
        }
        return lines
    }

    /// `1×8×10`, `1×8×?` for a size question, `?` past the asked layer.
    func familyOutput(_ family: FamilySetup, _ index: Int) -> String {
        guard let output = family.outputs[index] else {
            if revealed, let failure = family.failure, failure.index == index { return failure.error.pythonType }
            return revealed ? glyphs.dash : "?"
        }
        if revealed { return shape(output) }
        let hidden = [Int](repeating: -1, count: output.count - 2)
        switch (exercise.question, hiddenFrom) {
        case (.shape(let k), _) where k == index: return shape([output[0]] + [-1] + hidden)
        case (.size(let k), _) where k == index: return shape([output[0], output[1]] + hidden)
        case (_, let first?) where index >= first: return "?"
        default: return shape(output)
        }
    }
}
