import ConvCore
/// Moodle XML (docs.moodle.org, "Moodle XML format"): a `<quiz>` of `<question type="…">` elements,
/// each with `<name>`, `<questiontext>`, `<generalfeedback>` and its `<answer fraction="…">`s.
enum MoodleXML {
    static func quiz(_ lab: ExerciseSet, _ l: Language) -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<quiz>",
                   "  <question type=\"category\">", "    <category><text>\(escaped("$course$/" + lab.title))</text></category>", "  </question>"]
        for exercise in lab.exercises { out += question(exercise, l) }
        out.append("</quiz>")
        return out.joined(separator: "\n") + "\n"
    }

    static func question(_ exercise: Exercise, _ l: Language) -> [String] {
        let answer = LMSExport.answer(exercise)
        let type = switch answer {
        case .number: "numerical"
        case .numbers: "cloze"
        case .truth: "truefalse"
        }
        var text = LMSExport.questionLines(exercise, l).map(htmlParagraph)
        if case let .numbers(accepted) = answer {
            // One NUMERICAL field per number, tolerance 0, between the shape's × signs.
            // Every value the grader takes in a field, as Cloze alternatives (`=2:0~=3:0`).
            text.append("<p>" + accepted.map { "{1:NUMERICAL:" + $0.map { "=\($0):0" }.joined(separator: "~") + "}" }
                .joined(separator: " × ") + "</p>")
        }
        let feedback = LMSExport.feedbackLines(exercise, l).map(htmlParagraph).joined()
        var lines = ["  <question type=\"\(type)\">",
                     "    <name><text>\(escaped("\(exercise.number). \(exercise.id)"))</text></name>",
                     "    <questiontext format=\"html\"><text>\(escaped(text.joined()))</text></questiontext>",
                     "    <generalfeedback format=\"html\"><text>\(escaped(feedback))</text></generalfeedback>",
                     "    <defaultgrade>1</defaultgrade>", "    <penalty>0.3333333</penalty>", "    <hidden>0</hidden>"]
        switch answer {
        case let .number(values, tolerance):
            lines += values.map { right in
                "    <answer fraction=\"100\" format=\"moodle_auto_format\"><text>\(LMSExport.numberText(right))</text>"
                    + "<feedback format=\"html\"><text></text></feedback><tolerance>\(LMSExport.numberText(tolerance))</tolerance></answer>"
            }
            lines += [
                      // Any other number: the hint and the working.
                      "    <answer fraction=\"0\" format=\"moodle_auto_format\"><text>*</text>"
                        + "<feedback format=\"html\"><text>\(escaped(feedback))</text></feedback><tolerance>0</tolerance></answer>"]
        case let .truth(yes):
            let right = "<feedback format=\"html\"><text>\(escaped(htmlParagraph(exercise.solution.expected)))</text></feedback>"
            let wrong = "<feedback format=\"html\"><text>\(escaped(feedback))</text></feedback>"
            lines += ["    <answer fraction=\"\(yes ? 100 : 0)\" format=\"moodle_auto_format\"><text>true</text>\(yes ? right : wrong)</answer>",
                      "    <answer fraction=\"\(yes ? 0 : 100)\" format=\"moodle_auto_format\"><text>false</text>\(yes ? wrong : right)</answer>"]
        case .numbers:
            break
        }
        lines.append("  </question>")
        return lines
    }

    /// One paragraph of HTML, the text escaped; the cloze field syntax's braces and tildes kept out of the prompt.
    static func htmlParagraph(_ text: String) -> String {
        "<p>" + AnswerKey.htmlEscaped(text).replacingOccurrences(of: "{", with: "&#123;").replacingOccurrences(of: "}", with: "&#125;")
            .replacingOccurrences(of: "\n", with: "<br>") + "</p>"
    }

    /// XML's five special characters as entities.
    static func escaped(_ text: String) -> String {
        AnswerKey.htmlEscaped(text).replacingOccurrences(of: "'", with: "&apos;")
    }
}
