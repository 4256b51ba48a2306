/// One expression of the `def forward` code torch.fx generates, as far as convscope reads it.
indirect enum FxExpr: Equatable, Sendable {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    case bool(Bool)
    case none
    case list([FxExpr])
    /// `self.layer1[0].conv1(x)` and its `getattr` spellings: the module's qualified name.
    case callModule(String, [FxArgument])
    /// `torch.flatten(x, 1)`, `torch.nn.functional.relu(x, inplace = True)`.
    case callFunction(String, [FxArgument])
    /// `x.flatten(1)`, `x.mean([2, 3])`.
    case callMethod(FxExpr, String, [FxArgument])
    /// `a + b`, `a * b`, `a // 2`.
    case binary(String, FxExpr, FxExpr)
    /// `chunk[0]`.
    case item(FxExpr, FxExpr)
    /// `x.shape`: an attribute read without a call.
    case attribute(FxExpr, String)
    /// `getattr(self.features, "0").layer_scale`: a parameter of the module tree (fx's get_attr).
    case parameter(String)
}

/// A positional (`name` nil) or keyword argument of a call.
struct FxArgument: Equatable, Sendable {
    let name: String?
    let value: FxExpr
}

/// A line of the forward: `name = expression`, or `return name`.
struct FxStatement: Equatable, Sendable {
    /// The assigned node's name; nil for `return`.
    let name: String?
    let value: FxExpr
    /// 1-based line number in the pasted text.
    let line: Int
}

/// Reads one line of generated forward code. fx writes a small, regular subset of Python; what
/// falls outside it is refused with the line and the column.
struct FxCodeReader {
    struct Failure: Error, Equatable { let column: Int; let problem: String }

    private let chars: [Character]
    private var position = 0
    /// Brackets and calls open now: fx nests a few; a deeper line is refused before the
    /// recursion could exhaust the stack.
    private var depth = 0
    static let nestingLimit = 64

    /// `conv1 = self.conv1(x);  x = None` → the statement (the `;  … = None` tail frees memory only).
    static func statement(_ text: String, line: Int) throws(Failure) -> FxStatement? {
        var code = Substring(text)
        if let semicolon = code.firstIndex(of: ";") { code = code[..<semicolon] }
        let trimmed = String(code).trimmingSpaces
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "pass" { return nil }
        var reader = FxCodeReader(chars: Array(trimmed))
        if trimmed.hasPrefix("return ") || trimmed == "return" {
            reader.position = 6
            let value = try reader.expression()
            try reader.end()
            return FxStatement(name: nil, value: value, line: line)
        }
        let name = reader.identifier()
        guard !name.isEmpty, reader.take("=") else { throw Failure(column: 1, problem: "expected 'name = …' or 'return …'") }
        let value = try reader.expression()
        try reader.end()
        return FxStatement(name: name, value: value, line: line)
    }

    private init(chars: [Character]) { self.chars = chars }

    private mutating func skipSpaces() { while position < chars.count && chars[position] == " " { position += 1 } }

    private mutating func peek() -> Character? {
        skipSpaces()
        return position < chars.count ? chars[position] : nil
    }

    private mutating func take(_ text: String) -> Bool {
        skipSpaces()
        let end = position + text.count
        guard end <= chars.count, String(chars[position..<end]) == text else { return false }
        // `=` must not be the start of `==`.
        if text == "=" && end < chars.count && chars[end] == "=" { return false }
        position = end
        return true
    }

    private mutating func expect(_ text: String) throws(Failure) {
        guard take(text) else { throw fail("expected '\(text)'") }
    }

    private mutating func end() throws(Failure) {
        if peek() != nil { throw fail("unexpected '\(chars[position])'") }
    }

    private mutating func fail(_ problem: String) -> Failure { skipSpaces(); return Failure(column: position + 1, problem: problem) }

    mutating func identifier() -> String {
        skipSpaces()
        let start = position
        while position < chars.count && (chars[position].isLetter || chars[position] == "_"
                                         || (position > start && chars[position].isNumber)) { position += 1 }
        return String(chars[start..<position])
    }

    mutating func expression() throws(FxCodeReader.Failure) -> FxExpr {
        guard depth < Self.nestingLimit else { throw fail("expressions nest deeper than \(Self.nestingLimit)") }
        depth += 1
        defer { depth -= 1 }
        let left = try postfix(atom())
        for op in ["//", "+", "-", "*", "/", "@"] where take(op) {
            return .binary(op, left, try postfix(atom()))
        }
        return left
    }

