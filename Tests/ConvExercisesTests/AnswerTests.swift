import Testing
@testable import ConvExercises

/// Answers are read liberally, the answers file has its rules, and recorded sheets read back the same.
@Suite struct AnswerTests {
    static let lab = try! ExerciseLoader.load("""
        title = "Three"
        [[exercise]]
        layer = "Conv2d(3, 8, 3, stride=2, padding=1)"
        input = [1, 3, 8, 8]
        ask = "shape"
        [[exercise]]
        layer = "Conv2d(3, 8, 5)"
        input = [1, 3, 16, 16]
        ask = "padding"
        [[exercise]]
        layer = "Conv2d(3, 8, 9)"
        input = [1, 3, 8, 8]
        ask = "valid"
        """, language: .en)

    func verdict(_ question: Int, _ answer: String) -> Verdict {
        Self.lab.exercises[question].solution.verdict(for: answer)
    }

    @Test(arguments: ["1x8x4x4", "1×8×4×4", "[1, 8, 4, 4]", " 1 x 8 x 4 x 4 ", "(1,8,4,4)", "8x4x4", "1*8*4*4",
                      "1х8х4х4", "1 Х 8 Х 4 Х 4"])
    func shapeSpellings(_ answer: String) { #expect(verdict(0, answer) == .right) }

    @Test func wrongAndUnreadableShapes() {
        #expect(verdict(0, "1x8x5x5") == .wrong)
        #expect(verdict(0, "four") == .unreadable(QuestionKind.shape.answerFormat))
        #expect(verdict(0, "   ") == .skipped)
    }

    @Test func paddingAcceptsEveryValueThatWorks() {
        for answer in ["2", "same", "'same'", "(2, 2)", "2x2"] { #expect(verdict(1, answer) == .right, "\(answer)") }
        for answer in ["1", "valid", "3"] { #expect(verdict(1, answer) == .wrong, "\(answer)") }
    }

    @Test func validityTakesNoAndAReason() {
        for answer in ["no", "No: the kernel is larger than the padded input", "invalid", "NO."] {
            #expect(verdict(2, answer) == .right, "\(answer)")
        }
        #expect(verdict(2, "yes") == .wrong)
        #expect(verdict(2, "maybe") == .unreadable(QuestionKind.valid.answerFormat))
    }

    @Test func answersFileNumbersCommentsAndOrder() throws {
        let sheet = try AnswerSheet.parse("# mine\n\n1x8x4x4\n3: no\n", questionCount: 3)
        #expect(sheet.answers == [1: "1x8x4x4", 3: "no"])
        let report = GradeReport(lab: Self.lab, sheet: sheet)
        #expect(report.score == 2)
        #expect(report.questions.map(\.result) == ["right", "skipped", "right"])
        #expect(report.text.hasSuffix("Score: 2/3\n"))
        #expect(report.json.contains("\"score\" : 2"))
    }

    @Test func answersFileMistakesNameTheirLine() {
        #expect(throws: ExerciseFileError(line: 2, "answers: question 7 does not exist: the lab has 1…3")) {
            try AnswerSheet.parse("1: 1x8x4x4\n7: 3\n", questionCount: 3)
        }
        // A number past Int is quoted as typed, not read as question 0.
        #expect(throws: ExerciseFileError(line: 2, "answers: question 999999999999999999999 does not exist: the lab has 1…3")) {
            try AnswerSheet.parse("1: 1x8x4x4\n999999999999999999999: 5\n", questionCount: 3)
        }
        #expect(throws: ExerciseFileError(line: 1, "answers: question 0 does not exist: the lab has 1…3")) {
            try AnswerSheet.parse("000: 5\n", questionCount: 3)
        }
        #expect(throws: ExerciseFileError(line: 4, "answers: one answer more than the 3 questions")) {
            try AnswerSheet.parse("a\nb\nc\nd\n", questionCount: 3)
        }
        #expect(throws: ExerciseFileError(line: 3, "answers: question 1 is answered twice (lines 1 and 3); keep one")) {
            try AnswerSheet.parse("1: 1x8x4x4\n2: no\n1: 1x8x5x5\n", questionCount: 3)
        }
    }

    /// A Russian gradebook or session names an answers file's mistakes in Russian, line and all.
    @Test func answersFileMistakesInRussian() {
        do {
            _ = try AnswerSheet.parse("1: 1x8x4x4\n7: 3\n", questionCount: 3, language: .ru)
            Issue.record("question 7 of 3 was read")
        } catch {
            #expect(error.text(.ru) == "строка 2: ответы: вопроса 7 нет: в работе вопросы 1…3")
        }
        #expect(throws: ExerciseFileError(line: 3, "ответы: на вопрос 1 ответ дан дважды (строки 1 и 3); оставьте один")) {
            try AnswerSheet.parse("1: 1x8x4x4\n2: no\n1: 1x8x5x5\n", questionCount: 3, language: .ru)
        }
        #expect(throws: ExerciseFileError(line: 4, "ответы: на один ответ больше, чем вопросов (3)")) {
            try AnswerSheet.parse("a\nb\nc\nd\n", questionCount: 3, language: .ru)
        }
    }

    @Test func aRecordedSheetReadsBackTheSame() throws {
        var sheet = AnswerSheet()
        sheet.record("1×8×4×4", for: 1)
        sheet.record("no: kernel\ntoo big", for: 3)
        let text = sheet.text(title: "Three", questionCount: 3)
        #expect(text == "# Answers for: Three\n# One line per question: N: answer (- = skipped).\n1: 1×8×4×4\n2: -\n3: no: kernel too big\n"
                + "# Answers given since, each replacing that question's line above:\n")
        #expect(try AnswerSheet.parse(text, questionCount: 3) == sheet)
    }
}
