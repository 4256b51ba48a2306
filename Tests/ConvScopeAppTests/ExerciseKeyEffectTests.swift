import ConvCore
import ConvExercises
import Testing
@testable import ConvScopeApp

/// Every key of the exercise screen's table, pressed where it acts, and the effect a student sees;
/// both directions of each pair (`<` `>`, scrolling down and up). Expectations are written here,
/// not read from the key table, so a key bound to the wrong command fails.
@Suite struct ExerciseKeyEffectTests {
    typealias S = ExerciseStateTests

    /// A session on question 1 after a wrong answer, the answer line left with Esc.
    static func afterAWrongAnswer() throws -> ExerciseState {
        var s = try S.session(size: .init(columns: 80, rows: 24))
        S.press(&s, "1x1x1x1", .enter)
        S.press(&s, "", .escape)
        #expect(!s.answering && s.current.wrongTries == 1)
        return s
    }

    @Test func rOpensAnEmptyLineForAnotherTry() throws {
        var s = try Self.afterAWrongAnswer()
        S.press(&s, "r")
        #expect(s.answering && s.current.draft.isEmpty && s.current.lastAnswer == "1x1x1x1")
    }

    @Test func aGoesBackToTheAnswerLine() throws {
        var s = try Self.afterAWrongAnswer()
        S.press(&s, "a")
        #expect(s.answering)
    }

    @Test func vRevealsOnlyAfterATry() throws {
        var fresh = try S.session()
        S.press(&fresh, "", .escape)
        S.press(&fresh, "v")
        #expect(!fresh.current.revealed && fresh.notice != nil, "nothing to reveal before a try")
        var s = try Self.afterAWrongAnswer()
        S.press(&s, "v")
        #expect(s.current.revealed && s.page == .working)
    }

    @Test func sSkipsToTheNextQuestion() throws {
        var s = try S.session()
        S.press(&s, "", .escape)
        S.press(&s, "s")
        #expect(s.index == 1 && s.progress[0].skipped)
    }

    @Test func greaterAndLessMoveBothWays() throws {
        var s = try S.session()
        S.press(&s, "", .escape)
        S.press(&s, ">")
        #expect(s.index == 1)
        S.press(&s, "", .escape)
        S.press(&s, ">")
        #expect(s.index == 2)
        S.press(&s, "", .escape)
        S.press(&s, "<")
        #expect(s.index == 1)
    }

    @Test func mOpensTheMapsAfterAnAnswerAndMAgainComesBack() throws {
        var s = try S.session()
        S.press(&s, "1x2x6x6", .enter)
        S.press(&s, "", .escape)
        S.press(&s, "m")
        #expect(s.page == .maps)
        S.press(&s, "m")
        #expect(s.page == .working)
    }

    /// A model question's maps page asks for the model's values as it opens: before, the page
    /// said "computing" until the next key asked for them.
    @Test func mOnAModelQuestionAsksForItsValuesAtOnce() throws {
        var s = ExerciseState(lab: try S.lab("unet-sizes.toml"), environment: RenderEnvironment(language: .en))
        _ = s.apply(.start(.init(columns: 80, rows: 24)))
        S.press(&s, "1x16x7x7", .enter)
        S.press(&s, "", .escape)
        S.press(&s, ">")
        S.press(&s, "7x7", .enter)
        S.press(&s, "", .escape)
        #expect(s.model != nil, "question 2 is about a model")
        let effects = S.press(&s, "m")
        #expect(s.page == .maps)
        #expect(effects.contains { if case .computeStack = $0 { true } else { false } }, "\(effects)")
    }

    /// An answer it cannot read says what it can read in full where the screen has room (80×24:
    /// two lines above the keys), and ends in an ellipsis at a word where it has not (50×17).
    @Test func aLongNoticeWrapsOrEndsInAnEllipsis() throws {
        var wide = try S.session(size: .init(columns: 80, rows: 24))
        S.press(&wide, "abc", .enter)
        let notice = try #require(wide.notice)
        #expect(notice.hasSuffix("[1, 8, 16, 16]"), "\(notice)")
        #expect(S.screen(wide).contains("16, 16]"), "\(S.screen(wide))")
        var narrow = try S.session(size: .init(columns: 50, rows: 17))
        S.press(&narrow, "abc", .enter)
        let lines = S.screen(narrow).split(separator: "\n", omittingEmptySubsequences: false)
        // The notice's last line is the one above the keys.
        let last = lines[lines.count - 2]
        let trimmed = String(last.reversed().drop { $0 == " " }.reversed())
        #expect(trimmed.hasSuffix("16, 16]") || (trimmed.hasSuffix("…") && !trimmed.hasSuffix(" …")), "\(trimmed)")
        #expect(lines.contains { $0.contains("cannot read that answer") })
        #expect(lines.contains { $0.contains("answer ▸ abc") }, "the answer line stays")
    }

    @Test func questionMarkShowsTheKeysAndQAsksFirst() throws {
        var s = try S.session()
        S.press(&s, "", .escape)
        S.press(&s, "?")
        #expect(s.showHelp)
        S.press(&s, "", .escape)
        let effects = S.press(&s, "q")
        #expect(s.confirmingQuit && !effects.contains(.quit(0)), "unanswered questions: q asks")
    }

    /// Every scrolling key moves a working taller than the screen, down then back up.
    @Test(arguments: [(Key.down, Key.up), (.character("j"), .character("k")), (.character("d"), .character("u")),
                      (.pageDown, .pageUp), (.character(" "), .up), (.end, .home)])
    func scrollKeysMoveTheWorkingBothWays(_ keys: (down: Key, up: Key)) throws {
        let lab = try S.lab("unet-sizes.toml")
        var s = ExerciseState(lab: lab, environment: RenderEnvironment(colorDepth: .none, language: .en), records: false)
        _ = s.apply(.start(TerminalSize(columns: 80, rows: 24)))
        // Question 5: its working runs through the ConvTranspose2d and the Cat, past 24 rows.
        for _ in 0..<4 { S.press(&s, "", .escape); S.press(&s, ">") }
        S.press(&s, "1x32x14x14", .enter)
        S.press(&s, "", .escape)
        S.press(&s, "v")
        _ = S.screen(s)
        S.press(&s, "", .home)
        #expect(s.scroll == 0, "Home goes to the top")
        S.press(&s, "", keys.down)
        #expect(s.scroll > 0, "\(keys.down) scrolls down")
        let down = s.scroll
        S.press(&s, "", keys.up)
        #expect(s.scroll < down, "\(keys.up) scrolls back up")
    }
}
