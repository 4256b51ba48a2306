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
            case let .unreadable(format): ("unreadable", "type \(format)")
            case .skipped: ("skipped", nil)
            }
            return GradedQuestion(number: exercise.number, id: exercise.id, kind: exercise.question.kind.rawValue,
                                  prompt: exercise.prompt, answer: answer, result: result,
                                  expected: exercise.solution.expected, steps: exercise.solution.steps, hint: hint)
        }
        score = questions.filter { $0.result == "right" }.count
    }

    /// The report as text: one block per question, then `Score: 5/10`.
    public var text: String {
        var lines = [title, ""]
        for q in questions {
            let answered = q.answer.isEmpty ? "(no answer)" : q.answer
            lines.append("\(q.number). [\(q.id)] \(q.result.uppercased()): \(q.prompt)")
            lines.append("   answer:   \(answered)")
            lines.append("   expected: \(q.expected)")
            if let hint = q.hint { lines.append("   hint:     \(hint)") }
            lines += q.steps.map { "     " + $0 }
            lines.append("")
        }
        lines.append("Score: \(score)/\(total)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (keys sorted, so runs compare byte for byte).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
