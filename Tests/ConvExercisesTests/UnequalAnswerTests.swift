import Testing
@testable import ConvExercises

/// Answers whose two axes differ, a batch that is not 1, and kernels that exactly fill their input:
/// the cases where h read as w, a dropped batch or an off-by-one at the edge would grade a student
/// wrongly. Every kind of answer is judged with its right value, the axes swapped, and one number.
@Suite("Answers with unequal axes, a wrong batch, an exact fit")
struct UnequalAnswerTests {
    static func lab(_ body: String) throws -> ExerciseSet {
        try ExerciseLoader.load("title = \"Unequal\"\n[[exercise]]\n" + body, language: .en)
    }

    static func verdicts(_ body: String, _ answers: [String]) throws -> [Verdict] {
        let solution = try lab(body).exercises[0].solution
        return answers.map { solution.verdict(for: $0) }
    }

    @Test func aShapeWithAnotherBatchIsWrong() throws {
        let body = "layer = \"Conv2d(3, 8, 3, stride=2, padding=1)\"\ninput = [1, 3, 8, 8]\nask = \"shape\""
        #expect(try Self.verdicts(body, ["1x8x4x4", "8x4x4", "7x8x4x4", "2x8x4x4", "1x8x4x4x1", "1x4x4"])
                == [.right, .right, .wrong, .wrong, .wrong, .wrong])
    }

    @Test func aShapeWithItsHeightAndWidthSwappedIsWrong() throws {
        // Conv2d(3, 8, (5, 3)) on 16×16: 12 rows, 14 columns.
        let body = "layer = \"Conv2d(3, 8, (5, 3))\"\ninput = [1, 3, 16, 16]\nask = \"shape\""
        #expect(try Self.verdicts(body, ["1x8x12x14", "1x8x14x12", "8x12x14", "8x14x12"]) == [.right, .wrong, .right, .wrong])
    }

    @Test func aSizeWithItsHeightAndWidthSwappedIsWrong() throws {
        let body = "layer = \"Conv2d(3, 8, (5, 3))\"\ninput = [1, 3, 16, 16]\nask = \"size\""
        #expect(try Self.verdicts(body, ["12x14", "14x12", "12", "14"]) == [.right, .wrong, .wrong, .wrong])
    }

    @Test func anUnevenPaddingIsReadAsHeightThenWidth() throws {
        // 'same' for a 5×3 kernel: 2 rows and 1 column of zeros on each side.
        let body = "layer = \"Conv2d(3, 8, (5, 3))\"\ninput = [1, 3, 16, 16]\nask = \"padding\""
        let exercise = try Self.lab(body).exercises[0]
        #expect(exercise.solution.expected == "(2, 1)")
        #expect(try Self.verdicts(body, ["(2, 1)", "2x1", "same", "(1, 2)", "2", "1"])
                == [.right, .right, .right, .wrong, .wrong, .wrong])
    }

    @Test func anUnevenStrideIsReadAsHeightThenWidth() throws {
        // On 17×17 with a 3×3 kernel: stride 2 gives 8, stride 1 gives 15.
        let body = "layer = \"Conv2d(3, 8, 3)\"\ninput = [1, 3, 17, 17]\nask = \"stride\"\ntarget = [8, 15]"
        #expect(try Self.lab(body).exercises[0].solution.expected == "(2, 1)")
        #expect(try Self.verdicts(body, ["(2, 1)", "2x1", "(1, 2)", "2", "1"]) == [.right, .right, .wrong, .wrong, .wrong])
    }

    @Test func anUnevenKernelIsReadAsHeightThenWidth() throws {
        let body = "layer = \"Conv2d(3, 8, 3)\"\ninput = [1, 3, 16, 16]\nask = \"kernel\"\ntarget = [14, 12]"
        #expect(try Self.lab(body).exercises[0].solution.expected == "(3, 5)")
        #expect(try Self.verdicts(body, ["(3, 5)", "3x5", "(5, 3)", "3", "5"]) == [.right, .right, .wrong, .wrong, .wrong])
    }

    @Test func anUnevenOutputPaddingIsReadAsHeightThenWidth() throws {
        // (7 − 1)·2 − 2·1 + (3 − 1) + 1 = 13: one more row is needed, no more column.
        let body = "layer = \"ConvTranspose2d(4, 4, 3, stride=2, padding=1)\"\ninput = [1, 4, 7, 7]\nask = \"output_padding\"\ntarget = [14, 13]"
        #expect(try Self.lab(body).exercises[0].solution.expected == "(1, 0)")
        #expect(try Self.verdicts(body, ["(1, 0)", "1x0", "(0, 1)", "1", "0"]) == [.right, .right, .wrong, .wrong, .wrong])
    }

    @Test func anUnevenReceptiveFieldIsReadAsHeightThenWidth() throws {
        let body = "layer = \"Conv2d(3, 8, (5, 3))\"\ninput = [1, 3, 16, 16]\nask = \"rf\""
        #expect(try Self.verdicts(body, ["5x3", "(5, 3)", "3x5", "5", "3"]) == [.right, .right, .wrong, .wrong, .wrong])
    }

    /// A kernel as large as the padded input gives one output, not none: PyTorch runs it.
    @Test func aKernelThatExactlyFillsTheInputGivesOneByOne() throws {
        let kernel = "layer = \"Conv2d(3, 8, 3)\"\ninput = [1, 3, 8, 8]\nask = \"kernel\"\ntarget = [1, 1]"
        #expect(try Self.lab(kernel).exercises[0].solution.expected == "8")
        #expect(try Self.verdicts(kernel, ["8", "8x8", "7", "9"]) == [.right, .right, .wrong, .wrong])
        let padded = "layer = \"Conv2d(3, 8, 3, padding=1)\"\ninput = [1, 3, 8, 8]\nask = \"kernel\"\ntarget = [1, 1]"
        #expect(try Self.lab(padded).exercises[0].solution.expected == "10")
        let shape = "layer = \"Conv2d(3, 8, 8)\"\ninput = [1, 3, 8, 8]\nask = \"shape\""
        #expect(try Self.verdicts(shape, ["1x8x1x1"]) == [.right])
        let valid = "layer = \"Conv2d(3, 8, 8)\"\ninput = [1, 3, 8, 8]\nask = \"valid\""
        #expect(try Self.verdicts(valid, ["yes", "no"]) == [.right, .wrong])
    }

    @Test func aPoolThatExactlyFillsTheInputGivesOneByOne() throws {
        for pool in ["MaxPool2d(8)", "AvgPool2d(8)", "MaxPool2d((8, 4), stride=(1, 4))"] {
            let body = "layers = [\"Conv2d(3, 4, 1)\", \"\(pool)\"]\ninput = [1, 3, 8, 8]\nask = \"shape\""
            let expected = pool.contains("(8, 4)") ? "1×4×1×2" : "1×4×1×1"
            #expect(try Self.lab(body).exercises[0].solution.expected == expected, "\(pool)")
            let valid = "layers = [\"Conv2d(3, 4, 1)\", \"\(pool)\"]\ninput = [1, 3, 8, 8]\nask = \"valid\""
            #expect(try Self.verdicts(valid, ["yes"]) == [.right], "\(pool)")
        }
    }

    @Test func aTransposedLayerGivingOneByOneRuns() throws {
        let body = "layer = \"ConvTranspose2d(2, 2, 1)\"\ninput = [1, 2, 1, 1]\nask = \"valid\""
        #expect(try Self.verdicts(body, ["yes"]) == [.right])
    }
}
