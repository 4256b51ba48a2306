import ConvCore
import ConvExercises
import Foundation
import Testing
@testable import ConvScopeApp

/// The exercise session's state machine, driven by keys as the run loop delivers them.
@Suite struct ExerciseStateTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

    /// The shipped single-layer lab: q1 shape 1×2×6×6, q2 shape 1×8×4×4, q4 padding 'same' = 2, q7 value 27.
    static func lab(_ name: String = "single-layer-shapes.toml") throws -> ExerciseSet {
        try ExerciseLoader.load(try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8), language: .en)
    }

    static func session(records: Bool = true, language: Language = .en, colorDepth: ColorDepth = .none,
                        size: TerminalSize = .init(columns: 80, rows: 24)) throws -> ExerciseState {
        var state = ExerciseState(lab: try lab(), environment: RenderEnvironment(colorDepth: colorDepth, language: language),
                                  records: records)
        _ = state.apply(.start(size))
        return state
    }

    /// Sends each character of `text` as a key, then the named keys.
    @discardableResult
    static func press(_ state: inout ExerciseState, _ text: String = "", _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for c in text { effects += state.apply(.key(.character(c))) }
        for key in keys { effects += state.apply(.key(key)) }
        return effects
    }

    /// The screen as text, with the revealed layer's maps computed.
    static func screen(_ state: ExerciseState) -> String {
        let maps = state.teachable ? try? ComputedMaps(ConvExperiment(state.teaching.parameters)) : nil
        return state.paint(maps: maps, environment: state.teaching.environment, spinner: 0).text
    }

    @Test func aRightAnswerRevealsScoresAndIsRecorded() throws {
        var s = try Self.session()
        #expect(s.answering && s.index == 0 && s.score == 0)
        let effects = Self.press(&s, "1x2x6x6", .enter)
        #expect(s.current.right && s.current.revealed && !s.answering)
        #expect(s.score == 1)
        guard case .recordAnswers(let record)? = effects.last else { Issue.record("no record effect: \(effects)"); return }
        let text = record.text
        #expect(text.contains("\n1: 1x2x6x6\n2: -\n") && record.line == "1: 1x2x6x6\n")
        // The recorded text is what --answers reads, and grades the same.
        let sheet = try AnswerSheet.parse(text, questionCount: s.lab.exercises.count)
        #expect(GradeReport(lab: s.lab, sheet: sheet).score == s.score)
        let screen = Self.screen(s)
        #expect(screen.contains("Right! 1×2×6×6"))
        #expect(screen.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6"))
        #expect(screen.contains("output 1×2×6×6"))
        #expect(screen.contains("1/11 · score 1/11"))
    }

    @Test func wrongAnswersGiveTheFormulaThenItsNumbersThenTheRevealOnRequest() throws {
        var s = try Self.session()
        #expect(Self.screen(s).contains("output 1×?×?×?"), "the asked shape is hidden")
        Self.press(&s, "1x2x5x5", .enter)
        #expect(s.current.wrongTries == 1 && !s.current.revealed && !s.answering)
        var screen = Self.screen(s)
        #expect(screen.contains("Not right."))
        #expect(screen.contains("Hint: Each axis: H_out = ⌊(H_in + 2·padding − dilation·(kernel−1) − 1) /"))
        #expect(!screen.contains("= 6"))
        #expect(s.score == 0)
        // r retries from an empty line, the last answer shown above it; a second wrong try shows
        // the numbers, not the result.
        Self.press(&s, "r")
        #expect(s.answering && s.current.draft.isEmpty && s.current.lastAnswer == "1x2x5x5")
        let rows = Self.screen(s).split(separator: "\n")
        let last = rows.firstIndex { $0.contains("your answer: 1x2x5x5") }
        #expect(last.map { rows[$0 + 1].hasPrefix(" answer ▸   ") } == true, "an empty line under the last answer: \(rows)")
        Self.press(&s, "1x2x5x4", .enter)
        #expect(s.current.wrongTries == 2 && s.sheet.answers[1] == "1x2x5x4")
        screen = Self.screen(s)
        #expect(screen.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = ?"))
        #expect(screen.contains("C_out = 2, so the output is ?"))
        #expect(!screen.contains("1×2×6×6"))
        Self.press(&s, "v")
        #expect(s.current.revealed && !s.current.right && s.score == 0)
        screen = Self.screen(s)
        #expect(screen.contains("Answer: 1×2×6×6"))
        #expect(screen.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6"))
        // After the reveal no more tries.
        Self.press(&s, "r")
        #expect(!s.answering && s.notice == ExerciseText.alreadyShown(.en))
    }

    @Test func anUnreadableOrEmptyAnswerIsNotATry() throws {
        var s = try Self.session()
        Self.press(&s, "", .enter)
        #expect(s.notice == ExerciseText.empty(.en) && s.answering)
        Self.press(&s, "six", .enter)
        #expect(s.current.wrongTries == 0 && s.answering)
        #expect(s.notice?.hasPrefix("cannot read that answer: type a shape such as 1x8x16x16") == true)
        #expect(s.sheet.answers.isEmpty)
    }

    @Test func skipRecordsADashAndMovesOnAndTheRevealNeedsATry() throws {
        var s = try Self.session()
        Self.press(&s, "", .escape, .character("v"))
        #expect(!s.current.revealed && s.notice == ExerciseText.answerFirst(.en))
        let effects = Self.press(&s, "s")
        #expect(s.index == 1 && s.answering && s.progress[0].skipped)
        guard case .recordAnswers(let record)? = effects.first else { Issue.record("no record effect"); return }
        #expect(record.text.contains("\n1: -\n") && record.line == "1: -\n")
        // Back to the skipped question: its answer can be shown now.
        Self.press(&s, "", .escape, .character("<"), .character("v"))
        #expect(s.index == 0 && s.current.revealed)
        #expect(Self.screen(s).contains("Answer: 1×2×6×6"))
    }

    @Test func progressMovesWithNextAndPreviousWithinTheLab() throws {
        var s = try Self.session()
        Self.press(&s, "", .escape, .character("<"))
        #expect(s.index == 0 && s.notice == ExerciseText.first(.en))
        Self.press(&s, ">")
        #expect(s.index == 1 && s.answering, "an unanswered question opens its answer line")
        Self.press(&s, ">", .backspace, .escape, .character(">"))
        #expect(s.index == 2 && s.answering && s.progress[1].draft.isEmpty)
        #expect(Self.screen(s).contains("3/11 · score 0/11"))
        for _ in 0..<12 { Self.press(&s, "", .escape, .character(">")) }
        #expect(s.index == 10 && s.notice == ExerciseText.last(.en))
    }

    @Test func escapeBacksOutAndNeverQuits() throws {
        var s = try Self.session()
        #expect(Self.press(&s, "12", .escape, .escape, .escape).isEmpty)
        #expect(!s.answering && s.current.draft == "12")
        Self.press(&s, "", .enter)
        #expect(s.answering, "Enter goes back to the answer line")
    }

    @Test func qAsksFirstWhileQuestionsAreUnanswered() throws {
        var s = try Self.session()
        #expect(Self.press(&s, "q").isEmpty && s.current.draft == "q", "q types in the answer line")
        Self.press(&s, "", .backspace, .escape)
        #expect(Self.press(&s, "q").isEmpty)
        #expect(s.notice == "11 questions not answered yet: q again quits, any other key stays")
        Self.press(&s, "x")
        #expect(!s.confirmingQuit && Self.press(&s, "q").isEmpty, "another key cancels the question")
        #expect(Self.press(&s, "q") == [.quit(0)])
        #expect(Self.press(&s, "", .control("c")) == [.quit(0)], "Ctrl-C quits at once")
    }

    @Test func theRevealedLayerTeachesWithItsParametersLocked() throws {
        var s = try Self.session()
        Self.press(&s, "", .escape, .character("m"))
        #expect(s.page == .working && s.notice == ExerciseText.answerFirst(.en))
        Self.press(&s, "", .enter)
        Self.press(&s, "1x2x6x6", .enter, .character("m"))
        #expect(s.page == .maps && s.teachable)
        #expect(s.teaching.parameters.outChannels == 2 && s.teaching.parameters.hIn == 8)
        let before = s.teaching.parameters
        for key in [Key.right, .left, .pageUp, .home, .character("5"), .character("L")] {
            #expect(Self.press(&s, "", key).isEmpty)
            #expect(s.teaching.parameters == before && s.notice == ExerciseText.locked(.en), "\(key)")
        }
        // The inspector, the padded view and the panels work on the revealed layer.
        Self.press(&s, "", .tab)
        #expect(s.teaching.focus == .output && s.notice == nil)
        Self.press(&s, "", .right)
        #expect(s.teaching.outputCursor == CellCursor(channel: 0, y: 0, x: 1))
        Self.press(&s, "pf")
        #expect(s.teaching.paddedView && s.teaching.panel == .formula)
        let screen = Self.screen(s)
        #expect(screen.hasPrefix(" exercise 1/11 · score 1/11"))
        Self.press(&s, "m")
        #expect(s.page == .working)
    }

    @Test func aValueQuestionShowingMapsHidesTheOutputUntilTheAnswer() throws {
        // With colours the 8×8 maps are drawn with their numbers.
        var s = try Self.session(colorDepth: .palette256)
        for _ in 0..<7 { Self.press(&s, "", .escape, .character(">")) }
        #expect(s.exercise.id == "padded-corner" && s.previewsMaps)
        Self.press(&s, "", .escape, .character("m"))
        #expect(s.page == .maps)
        // Before the answer the whole output is hidden: no cell, no scale, no row to mirror the asked one.
        let hidden = Self.screen(s)
        #expect(hidden.contains("output: hidden until you answer"), "\(hidden)")
        #expect(!hidden.contains("18  24  30  36  26"), "no row of the output is drawn: \(hidden)")
        // Before the answer the inspector would tell the value: the course screen's keys wait.
        Self.press(&s, "", .tab)
        #expect(s.teaching.focus == .parameters && s.notice == ExerciseText.answerFirst(.en))
        Self.press(&s, "m", .enter)
        Self.press(&s, "2", .enter, .character("m"), .tab)
        #expect(s.current.right && s.page == .maps && s.teaching.focus == .output)
        // Beside the eighteen-row panel the sum is told in counts: 4 input taps and 5 padding zeros.
        let screen = Self.screen(s)
        #expect(screen.contains("output[0, 0, 0] = Σ 1 ch × 3×3 taps = 4 input taps +") && screen.contains("5 padding zeros = 2"),
                "\(screen)")
    }

    @Test func aModelOpensOnTheStackScreenWithItsLayersLocked() throws {
        var s = ExerciseState(lab: try Self.lab("unet-sizes.toml"), environment: RenderEnvironment(colorDepth: .none, language: .en))
        let started = s.apply(.start(TerminalSize(columns: 80, rows: 24)))
        #expect(started.count == 1 && started.allSatisfy { if case .computeStack = $0 { true } else { false } },
                "the stack screen asks for its own values, no single layer's")
        if case let .computeStack(model, _)? = started.first {
            #expect(s.apply(.stackComputed(model, model.run())).isEmpty && s.model?.stack?.run != nil)
        }
        #expect(s.teachable && s.model?.stack != nil)
        let screen = Self.screen(s)
        #expect(screen.contains("→ 1×?×?×?"), "the asked layer's shape is hidden in the trace")
        #expect(screen.contains("(0) Conv2d(1, 8, kernel_size=(3, 3)"))
        Self.press(&s, "1x16x7x7", .enter, .character("m"))
        #expect(s.current.right && s.page == .maps)
        #expect(Self.screen(s).hasPrefix(" exercise 1/8 · score 1/8"))
        let model = s.model?.stack?.model
        for key in ["x", "a", "i"] {
            Self.press(&s, key)
            #expect(s.model?.stack?.model == model && s.notice == ExerciseText.locked(.en), "\(key)")
            #expect(s.model?.stack?.prompt == nil, "no layer prompt opens: \(key)")
        }
        #expect(Self.screen(s).hasPrefix(" the parameters are locked in an exercise"))
        Self.press(&s, ">")
        #expect(s.index == 1 && s.model?.stack?.model.inputShape == [1, 1, 30, 30])
    }

    @Test func anInputOtherThanTheRampHasItsWorkingButNoMaps() throws {
        let text = "title = \"Lab\"\n[[exercise]]\nlayer = \"Conv2d(1, 1, 3)\"\ninput = [1, 1, 5, 5]\nfill = \"ramp-y\"\n"
            + "ask = \"value\"\ncell = [0, 0, 0]\n"
        var s = ExerciseState(lab: try ExerciseLoader.load(text, language: .en), environment: RenderEnvironment(colorDepth: .none, language: .en))
        _ = s.apply(.start(TerminalSize(columns: 80, rows: 24)))
        #expect(!s.teachable)
        Self.press(&s, "9", .enter, .character("m"))
        #expect(s.current.right && s.page == .working && s.notice == ExerciseText.noMaps(.en))
    }

    @Test func theScreenSpeaksTheEnvironmentsLanguage() throws {
        var s = try Self.session(language: .ru)
        Self.press(&s, "1x2x5x5", .enter)
        let screen = Self.screen(s)
        #expect(screen.contains("вопрос 1 из 11"))
        #expect(screen.contains("Неверно."))
        #expect(screen.contains("Подсказка: По каждой оси"))
        #expect(screen.contains("r ещё раз · v показать ответ · s пропустить"))
        Self.press(&s, "q")
        #expect(s.notice == "без ответа 10 вопросов: q ещё раз — выйти, любая другая клавиша — остаться")
    }
}
