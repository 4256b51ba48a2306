/// Reads what a student typed, liberally: spaces, ×, x, *, commas, brackets and parentheses all
/// separate numbers, and so do the Cyrillic х and Х a Russian keyboard gives on the x key; case
/// does not matter.
enum AnswerReading {
    /// The whole numbers in `text` (`1×8×4×4`, `[1, 8, 4, 4]`, `(2, 1)`), or nil when anything else is there.
    static func integers(_ text: String) -> [Int]? {
        let separators: Set<Character> = [" ", "\t", "×", "x", "X", "\u{445}", "\u{425}", "*", ",", "[", "]", "(", ")"]
        let parts = text.split { separators.contains($0) }
        guard !parts.isEmpty else { return nil }
        let numbers = parts.compactMap { Int($0) }
        return numbers.count == parts.count ? numbers : nil
    }

    /// One number or an H×W pair; a single number means both axes.
    static func pair(_ text: String) -> (h: Int, w: Int)? {
        guard let numbers = integers(text) else { return nil }
        switch numbers.count {
        case 1: return (numbers[0], numbers[0])
        case 2: return (numbers[0], numbers[1])
        default: return nil
        }
    }

    /// A decimal number (`36`, `4.5`, `4,5`, `−3`).
    static func number(_ text: String) -> Double? {
        let cleaned = text.trimmingSpaces.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: ",", with: ".")
        return Double(cleaned).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Lower-cased, trimmed, inner runs of spaces kept as typed.
    static func word(_ text: String) -> String { text.trimmingSpaces.lowercased() }
}

extension String {
    var trimmingSpaces: String { trimming([" ", "\t", "\r"]) }
}
