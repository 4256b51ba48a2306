import Foundation
import Testing
@testable import ConvExercises

/// The two labs in examples/ load (every `expect` agrees with convscope) and grade.
@Suite struct ExampleLabsTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    static func load(_ name: String) throws -> ExerciseSet {
        let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        return try ExerciseLoader.load(text, language: .en)
    }

    @Test func singleLayerLabLoadsWithItsComputedAnswers() throws {
        let lab = try Self.load("single-layer-shapes.toml")
        #expect(lab.title == "Single-layer shapes")
        #expect(lab.exercises.count == 11)
        let expected = lab.exercises.map(\.solution.expected)
        #expect(expected[0] == "1×2×6×6")
        #expect(expected[1] == "1×8×4×4")
        #expect(lab.exercises[1].solution.steps.contains("H_out = ⌊(8 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = 4"))
        #expect(expected[8] == "no: Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). "
                + "Kernel size can't be greater than actual input size")
        #expect(expected[10] == "1574912")  // (3·16·16 + 1)·(8·16·16), the course notes' dense layer
    }

    @Test func uNetLabLoadsWithItsComputedAnswers() throws {
        let lab = try Self.load("unet-sizes.toml")
        #expect(lab.exercises.map(\.solution.expected) ==
                ["1×16×7×7", "7×7", "0", "1", "1×32×14×14",
                 "no: Sizes of tensors must match except in dimension 1. Expected size 14 but got size 13 for tensor number 1 in the list.",
                 "10", "1248"])
        #expect(lab.exercises[3].solution.steps == [
            "H_out = (7 − 1)·2 − 2·1 + 1·(3−1) + 0 + 1 = 13; target 14, so output_padding_h = 1",
            "W_out = (7 − 1)·2 − 2·1 + 1·(3−1) + 0 + 1 = 13; target 14, so output_padding_w = 1"])
        #expect(lab.exercises[6].solution.steps.last == "(4) MaxPool2d: r = 10, j = 4")
        #expect(lab.exercises[7].solution.steps == ["(0) Conv2d: (1·3·3)·8 + 8 = 80", "(3) Conv2d: (8·3·3)·16 + 16 = 1168",
                                                     "total = 80 + 1168 = 1248"])
    }

    /// The Russian labs ask the same questions in Russian: the same answers, Russian titles and prompts,
    /// and a "valid" question answered да / нет.
    @Test func russianLabsMatchTheEnglishOnes() throws {
        for (english, russian, title) in [("single-layer-shapes.toml", "single-layer-shapes-ru.toml", "Форма выхода одного слоя"),
                                          ("unet-sizes.toml", "unet-sizes-ru.toml", "Размеры маленькой U-Net")] {
            let en = try Self.load(english), ru = try Self.load(russian)
            #expect(ru.title == title)
            #expect(ru.exercises.map(\.solution.expected) == en.exercises.map(\.solution.expected))
            #expect(ru.exercises.map(\.id) == en.exercises.map(\.id))
            #expect(ru.exercises.allSatisfy { $0.prompt.contains { ("а"..."я").contains($0) } }, "every prompt is in Russian")
        }
        let valid = try Self.load("single-layer-shapes-ru.toml").exercises[8]
        #expect(valid.solution.verdict(for: "нет: ядро больше входа") == .right)
        #expect(valid.solution.verdict(for: "да") == .wrong)
        #expect(valid.solution.verdict(for: "может быть") == .unreadable(QuestionKind.valid.answerFormat))
    }
}
