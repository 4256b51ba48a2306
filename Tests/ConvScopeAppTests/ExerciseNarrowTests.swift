import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// The exercise's given layer at the smallest window: it wraps between its arguments, so none is
/// cut (at 50×17 it ended in "stride=(1," before).
@Suite("The given layer wraps in narrow windows")
struct ExerciseNarrowTests {
    @Test(arguments: [Language.en, .ru])
    func theLayerIsWholeAt50Columns(language: Language) throws {
        let state = try ExerciseStateTests.session(language: language, size: TerminalSize(columns: 50, rows: 17))
        let screen = ExerciseStateTests.screen(state)
        let lines = screen.split(separator: "\n").map(String.init)
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1))"), "\(screen)")
        // No argument is split inside its tuple.
        #expect(!lines.contains { $0.hasSuffix("(3,") || $0.hasSuffix("(1,") }, "\(screen)")
    }

    @Test func arguments() {
        #expect(ExerciseSetupText.arguments("Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1))")
            == ["Conv2d(3,", "2,", "kernel_size=(3, 3),", "stride=(1, 1))"])
        #expect(ExerciseSetupText.arguments("MaxPool2d(2)") == ["MaxPool2d(2)"])
    }
}
