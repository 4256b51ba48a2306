import Testing
import ConvCore
@testable import ConvScopeApp

/// A course screen opened over the model screen (`ModelProgram.lesson`): it takes the keys and
/// paints the screen, the run loop computes its maps, and Esc with nothing open in it comes back.
@Suite("A lesson over the model screen")
struct ModelLessonTests {
    static func opened() -> (model: ModelProgram, effects: [Effect]) {
        var s = StackUpdateTests.state("skip.txt", columns: 100, rows: 30)
        var lesson = AppState(parameters: s.selectedLayerSettings!)
        lesson.theme = .light
        let effects = s.open(lesson)
        return (s, effects)
    }

    @Test func theLessonTakesTheKeysAndPaintsTheCourseScreen() {
        let (opened, effects) = Self.opened()
        var s = opened
        #expect(effects.contains(.compute(s.lesson!.parameters)), "its maps are asked for as the course screen asks")
        #expect(s.lesson!.terminalSize == TerminalSize(columns: 100, rows: 30) && s.lesson!.theme == .dark,
                "it opens with the model screen's size and theme")
        #expect(s.teaching == s.lesson!, "the run loop computes and clocks the lesson")
        let model = s.stack!
        update(&s, .key(.down))
        #expect(s.lesson!.selected == .wIn && s.stack! == model, "↓ selects the lesson's next row, not a layer row")
        let env = RenderEnvironment(colorDepth: .none, language: .en)
        let course = view(s.lesson!, maps: nil, environment: env).text
        #expect(view(s, environment: env).text == course, "the screen is the course screen's")
    }

    @Test func escWithNothingOpenComesBackToTheModel() {
        var s = Self.opened().model
        update(&s, .key(.character("f")))
        #expect(s.lesson?.panel == .formula)
        update(&s, .key(.escape))
        #expect(s.lesson != nil && s.lesson?.panel == nil, "Esc first closes the lesson's panel")
        update(&s, .key(.character("t")))
        let effects = update(&s, .key(.escape))
        #expect(s.lesson == nil && s.theme == .light, "then it closes the lesson, keeping the theme chosen in it")
        #expect(effects == [.mouseReporting(true)])
        let env = RenderEnvironment(colorDepth: .none, language: .en)
        #expect(view(s, environment: env).text.contains("(0)"), "the stack screen is back")
    }
}
