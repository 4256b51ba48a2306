/// The lines of a `print(model)` text as the tree they print: each module line with its label
/// (`(3)`, `(conv1)`, or a repeat `(0-2): 3 x`), and under a container line the lines it opens.
/// Nothing here knows layers: `ModelParser` walks the tree and decides what runs.
struct PrintTree {
    /// One line of the print: a module, a container opening, or a `#` comment.
    struct Line: Equatable {
        /// 1-based line number in the text.
        let number: Int
        /// print(model)'s label without its parentheses (`3`, `conv1`, `0-2`), nil for none.
        let label: String?
        /// `(a-b): n x Module(`: the labels a…b the repeat stands for.
        let repeated: ClosedRange<Int>?
        /// The module text after the label (`Conv2d(3, 8, …)`, `Sequential(`), or the comment.
        let body: String
        /// The lines under a container line (nil for a module or a comment).
        var children: [Line]?

        /// The class a container line opens (`Sequential`, `BasicBlock`), nil for any other line.
        var containerClass: String? {
            guard children != nil else { return nil }
            var name = String(body.dropLast()).trimmingSpaces
            for prefix in ["torch.nn.", "nn."] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
            return name
        }

        var isComment: Bool { body.hasPrefix("#") && label == nil }
    }

    /// The top-level lines, in print order.
    let lines: [Line]

    /// Reads `text` (LF or CRLF line ends, an optional UTF-8 byte-order mark).
    init(_ text: String) throws(LayerParseError) {
        var stack: [[Line]] = [[]]
        var openers: [Line] = []
        let raw = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // isNewline splits CRLF too: Swift reads "\r\n" as one Character, which "\n" never matches.
        for (offset, rawLine) in raw.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let text = String(rawLine).trimmingSpaces
            if text.isEmpty { continue }
            let number = offset + 1
            if text == ")" {
                guard let opener = openers.popLast() else {
                    throw .line(number, .syntax(text: text, column: 1, problem: "a ')' that closes nothing"))
                }
                var closed = opener
                closed.children = stack.removeLast()
                stack[stack.count - 1].append(closed)
                continue
            }
            if text.hasPrefix("#") {
                stack[stack.count - 1].append(Line(number: number, label: nil, repeated: nil, body: text, children: nil))
                continue
            }
            let line = try Self.labelled(text, number: number)
            if line.body.hasSuffix("("), !line.body.dropLast().contains("(") {
                openers.append(line)
                stack.append([])
            } else {
                stack[stack.count - 1].append(line)
            }
        }
        // A print cut short before its closing lines keeps what it opened.
        while let opener = openers.popLast() {
            var closed = opener
            closed.children = stack.removeLast()
            stack[stack.count - 1].append(closed)
        }
        lines = stack[0]
    }

    /// `(12): Conv2d(…)` → label "12"; `(0-2): 3 x Sequential(` → label "0-2", repeated 0…2.
    static func labelled(_ text: String, number: Int) throws(LayerParseError) -> Line {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")"),
              text[text.index(after: close)...].hasPrefix(":") else {
            return Line(number: number, label: nil, repeated: nil, body: text, children: nil)
        }
        let label = String(text[text.index(after: text.startIndex)..<close])
        var body = String(text[text.index(close, offsetBy: 2)...]).trimmingSpaces
        let ends = label.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let first = Int(ends[0]), let last = Int(ends[1]) else {
            return Line(number: number, label: label, repeated: nil, body: body, children: nil)
        }
        // ModuleList's print of identical neighbours: `(0-2): 3 x Block(`.
        let words = body.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count == 3, words[1] == "x", let count = Int(words[0]), first <= last, count - 1 == last - first else {
            throw .line(number, .syntax(text: text, column: 1, problem: "a repeat reads (a-b): n x Module(...) with n = b - a + 1"))
        }
        guard count <= PrintedModel.layerLimit else {
            throw .line(number, .syntax(text: text, column: 1, problem: "a model holds at most \(PrintedModel.layerLimit) layers"))
        }
        body = String(words[2])
        return Line(number: number, label: label, repeated: first...last, body: body, children: nil)
    }
}
