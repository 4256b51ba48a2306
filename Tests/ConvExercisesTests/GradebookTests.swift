@testable import ConvExercises
import Testing

/// The gradebook's CSV quotes what needs quoting, and a variant word is the same seed everywhere.
@Suite struct GradebookTests {
    @Test func fileNamesWithCommasAndQuotesStayOneField() throws {
        let lab = try ExerciseLoader.load("title = \"t\"\n[[exercise]]\nlayer = \"Conv2d(1, 1, 3)\"\ninput = [1, 1, 8, 8]\nask = \"shape\"\n", language: .en)
        let book = Gradebook(lab: lab, files: [
            ("smith, anna.txt", .success(AnswerSheet(answers: [1: "1x1x6x6"]))),
            ("the \"best\".txt", .success(AnswerSheet(answers: [1: "6x6x6"]))),
            ("broken.txt", .failure(ExerciseFileError(line: 3, "answers: question 1 is answered twice (lines 1 and 3); keep one"))),
        ])
        #expect(book.csv == "file,score,total,error,q1\r\n"
            + "\"smith, anna.txt\",1,1,,right\r\n"
            + "\"the \"\"best\"\".txt\",0,1,,wrong\r\n"
            + "broken.txt,,1,line 3: answers: question 1 is answered twice (lines 1 and 3); keep one,\r\n")
        #expect(book.columns.map(\.right) == [1] && book.columns.map(\.graded) == [2])
        #expect(book.refused.map(\.file) == ["broken.txt"])
    }

    /// FNV-1a of the lower-cased word: pinned, so a lab handed out today is the same lab next year.
    @Test func variantWordsHashTheSameOnEveryMachine() {
        #expect(LabVariant("anna").seed == 10_861_779_068_342_936_763)
        #expect(LabVariant(" Anna\n").seed == LabVariant("anna").seed)
        #expect(LabVariant("Мария Иванова").seed == 17_902_156_583_210_908_573)
        #expect(LabVariant("7").seed == 7 && LabVariant("7").word == "7")
    }
}
