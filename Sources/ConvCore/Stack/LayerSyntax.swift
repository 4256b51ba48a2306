/// A value written in a layer string, as Python would read it.
indirect enum SyntaxValue: Equatable {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case none
    /// A quoted string, or a bare word such as `same` (print(model) writes padding=same unquoted).
    case string(String)
    case tuple([SyntaxValue])
}

/// One argument: positional (`name` nil) or keyword, with the column it starts at.
struct SyntaxArgument: Equatable {
    let name: String?
    let value: SyntaxValue
    let column: Int
}

/// `nn.Conv2d(3, 8, 3, stride=2)` read into its module name and arguments.
struct SyntaxCall: Equatable {
    let name: String
    let arguments: [SyntaxArgument]
}

/// A hand-written reader for one call: `[torch.][nn.]Name(arg, …, key=value, …)`.
struct LayerSyntaxReader {
    let text: String
    private let chars: [Character]
    private var position = 0

    init(_ text: String) {
        self.text = text
        chars = Array(text)
    }

    /// Reads the whole text as one call, or throws naming the column (1-based) and what was expected.
    static func read(_ text: String) throws(LayerParseError) -> SyntaxCall {
        var reader = LayerSyntaxReader(text)
        return try reader.call()
    }

    private func fail(_ problem: String, at column: Int? = nil) -> LayerParseError {
        .syntax(text: text, column: column ?? position + 1, problem: problem)
    }

    private mutating func skipSpaces() { while position < chars.count && chars[position].isWhitespace { position += 1 } }

    private mutating func peek() -> Character? {
        skipSpaces()
        return position < chars.count ? chars[position] : nil
    }

    private mutating func expect(_ c: Character, _ what: String) throws(LayerParseError) {
        guard peek() == c else {
            throw fail("expected \(what)" + (peek().map { ", found '\($0)'" } ?? ", found the end"))
        }
        position += 1
    }

    private mutating func word() -> String {
        skipSpaces()
        let start = position
        while position < chars.count && (chars[position].isLetter || chars[position].isNumber || chars[position] == "_") {
            position += 1
        }
        return String(chars[start..<position])
    }

    mutating func call() throws(LayerParseError) -> SyntaxCall {
        var name = word()
        while peek() == "." && (name == "nn" || name == "torch" || name == "torch.nn") {
            position += 1
            name = (name == "torch" ? "torch." : "") + word()
        }
        if name.hasPrefix("torch.") { name.removeFirst(6) }
        guard let first = name.first, first.isLetter else { throw fail("expected a layer name such as Conv2d") }
        try expect("(", "'(' after \(name)")
        var arguments: [SyntaxArgument] = []
        while peek() != ")" {
            skipSpaces()
            let column = position + 1
            let save = position
            var key: String?
            let candidate = word()
            if !candidate.isEmpty, peek() == "=" {
                position += 1
                key = candidate
            } else {
                position = save
            }
            if key == nil, arguments.contains(where: { $0.name != nil }) {
                throw fail("a positional argument cannot follow keyword arguments", at: column)
            }
            arguments.append(SyntaxArgument(name: key, value: try value(), column: column))
            if peek() == "," { position += 1 } else { break }
        }
        try expect(")", "',' or ')'")
        if let extra = peek() { throw fail("unexpected '\(extra)' after the closing ')'") }
        return SyntaxCall(name: name, arguments: arguments)
    }

    /// How deep tuples may nest: no module takes more than a pair, and a deeper text is refused
    /// before the reader's recursion could exhaust the stack.
    static let nestingLimit = 16
    private var depth = 0

    mutating func value() throws(LayerParseError) -> SyntaxValue {
        guard let c = peek() else { throw fail("expected a value, found the end") }
        if c == "(" || c == "[" {
            guard depth < Self.nestingLimit else { throw fail("brackets nest deeper than \(Self.nestingLimit)") }
            depth += 1
            defer { depth -= 1 }
            let close: Character = c == "(" ? ")" : "]"
            position += 1
            var items: [SyntaxValue] = []
            while peek() != close {
                items.append(try value())
                if peek() == "," { position += 1 } else { break }
            }
            try expect(close, "',' or '\(close)'")
            return .tuple(items)
        }
        if c == "'" || c == "\"" {
            position += 1
            let start = position
            while position < chars.count && chars[position] != c { position += 1 }
            guard position < chars.count else { throw fail("unterminated string", at: start) }
            defer { position += 1 }
            return .string(String(chars[start..<position]))
        }
        if c.isNumber || c == "-" || c == "+" || c == "." { return try number() }
        let start = position
        let w = word()
        switch w {
        case "": throw fail("expected a value (a number, True/False, a string or a tuple), found '\(c)'")
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .none
        default:
            _ = start
            return .string(w)
        }
    }

    mutating func number() throws(LayerParseError) -> SyntaxValue {
        let start = position
        if chars[position] == "-" || chars[position] == "+" { position += 1 }
        while position < chars.count,
              chars[position].isNumber || chars[position] == "." || chars[position] == "e" || chars[position] == "E"
                || ((chars[position] == "-" || chars[position] == "+") && "eE".contains(chars[position - 1]))
        {
            position += 1
        }
        let literal = String(chars[start..<position])
        if let int = Int(literal) { return .int(int) }
        if let double = Double(literal), double.isFinite { return .float(double) }
        throw fail("'\(TerminalText.excerpt(literal))' is not a number", at: start + 1)
    }
}
