import ConvCore

/// Why an exercise file cannot be used: the line it is about (nil when the whole file is) and what is wrong.
public struct ExerciseFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line in the file, or nil for the file as a whole (e.g. empty).
    public let line: Int?
    /// What is wrong and, where it helps, what is allowed.
    public let message: String

    /// An error about `line`.
    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line 12: unknown key 'kernal' …`, one line.
    public var description: String { text(.en) }

    /// `description` with "line" in `language` (`строка 12: …`).
    public func text(_ language: Language) -> String {
        let text = message.replacingOccurrences(of: "\n", with: " ")
        return line.map { language.pick("line", "строка") + " \($0): \(text)" } ?? text
    }
}
