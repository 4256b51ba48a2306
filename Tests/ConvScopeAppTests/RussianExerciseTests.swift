import Foundation
@testable import ConvExercises
import Testing
@testable import ConvScopeApp

/// With Russian, the exercise screen's working, hints and made-up prompts are Russian too, and so
/// is the state file's notice; PyTorch's names and messages stay as PyTorch writes them.
@Suite struct RussianExerciseTests {
    /// Every kind the generator writes, so every kind of working is swept.
    static func russianLab() throws -> ExerciseSet {
        var generator = LabGenerator(kinds: LabGenerator.generatableKinds, variant: 1)
        return try ExerciseLoader.load(generator.generate(count: LabGenerator.generatableKinds.count, language: .ru), language: .ru)
    }

    /// Words that stay: the fill's argument and the kinds in the generated title are the file's and
    /// --kinds' own words; the layer's arguments are PyTorch's names, kH and kW the formulas' symbols.
    static let kept: Set<String> = Set(["ramp-x", "stride", "padding", "dilation", "groups", "kernel", "kH", "kW"]
                                       + LabGenerator.generatableKinds.map(\.rawValue))
    static func english(_ text: String) -> Set<String> { RussianScreenTests.englishWords(text).subtracting(kept) }

    static func withoutPyTorchsMessage(_ step: String) -> String {
        step.range(of: "Error: ").map { String(step[..<$0.upperBound]) } ?? step
    }

    @Test func theWorkingAndHintsOfAGeneratedLabAreRussian() throws {
        let lab = try Self.russianLab()
        #expect(lab.exercises.count == LabGenerator.generatableKinds.count)
        for exercise in lab.exercises {
            var s = ExerciseState(lab: ExerciseSet(title: lab.title, exercises: [exercise]),
                                  environment: RenderEnvironment(colorDepth: .none, language: .ru))
            _ = s.apply(.start(TerminalSize(columns: 120, rows: 40)))
            var screens = [ExerciseStateTests.screen(s)]
            ExerciseStateTests.press(&s, "1", .enter)
            screens.append(ExerciseStateTests.screen(s))
            ExerciseStateTests.press(&s, "2", .enter)
            screens.append(ExerciseStateTests.screen(s))
            ExerciseStateTests.press(&s, "", .character("v"))
            screens.append(ExerciseStateTests.screen(s))
            // PyTorch's message (after `RuntimeError: `) stays English.
            #expect(exercise.solution.steps.allSatisfy { Self.english(Self.withoutPyTorchsMessage($0)).isEmpty }, "\(exercise.id): \(exercise.solution.steps)")
            for screen in screens {
                #expect(Self.english(screen).isEmpty, "\(exercise.id) \(exercise.question.kind): \(Self.english(screen))\n\(screen)")
            }
        }
    }

    @Test func aGeneratedLabsPromptsAreRussianAndWrittenInTheFile() throws {
        var generator = LabGenerator(kinds: LabGenerator.generatableKinds, variant: 3)
        let text = generator.generate(count: 11, language: .ru)
        #expect(text.components(separatedBy: "\nprompt = \"").count - 1 == 11)
        // The file reads the same on an English screen: the prompts are the file's.
        let lab = try ExerciseLoader.load(text, language: .en)
        for exercise in lab.exercises {
            #expect(exercise.prompt.contains { ("а"..."я").contains($0) }, "\(exercise.prompt)")
            #expect(Self.english(exercise.prompt).isEmpty, "\(exercise.prompt): \(Self.english(exercise.prompt))")
        }
        var english = LabGenerator(kinds: LabGenerator.generatableKinds, variant: 3)
        #expect(!english.generate(count: 11, language: .en).contains("prompt ="))
    }

    @Test func theStateFilesNoticeIsRussian() {
        let notice = Notice.savedSessionIgnored(.parameter("h_in"), path: "/tmp/state.json")
        #expect(NoticeText.notice(notice, .ru, .unicodeSet) == "сохранённые параметры не использованы: h_in отсутствует или вне диапазона (/tmp/state.json)")
        #expect(NoticeText.notice(notice, .en, .unicodeSet) == "saved parameters ignored: h_in is missing or out of range (/tmp/state.json)")
        #expect(NoticeText.notice(.savedSessionIgnored(.notAStateFile, path: "s"), .ru, .unicodeSet)
                == "сохранённые параметры не использованы: это не файл состояния convscope (s)")
    }

    /// The Russian labs, the exercise screen and the course notes call padding one thing:
    /// расширение (padding), never «паддинг».
    @Test func russianLabsAndTheScreenSayРасширение() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["single-layer-shapes-ru.toml", "unet-sizes-ru.toml"] {
            let text = try String(contentsOf: root.appendingPathComponent("examples/" + name), encoding: .utf8)
            #expect(!text.lowercased().contains("паддинг"), "\(name)")
        }
        let lab = try Self.russianLab()
        let screen = lab.exercises.flatMap { [$0.prompt, $0.hint] + $0.solution.steps }
            + QuestionKind.allCases.map { ExerciseText.answerFormat($0, .ru) }
        #expect(screen.allSatisfy { !$0.lowercased().contains("паддинг") })
        #expect(ExerciseText.answerFormat(.padding, .ru).contains("расширение (padding)"))
        #expect(lab.exercises.contains { $0.prompt.contains("расширение (padding)") })
    }
}
