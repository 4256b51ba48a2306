import ConvCore
/// A student's answers, one per question.
///
/// The file: one answer per line. `N: answer` answers question N (1-based); a line without a
/// number answers the question after the last one answered. `#` starts a comment line; blank
/// lines are ignored; `N:` with nothing after it (or `-`) skips question N, as does leaving it out.
public struct AnswerSheet: Equatable, Sendable {
    /// Question number → the answer as typed.
    public private(set) var answers: [Int: String] = [:]

    /// An empty sheet.
    public init() {}

    /// Answers by question number.
    public init(answers: [Int: String]) { self.answers = answers }

    /// Reads an answers file for a lab of `questionCount` questions; a line that names no question
    /// (0, past the last, or one answer too many) is an error naming that line.
    public static func parse(_ text: String, questionCount: Int, language l: Language = .en) throws(ExerciseFileError) -> AnswerSheet {
        var sheet = AnswerSheet()
        var next = 1
        // Which line answered each question: a second answer is a mistake to name, not to overwrite.
        var answeredOnLine: [Int: Int] = [:]
        // Below the marker a recording appends answers as they are given: a later line replaces an earlier one.
        var replacing = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line == laterAnswersMarker { replacing = true; continue }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var number = next
            var answer = line
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            var numberText = String(next)
            if !digits.isEmpty, line.dropFirst(digits.count).first == ":" {
                // A number past Int (999999999999999999999) is no question either; the message quotes it as typed.
                number = Int(digits) ?? Int.max
                numberText = TerminalText.excerpt(digits.drop { $0 == "0" }.isEmpty ? "0" : String(digits.drop { $0 == "0" }))
                answer = String(line.dropFirst(digits.count + 1)).trimmingSpaces
            }
            guard (1...max(questionCount, 1)).contains(number), questionCount > 0 else {
                let what = number == next
                    ? l.pick("one answer more than the \(questionCount) questions", "на один ответ больше, чем вопросов (\(questionCount))")
                    : l.pick("question \(numberText) does not exist: the lab has 1…\(questionCount)",
                             "вопроса \(numberText) нет: в работе вопросы 1…\(questionCount)")
                throw ExerciseFileError(line: index + 1, l.pick("answers: ", "ответы: ") + what)
            }
            if let first = answeredOnLine[number], !replacing {
                throw ExerciseFileError(line: index + 1, l.pick(
                    "answers: question \(number) is answered twice (lines \(first) and \(index + 1)); keep one",
                    "ответы: на вопрос \(number) ответ дан дважды (строки \(first) и \(index + 1)); оставьте один"))
            }
            answeredOnLine[number] = index + 1
            sheet.record(answer, for: number)
            next = number + 1
        }
        return sheet
    }

    /// Sets question `number`'s answer (on one line); an empty answer or `-` clears it.
    public mutating func record(_ answer: String, for number: Int) {
        let line = answer.replacingOccurrences(of: "\n", with: " ").trimmingSpaces
        answers[number] = line.isEmpty || line == "-" ? nil : line
    }

    /// How every answers file convscope writes begins (`--record` replaces only such files).
    public static let header = "# Answers for: "

    /// The comment after which a recording appends each answer as it is given; below it a
    /// question's later line replaces its earlier one (elsewhere answering twice is an error).
    public static let laterAnswersMarker = "# Answers given since, each replacing that question's line above:"

    /// The file text: a comment naming the lab, then `N: answer` for every question (`N: -` when
    /// skipped), then the marker below which a recording appends.
    public func text(title: String, questionCount: Int) -> String {
        var lines = [Self.header + "\(title.replacingOccurrences(of: "\n", with: " "))",
                     "# One line per question: N: answer (- = skipped)."]
        for number in 1...max(questionCount, 1) where questionCount > 0 {
            let answer = answers[number] ?? ""
            lines.append("\(number): \(answer.isEmpty ? "-" : answer)")
        }
        lines.append(Self.laterAnswersMarker)
        return lines.joined(separator: "\n") + "\n"
    }
}
