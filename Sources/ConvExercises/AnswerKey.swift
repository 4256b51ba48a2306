import ConvCore
/// The formats the answer key is written in.
public enum KeyFormat: String, CaseIterable, Sendable {
    case text, markdown, html
}

/// A lab's answer key: every question with what the student is given, the answer and the working.
public struct AnswerKey: Sendable {
    public let lab: ExerciseSet
    /// The language of the key's own words (the prompts and working are the lab's).
    public let language: Language

    /// The key for `lab`, its labels in `language`.
    public init(lab: ExerciseSet, language: Language) {
        self.lab = lab
        self.language = language
    }

    /// The key in `format`.
    public func text(_ format: KeyFormat) -> String {
        switch format {
        case .text: plain
        case .markdown: markdown
        case .html: html
        }
    }

    var l: Language { language }
    var heading: String { lab.title + l.pick(" — answer key", " — ответы") }

    var plain: String {
        var lines = [heading, ""]
        for exercise in lab.exercises {
            lines.append("\(exercise.number). [\(exercise.id)] \(exercise.prompt)")
            lines += SetupLines.lines(exercise.setup, l).map { "   " + $0 }
            lines.append("   " + l.pick("Answer: ", "Ответ: ") + exercise.solution.expected)
            if !exercise.solution.steps.isEmpty { lines.append("   " + l.pick("Working:", "Решение:")) }
            lines += exercise.solution.steps.map { "     " + $0 }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    var markdown: String {
        var lines = ["# \(Self.markdownEscaped(heading))", ""]
        for exercise in lab.exercises {
            lines.append("## \(exercise.number). \(Self.markdownEscaped(exercise.id))")
            lines.append("")
            lines.append(Self.markdownEscaped(exercise.prompt))
            lines.append("")
            lines += ["```"] + SetupLines.lines(exercise.setup, l) + ["```", ""]
            lines.append("**" + l.pick("Answer:", "Ответ:") + "** `" + exercise.solution.expected.replacingOccurrences(of: "`", with: "'") + "`")
            lines.append("")
            if !exercise.solution.steps.isEmpty {
                lines += [l.pick("Working:", "Решение:"), "", "```"] + exercise.solution.steps + ["```", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A page to print: light theme, each question kept on one page where it fits.
    var html: String {
        let e = Self.htmlEscaped
        var body: [String] = []
        for exercise in lab.exercises {
            body.append("<section>")
            body.append("<h2>\(exercise.number). \(e(exercise.id))</h2>")
            body.append("<p class=\"prompt\">\(e(exercise.prompt))</p>")
            body.append("<pre class=\"given\">\(SetupLines.lines(exercise.setup, l).map(e).joined(separator: "\n"))</pre>")
            body.append("<p class=\"answer\">\(l.pick("Answer:", "Ответ:")) <strong>\(e(exercise.solution.expected))</strong></p>")
            if !exercise.solution.steps.isEmpty {
                body.append("<p class=\"label\">\(l.pick("Working:", "Решение:"))</p>")
                body.append("<pre class=\"working\">\(exercise.solution.steps.map(e).joined(separator: "\n"))</pre>")
            }
            body.append("</section>")
        }
        return """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <title>\(e(heading))</title>
            <style>
            body { background: #ffffff; color: #111111; font: 11pt/1.4 sans-serif; margin: 2em; }
            h1 { font-size: 16pt; } h2 { font-size: 12pt; margin: 0.2em 0; }
            section { border-top: 1px solid #999999; padding: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
            pre { background: #f4f4f4; color: #111111; padding: 0.4em; white-space: pre-wrap; font: 10pt/1.3 monospace; }
            .answer strong { font-family: monospace; font-size: 11pt; }
            @media print { body { margin: 0; } pre { background: #ffffff; border: 1px solid #cccccc; } }
            </style>
            </head>
            <body>
            <h1>\(e(heading))</h1>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// `&`, `<`, `>` and `"` as HTML entities.
    public static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Markdown's emphasis and heading characters escaped, so a prompt reads as written.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]#<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

/// What a student is given, as lines of text: the layers (as the file writes them), the input,
/// and the input's values for a value question.
enum SetupLines {
    static func lines(_ setup: ExerciseSetup, _ l: Language) -> [String] {
        let input = l.pick("input ", "вход ") + shapeText(setup.inputShape)
            + (setup.fill == .rampX ? "" : " (\(setup.fill.argument))")
        if setup.writtenLayers.count == 1 { return [l.pick("layer ", "слой ") + setup.writtenLayers[0], input] }
        return [l.pick("model, ", "модель, ") + input + ":"] + setup.writtenLayers.enumerated().map { "  (\($0.offset)) \($0.element)" }
    }
}
