import ConvCore
import Foundation

/// A class's answers graded at once: one row per answers file, and per question how many got it
/// right. A file that cannot be graded keeps its row, with the reason, so none is lost silently.
public struct Gradebook: Sendable {
    /// One student's row.
    public struct Row: Sendable, Codable, Equatable {
        /// The answers file as named on the command line (or inside the folder given).
        public let file: String
        /// Right answers (nil when the file could not be graded).
        public let score: Int?
        /// right, wrong, unreadable or skipped per question, in the lab's order (empty on error).
        public let results: [String]
        /// Why the file could not be graded, or nil.
        public let error: String?
    }

    /// One question's column: how many of the graded files got it right.
    public struct Column: Sendable, Codable, Equatable {
        public let number: Int
        public let id: String
        public let kind: String
        public let right: Int
        public let graded: Int
    }

    public let title: String
    public let total: Int
    public let rows: [Row]
    public let columns: [Column]

    /// Grades each `(file, sheet or why it could not be read)` against `lab`, in the order given.
    /// A file's reason is written in `language`, as the gradebook's text is.
    public init(lab: ExerciseSet, files: [(name: String, sheet: Result<AnswerSheet, ExerciseFileError>)], language: Language = .en) {
        title = lab.title
        total = lab.exercises.count
        rows = files.map { file in
            switch file.sheet {
            case let .success(sheet):
                let report = GradeReport(lab: lab, sheet: sheet)
                return Row(file: file.name, score: report.score, results: report.questions.map(\.result), error: nil)
            case let .failure(error):
                return Row(file: file.name, score: nil, results: [], error: error.text(language))
            }
        }
        let graded = rows.filter { $0.error == nil }
        columns = lab.exercises.enumerated().map { index, exercise in
            Column(number: exercise.number, id: exercise.id, kind: exercise.question.kind.rawValue,
                   right: graded.filter { $0.results[index] == "right" }.count, graded: graded.count)
        }
    }

    /// The question fewest got right (the first such), when any file was graded: the one to explain next.
    public var mostMissed: Column? {
        guard let first = columns.first, first.graded > 0 else { return nil }
        return columns.reduce(first) { $1.right < $0.right ? $1 : $0 }
    }

    /// Files that could not be graded.
    public var refused: [Row] { rows.filter { $0.error != nil } }

    /// RFC 4180 CSV: `file,score,total,error,<id>…`, one row per file in the order given.
    public var csv: String {
        let header = ["file", "score", "total", "error"] + columns.map(\.id)
        let lines = [header] + rows.map { row in
            [row.file, row.score.map(String.init) ?? "", "\(total)", row.error ?? ""]
                + (row.results.isEmpty ? Array(repeating: "", count: total) : row.results)
        }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The gradebook as JSON (keys sorted, so runs compare byte for byte).
    public var json: String {
        struct Document: Codable { let title: String; let total: Int; let students: [Row]; let questions: [Column] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(title: title, total: total, students: rows, questions: columns))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A table for the terminal: one line per file (✓ right, ✗ wrong, ? unreadable, · skipped),
    /// then per question how many got it right, the most missed marked.
    public func text(_ l: Language, width: Int = 80) -> String {
        let marks = ["right": "✓", "wrong": "✗", "unreadable": "?", "skipped": "·"]
        let scoreWidth = "\(total)/\(total)".count
        let nameWidth = max(4, min(rows.map(\.file.count).max() ?? 4, max(8, width - scoreWidth - 2 * total - 4)))
        func name(_ text: String) -> String {
            let cut = text.count > nameWidth ? "…" + text.suffix(nameWidth - 1) : text
            return cut.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        }
        var lines = [title, ""]
        let numbers = columns.map { "\($0.number % 10)" }.joined(separator: " ")
        lines.append(name(l.pick("file", "файл")) + "  " + String(repeating: " ", count: scoreWidth) + "  " + numbers)
        for row in rows {
            guard let score = row.score else {
                lines.append(name(row.file) + "  " + l.pick("not graded: ", "не проверен: ") + (row.error ?? ""))
                continue
            }
            let scoreText = "\(score)/\(total)"
            lines.append(name(row.file) + "  " + String(repeating: " ", count: scoreWidth - scoreText.count) + scoreText + "  "
                         + row.results.map { marks[$0] ?? "?" }.joined(separator: " "))
        }
        lines.append("")
        lines.append(l.pick("✓ right · ✗ wrong · ? unreadable · · skipped", "✓ верно · ✗ неверно · ? не прочитан · · пропущен"))
        lines.append("")
        let graded = rows.count - refused.count
        lines.append(l.pick("Per question (right of \(graded) graded):", "По вопросам (верно из \(graded) проверенных):"))
        let missed = mostMissed
        for column in columns {
            let mark = column == missed ? l.pick("  ← the most missed: explain it next", "  ← чаще всего ошибались: разберите его") : ""
            lines.append("  \(column.number). \(column.id) (\(column.kind)): \(column.right)/\(column.graded)" + mark)
        }
        if !refused.isEmpty {
            lines.append("")
            lines.append(l.pick("\(refused.count) of \(rows.count) files could not be graded (listed above).",
                                "Не удалось проверить файлов: \(refused.count) из \(rows.count) (см. выше)."))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
