import ConvCore
import Foundation

/// One question's result.
public struct GradedQuestion: Equatable, Sendable, Codable {
    public let number: Int
    public let id: String
    public let kind: String
    public let prompt: String
    /// What the student typed ("" when skipped).
    public let answer: String
    /// right, wrong, unreadable or skipped.
    public let result: String
    /// convscope's answer.
    public let expected: String
    /// The working, with the numbers.
    public let steps: [String]
    /// The hint (for a wrong or unreadable answer), or what format to type (unreadable).
    public let hint: String?
}

/// A graded answer sheet: every question and the score.
public struct GradeReport: Equatable, Sendable, Codable {
    public let title: String
    public let score: Int
    public let total: Int
    public let questions: [GradedQuestion]

    /// Grades `sheet` against `lab`.
    public init(lab: ExerciseSet, sheet: AnswerSheet) {
        title = lab.title
        total = lab.exercises.count
        questions = lab.exercises.map { exercise in
            let answer = sheet.answers[exercise.number] ?? ""
            let verdict = exercise.solution.verdict(for: answer)
            let (result, hint): (String, String?) = switch verdict {
            case .right: ("right", nil)
            case .wrong: ("wrong", exercise.hint)
            case let .unreadable(format): ("unreadable", "\(GradeText.type(.en)) \(format)")
            case .skipped: ("skipped", nil)
            }
            return GradedQuestion(number: exercise.number, id: exercise.id, kind: exercise.question.kind.rawValue,
                                  prompt: exercise.prompt, answer: answer, result: result,
                                  expected: exercise.solution.expected, steps: exercise.solution.steps, hint: hint)
        }
        score = questions.filter { $0.result == "right" }.count
    }

    /// The report as text: one block per question, then `Score: 5/10`.
    public var text: String { text(.en) }

    /// The report as text with its labels in `l` (the prompts and working are the lab's own).
    public func text(_ l: Language) -> String {
        let labels = [GradeText.answer(l), GradeText.expected(l), GradeText.hint(l)]
        let width = labels.map(\.count).max()! + 1
        func label(_ i: Int) -> String { "   " + labels[i].padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = [title, ""]
        for q in questions {
            let answered = q.answer.isEmpty ? GradeText.noAnswer(l) : q.answer
            lines.append("\(q.number). [\(q.id)] \(GradeText.result(q.result, l)): \(q.prompt)")
            lines.append(label(0) + answered)
            lines.append(label(1) + q.expected)
            if var hint = q.hint {
                // The unreadable answer's hint was made in English: "type <format>".
                let english = GradeText.type(.en) + " "
                if q.result == "unreadable", hint.hasPrefix(english) { hint = GradeText.type(l) + " " + hint.dropFirst(english.count) }
                lines.append(label(2) + hint)
            }
            lines += q.steps.map { "     " + $0 }
            lines.append("")
        }
        lines.append(GradeText.score(score, of: total, l))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (keys sorted, so runs compare byte for byte).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
