import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// A lab on Conv1d, Conv3d and transposed layers answered on the exercise screen: the layers and
/// their shapes are written with the asked part hidden, answers are graded, the reveal shows it.
@Suite struct FamilyExerciseScreenTests {
    typealias T = ExerciseStateTests

    static func session(_ language: Language, columns: Int = 80, rows: Int = 24) throws -> ExerciseState {
        var s = ExerciseState(lab: try T.lab(language == .ru ? "family-sizes-ru.toml" : "family-sizes.toml"),
                              environment: RenderEnvironment(colorDepth: .none, language: language))
        _ = s.apply(.start(TerminalSize(columns: columns, rows: rows)))
        return s
    }

    @Test func aSequenceQuestionHidesItsShapeUntilAnswered() throws {
        var s = try Self.session(.en)
        #expect(!s.teachable, "no 2-D course screen stands for a Conv1d")
        var screen = T.screen(s)
        #expect(screen.contains("(0) Conv1d(16, 32, kernel_size=(3,), stride=(1,), padding=(1,)) → 1×?×?"), "\(screen)")
        T.press(&s, "1x32x99", .enter)
        #expect(!s.current.right)
        T.press(&s, "", .character("r"))
        T.press(&s, "32x100", .enter)
        #expect(s.current.right)
        screen = T.screen(s)
        #expect(screen.contains("→ 1×32×100"), "\(screen)")
    }

    @Test func aVolumeSizeQuestionKeepsItsChannelsAndHidesDHW() throws {
        var s = try Self.session(.en)
        for _ in 0..<7 { T.press(&s, "", .escape, .character(">")) }
        #expect(s.index == 7)
        let screen = T.screen(s)
        #expect(screen.contains("What are D_out, H_out and W_out"), "\(screen)")
        #expect(screen.contains("→ 1×16×?×?×?"), "\(screen)")
        assertSnapshot(screen, named: "exercise-conv3d-size-80x24")
        T.press(&s, "16x56x56", .enter)
        #expect(s.current.right)
    }

    @Test func aRefusedLayerIsAnsweredNoInRussian() throws {
        var s = try Self.session(.ru, columns: 50, rows: 17)
        for _ in 0..<14 { T.press(&s, "", .escape, .character(">")) }
        #expect(s.exercise.id == "conv3d-groups")
        #expect(T.screen(s).contains("→ ?"))
        T.press(&s, "нет", .enter)
        #expect(s.current.right)
        #expect(T.screen(s).contains("ValueError"), "\(T.screen(s))")
    }
}
