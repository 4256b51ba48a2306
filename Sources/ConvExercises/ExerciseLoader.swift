import ConvCore
import TOMLKit

/// Reads an exercise file (TOML), checks every key, computes every answer and checks the
/// teacher's `expect`s; the first problem is thrown with its line.
public enum ExerciseLoader {
    /// Keys the top level takes.
    static let topLevelKeys = ["title", "exercise"]
    /// Keys one `[[exercise]]` takes.
    static let exerciseKeys = ["id", "prompt", "hint", "layer", "model", "layers", "input", "fill", "ask", "at",
                               "cell", "goal", "target", "show", "expect"]

    /// Loads `text`, the working and made-up prompts in `language`; throws `ExerciseFileError` naming the line and the problem.
    public static func load(_ text: String, language: Language) throws(ExerciseFileError) -> ExerciseSet {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ExerciseFileError(line: nil, "the file is empty: it needs title = \"…\" and at least one [[exercise]]")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ExerciseFileError(line: error.source.begin.line, "not valid TOML: \(error.description)")
        } catch {
            throw ExerciseFileError(line: nil, "not valid TOML")
        }
        let lines = SourceLines(text)
        for key in table.keys.sorted() where !topLevelKeys.contains(key) {
            throw ExerciseFileError(line: lines.topLevelLine(of: key) ?? lines.header(0),
                                    "unknown key '\(TerminalText.excerpt(key))' at the top: allowed \(topLevelKeys.joined(separator: ", ")), then [[exercise]] tables")
        }
        guard let title = table["title"]?.string, !title.trimmingSpaces.isEmpty else {
            throw ExerciseFileError(line: lines.topLevelLine(of: "title") ?? 1, "the file needs title = \"…\" (a string) before the first [[exercise]]")
        }
        guard let list = table["exercise"]?.array, !list.isEmpty else {
            throw ExerciseFileError(line: lines.topLevelLine(of: "exercise"), "the file has no [[exercise]] table")
        }
        var exercises: [Exercise] = []
        var seenIDs: [String: Int] = [:]
        for index in 0..<list.count {
            guard let entry = list[index].table else {
                throw ExerciseFileError(line: lines.topLevelLine(of: "exercise"), "exercise must be [[exercise]] tables")
            }
            let reader = EntryReader(table: entry, index: index, lines: lines, language: language)
            let exercise = try reader.exercise()
            if let first = seenIDs[exercise.id] {
                throw ExerciseFileError(line: lines.line(of: "id", inExercise: index),
                                        "id '\(TerminalText.excerpt(exercise.id))' is already used by exercise \(first): ids must differ")
            }
            seenIDs[exercise.id] = exercise.number
            exercises.append(exercise)
        }
        return ExerciseSet(title: title, exercises: exercises)
    }
}
