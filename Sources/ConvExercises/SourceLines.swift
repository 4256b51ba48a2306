/// Where things are in an exercise file's text: TOMLKit gives positions for syntax errors only,
/// so the lines of `[[exercise]]` headers and of each key are found by scanning the text.
struct SourceLines {
    /// Line of each `[[exercise]]` header, in order.
    private(set) var exerciseHeaders: [Int] = []
    /// Key → line, for the top level (index 0) and each exercise (index n + 1).
    private var keyLines: [[String: Int]] = [[:]]

    init(_ text: String) {
        var openQuote: Substring?  // the triple quote of a multi-line string being read
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            if let quote = openQuote {
                if raw.contains(quote) { openQuote = nil }
                continue
            }
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[[") {
                let name = trimmed.dropFirst(2).prefix { $0 != "]" }.trimmingSpaces
                if name == "exercise" { exerciseHeaders.append(line); keyLines.append([:]) }
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].trimmingSpaces.trimming(["\"", "'"])
            if keyLines[keyLines.count - 1][key] == nil { keyLines[keyLines.count - 1][key] = line }
            let value = trimmed[trimmed.index(after: equals)...]
            for quote in ["\"\"\"", "'''"] where value.components(of: quote) == 1 {
                openQuote = Substring(quote)
            }
        }
    }

    /// The line of `key` in exercise `index` (0-based), else the exercise's header line.
    func line(of key: String, inExercise index: Int) -> Int? {
        keyLines.indices.contains(index + 1) ? keyLines[index + 1][key] ?? header(index) : nil
    }

    /// The line of a top-level key.
    func topLevelLine(of key: String) -> Int? { keyLines[0][key] }

    /// The `[[exercise]]` line of exercise `index`.
    func header(_ index: Int) -> Int? { exerciseHeaders.indices.contains(index) ? exerciseHeaders[index] : nil }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }

    /// How many times `piece` occurs.
    func components(of piece: String) -> Int { String(self).components(separatedBy: piece).count - 1 }
}

extension String {
    func trimming(_ set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
