import ConvExercises
import Testing
@testable import ConvScopeApp

/// The exercise screen at 80×24: a question, the hints after wrong tries, a reveal, the revealed
/// layer's maps, and the same question in Russian.
@Suite struct ExerciseSnapshotTests {
    typealias T = ExerciseStateTests

    @Test func aQuestion() throws {
        var s = try T.session()
        T.press(&s, "1×2×")
        assertSnapshot(T.screen(s), named: "exercise-question-80x24")
    }

    @Test func aWrongAnswersHints() throws {
        var s = try T.session()
        T.press(&s, "", .escape, .character(">"))
        T.press(&s, "1x8x3x3", .enter)
        assertSnapshot(T.screen(s), named: "exercise-hint-80x24")
        // r opens an empty line: the second try is typed anew.
        T.press(&s, "r1x8x3x3", .enter)
        assertSnapshot(T.screen(s), named: "exercise-hint2-80x24")
    }

    @Test func aReveal() throws {
        var s = try T.session()
        T.press(&s, "", .escape, .character(">"))
        T.press(&s, "1x8x3x3", .enter, .character("v"))
        assertSnapshot(T.screen(s), named: "exercise-reveal-80x24")
        T.press(&s, "m")
        assertSnapshot(T.screen(s), named: "exercise-reveal-maps-80x24")
    }

    @Test func aQuestionInRussian() throws {
        var s = ExerciseState(lab: try T.lab("single-layer-shapes-ru.toml"),
                              environment: RenderEnvironment(colorDepth: .none, language: .ru))
        _ = s.apply(.start(TerminalSize(columns: 80, rows: 24)))
        T.press(&s, "", .escape, .character(">"), .character("1"), .enter)
        assertSnapshot(T.screen(s), named: "exercise-hint-ru-80x24")
    }
}