    /// `a.method(…)` and `a[i]` after an atom.
    private mutating func postfix(_ base: FxExpr) throws(Failure) -> FxExpr {
        var value = base
        while true {
            if take("[") {
                let index = try expression()
                try expect("]")
                value = .item(value, index)
            } else if peek() == ".", position + 1 < chars.count, chars[position + 1].isLetter {
                position += 1
                let method = identifier()
                value = take("(") ? .callMethod(value, method, try arguments()) : .attribute(value, method)
            } else {
                return value
            }
        }
    }

    private mutating func atom() throws(Failure) -> FxExpr {
        guard let c = peek() else { throw fail("expected a value, found the end") }
        if c == "[" || c == "(" {
            position += 1
            var items: [FxExpr] = []
            let close: Character = c == "[" ? "]" : ")"
            while peek() != close {
                items.append(try expression())
                if !take(",") { break }
            }
            try expect(String(close))
            return .list(items)
        }
        if c == "'" || c == "\"" { return .string(try quoted()) }
        if c.isNumber || c == "-" { return try number() }
        if identifierAhead("getattr") || identifierAhead("self") {
            let path = try moduleReference()
            return take("(") ? .callModule(path, try arguments()) : .parameter(path)
        }
        var dotted = identifier()
        guard !dotted.isEmpty else { throw fail("expected a name, a number or a call") }
        switch dotted {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default: break
        }
        // `torch.nn.functional.relu(` is a function; `x.flatten(` a method of node x (postfix).
        if ["torch", "operator", "math", "torchvision"].contains(dotted) {
            while take(".") { dotted += "." + identifier() }
            try expect("(")
            return .callFunction(dotted, try arguments())
        }
        if take("(") { return .callFunction(dotted, try arguments()) }
        return .name(dotted)
    }

    private mutating func identifierAhead(_ word: String) -> Bool {
        skipSpaces()
        let end = position + word.count
        guard end <= chars.count, String(chars[position..<end]) == word else { return false }
        return end == chars.count || !(chars[end].isLetter || chars[end].isNumber || chars[end] == "_")
    }

    /// `self.layer1`, `getattr(self.layer1, "0").conv1`, `getattr(getattr(self.a, "0").b, "1")`.
    private mutating func moduleReference() throws(Failure) -> String {
        guard depth < Self.nestingLimit else { throw fail("getattr nests deeper than \(Self.nestingLimit)") }
        depth += 1
        defer { depth -= 1 }
        var parts: [String]
        if take("getattr(") {
            parts = [try moduleReference()]
            try expect(",")
            parts.append(try quoted())
            try expect(")")
        } else {
            guard identifier() == "self" else { throw fail("expected self or getattr(…)") }
            parts = []
        }
        while peek() == ".", position + 1 < chars.count, chars[position + 1] != "(" {
            position += 1
            parts.append(identifier())
        }
        let path = parts.filter { !$0.isEmpty }.joined(separator: ".")
        guard !path.isEmpty else { throw fail("expected a module after self") }
        return path
    }

    private mutating func quoted() throws(Failure) -> String {
        guard let quote = peek(), quote == "'" || quote == "\"" else { throw fail("expected a string") }
        position += 1
        let start = position
        while position < chars.count && chars[position] != quote { position += 1 }
        guard position < chars.count else { throw fail("unterminated string") }
        defer { position += 1 }
        return String(chars[start..<position])
    }

    private mutating func number() throws(Failure) -> FxExpr {
        let start = position
        if chars[position] == "-" { position += 1 }
        while position < chars.count && (chars[position].isNumber || ".eE".contains(chars[position])
                                         || ("+-".contains(chars[position]) && "eE".contains(chars[position - 1]))) {
            position += 1
        }
        let literal = String(chars[start..<position])
        if let int = Int(literal) { return .int(int) }
        if let double = Double(literal) { return .float(double) }
        position = start
        throw fail("'\(literal)' is not a number")
    }

    private mutating func arguments() throws(Failure) -> [FxArgument] {
        var result: [FxArgument] = []
        while peek() != ")" {
            let save = position
            let key = identifier()
            if !key.isEmpty, take("=") {
                result.append(FxArgument(name: key, value: try expression()))
            } else {
                position = save
                result.append(FxArgument(name: nil, value: try expression()))
            }
            if !take(",") { break }
        }
        try expect(")")
        return result
    }
}
