import ConvCore
/// A lab for the LMS the school already uses: Moodle's GIFT and Moodle XML (as documented at
/// docs.moodle.org, "GIFT format" and "Moodle XML format"). Numbers are numerical questions, shapes
/// and pairs one field per number, "is it valid?" true/false; the feedback carries the hint and the
/// working. Nothing varies between runs, so the same lab exports byte for byte the same.
public enum LMSExport {
    public enum Format: Sendable { case gift, moodleXML }

    /// What the LMS checks an answer against.
    public enum Answer: Equatable, Sendable {
        /// One number, right within `tolerance`: every value the grader takes, the expected first.
        case number([Double], tolerance: Double)
        /// Several whole numbers typed in one line (a shape, H×W, a pair): per field, every value
        /// the grader takes there, the expected first.
        case numbers([[Int]])
        /// Yes (true) or no (false).
        case truth(Bool)
    }

    /// The answer of `exercise` as an LMS checks it.
    public static func answer(_ exercise: Exercise) -> Answer {
        let expected = exercise.solution.expected
        if exercise.question.kind == .valid { return .truth(exercise.setup.runs) }
        if exercise.question.kind == .value, let value = AnswerReading.number(expected) {
            return .number([value], tolerance: exercise.solution.tolerance)
        }
        var numbers = AnswerReading.integers(expected) ?? []
        // A padding, stride or kernel: the grader takes every pair that gives the target, so a pair
        // with h ≠ w among them makes it a pair question (a square one also reads as one number).
        if [.padding, .stride, .kernel].contains(exercise.question.kind), numbers.count == 1,
           let pairs = combinations(acceptedValues(exercise, expected: [numbers[0], numbers[0]])),
           pairs.contains(where: { $0[0] != $0[1] }) {
            numbers = [numbers[0], numbers[0]]
        }
        let accepted = acceptedValues(exercise, expected: numbers)
        if numbers.count == 1, exercise.question.kind != .shape { return .number(accepted[0].map(Double.init), tolerance: 0) }
        return .numbers(accepted)
    }

    /// The spellings of `numbers` the grader reads as the same answer (a shape also without its batch).
    public static func spellings(_ numbers: [Int], shape: Bool) -> [String] {
        var forms = [numbers]
        // A shape also without its batch (1×C×L, 1×C×H×W, 1×C×D×H×W); equal sizes also as one number.
        if shape, numbers.count >= 3 { forms.append(Array(numbers.dropFirst())) }
        if !shape, numbers.count >= 2, Set(numbers).count == 1 { forms.append([numbers[0]]) }
        var all: [String] = []
        for form in forms {
            let parts = form.map(String.init)
            if parts.count == 1 { all.append(parts[0]); continue }
            for separator in ["x", "×", "*", "\u{445}", " x ", " × ", ", ", ",", " "] { all.append(parts.joined(separator: separator)) }
            all += ["[" + parts.joined(separator: ", ") + "]", "(" + parts.joined(separator: ", ") + ")"]
        }
        return all
    }

    /// The whole lab in `format`, its labels in `l`.
    public static func text(_ lab: ExerciseSet, format: Format, language l: Language) -> String {
        format == .gift ? gift(lab, l) : MoodleXML.quiz(lab, l)
    }

    /// The question shown to the student: the prompt, then what is given.
    static func questionLines(_ exercise: Exercise, _ l: Language) -> [String] {
        [exercise.prompt] + SetupLines.lines(exercise.setup, l)
    }

    /// The feedback after a wrong answer: the hint, the answer and the working.
    static func feedbackLines(_ exercise: Exercise, _ l: Language) -> [String] {
        [l.pick("Hint: ", "Подсказка: ") + exercise.hint, l.pick("Answer: ", "Ответ: ") + exercise.solution.expected]
            + (exercise.solution.steps.isEmpty ? [] : [l.pick("Working:", "Решение:")] + exercise.solution.steps)
    }

    /// A number as GIFT and Moodle read it: `36`, `2.2222`.
    static func numberText(_ value: Double) -> String { Solver.numberText(value) }

    // MARK: GIFT

    static func gift(_ lab: ExerciseSet, _ l: Language) -> String {
        var blocks = ["// " + giftComment(lab.title) + "\n// " + l.pick("Made by convscope exercise --export gift.", "Сделано командой convscope exercise --export gift.")
                      + "\n$CATEGORY: $course$/" + giftCategory(lab.title)]
        for exercise in lab.exercises {
            let title = "::" + giftEscaped("\(exercise.number). \(exercise.id)") + "::[moodle]"
            let text = questionLines(exercise, l).map(giftEscaped).joined(separator: "\\n")
            let feedback = feedbackLines(exercise, l).map(giftEscaped).joined(separator: "\\n")
            let answer: String
            switch Self.answer(exercise) {
            case let .number(values, tolerance):
                // Every value the grader takes: `{#=2:0 =3:0}` where another also gives the target.
                let right = values.count == 1 ? numberText(values[0]) + ":" + numberText(tolerance)
                    : values.map { "=" + numberText($0) + ":" + numberText(tolerance) }.joined(separator: " ")
                answer = "{#\(right) ####\(feedback)}"
            case let .numbers(fields):
                let pairs = combinations(fields) ?? [fields.map { $0[0] }]
                let accepted = pairs.flatMap { spellings($0, shape: exercise.question.kind == .shape) }.map { "=" + giftEscaped($0) }
                answer = "{" + accepted.joined(separator: " ") + " ####\(feedback)}"
            case let .truth(yes):
                answer = "{\(yes ? "TRUE" : "FALSE")#\(feedback)#\(giftEscaped(exercise.solution.expected))}"
            }
            blocks.append("// \(exercise.number). \(giftComment(exercise.id)) (\(exercise.question.kind.rawValue))\n" + title + text + answer)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// GIFT's special characters escaped with a backslash, line breaks written `\n`.
    static func giftEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\" + String(c)
            case "\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A comment line's text: on one line.
    static func giftComment(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }

    /// A category name: letters, digits and underscores (Moodle's GIFT category line ends at a space).
    static func giftCategory(_ title: String) -> String {
        let words = title.split { !($0.isLetter || $0.isNumber) }
        return words.isEmpty ? "convscope" : words.joined(separator: "_")
    }
}
