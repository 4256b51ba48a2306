/// What `--record` writes after an answer: the one line that changed, appended to the file, and
/// the whole sheet for when the file must be written anew (first, or after a failed write).
/// Appending keeps Enter's cost the same at 40,000 questions as at 5; rewriting the whole file
/// at every answer grew with the lab.
public struct AnswerRecord: Equatable, Sendable {
    /// The question answered (1-based).
    public let number: Int
    /// Every answer given so far.
    public let sheet: AnswerSheet
    public let title: String
    public let questionCount: Int

    /// The record of `sheet` after question `number` was answered.
    public init(number: Int, sheet: AnswerSheet, title: String, questionCount: Int) {
        self.number = number; self.sheet = sheet; self.title = title; self.questionCount = questionCount
    }

    /// The line appended for this answer: `N: answer`, or `N: -` when it was skipped or cleared.
    public var line: String { "\(number): \(sheet.answers[number] ?? "-")\n" }

    /// The whole file, as `--answers` reads it.
    public var text: String { sheet.text(title: title, questionCount: questionCount) }
}
