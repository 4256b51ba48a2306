import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// What the key path keeps instead of recomputing at every key gives what recomputing would.
@Suite("Key path caches")
struct KeyPathCostTests {
    /// The list widths counted without writing the cells equal the written cells' widths.
    @Test(arguments: ["skip.txt", "encoder_decoder.txt", "broken_channels.txt", "classic.txt"])
    func listWidthsMatchTheWrittenCells(_ file: String) {
        let trace = StackUpdateTests.model(file).trace
        let widths = StackListWidths(trace)
        let ran = trace.layers.filter { $0.status == .ran }
        #expect(widths.shape == ran.map { $0.outputShape!.map(String.init).joined(separator: "×").count }.max() ?? 0)
        #expect(widths.r == ran.map { $0.field.map { StackTable.pairText($0.h.size, $0.w.size).count } ?? 1 }.max() ?? 0)
        #expect(widths.start == ran.map { $0.field.map { StackTable.pairText($0.h.start, $0.w.start).count } ?? 1 }.max() ?? 0)
        #expect(widths.module == trace.layers.map { $0.layer.pytorchRepr.count }.max() ?? 0)
        for n in [0, 7, -3, 10, 99, 100, -1000, Int.max, Int.min + 1] { #expect(StackListWidths.digits(n) == String(n).count) }
        for (h, w) in [(Fraction(-3, 2), Fraction(-3, 2)), (Fraction(7), Fraction(5)), (Fraction(1, 4), Fraction(-11))] {
            #expect(StackListWidths.pairWidth(h, w) == StackTable.pairText(h, w).count)
        }
    }

    /// The score kept answer by answer equals grading the whole sheet.
    @Test func theKeptScoreIsTheGradedScore() throws {
        var generator = LabGenerator(kinds: [.shape, .padding], variant: 3, maxSize: 16)
        let lab = try ExerciseLoader.load(generator.generate(count: 12, language: .en), language: .en)
        let report = GradeReport(lab: lab, sheet: AnswerSheet())
        var state = ExerciseState(lab: lab, environment: RenderEnvironment(language: .en))
        _ = state.apply(.start(TerminalSize(columns: 100, rows: 30)))
        for (i, exercise) in lab.exercises.enumerated() {
            // Right on every third, wrong otherwise, then one right answer replaced by a wrong one.
            let answer = i % 3 == 0 ? exercise.solution.expected : "9999"
            for character in answer { _ = state.apply(.key(.character(character))) }
            _ = state.apply(.key(.enter))
            #expect(state.score == GradeReport(lab: lab, sheet: state.sheet).score, "question \(i + 1)")
            _ = state.apply(.key(.character(">")))
        }
        #expect(state.score == 4 && report.score == 0)
    }
}
