/// A module's parameter names in PyTorch's order, for binding positional and keyword arguments.
struct LayerSignature {
    let name: String
    let parameters: [String]
    /// How many leading parameters have no default.
    let required: Int
    /// How many may be given positionally (BatchNorm2d's `bias` is keyword-only).
    var positional: Int? = nil

    /// The signature of the layer kind `name` in `LayerKind.all`.
    static func named(_ name: String) -> LayerSignature? { LayerKind.named(name)?.signature }

    /// "in_channels, out_channels, kernel_size, stride, …" for the messages.
    var list: String { parameters.isEmpty ? "no arguments" : parameters.joined(separator: ", ") }
}

/// A call's arguments bound to a signature's names, read with the types PyTorch expects.
struct BoundArguments {
    let text: String
    let signature: LayerSignature
    private var values: [String: (value: SyntaxValue, column: Int)] = [:]

    init(_ call: SyntaxCall, text: String, signature: LayerSignature) throws(LayerParseError) {
        self.text = text
        self.signature = signature
        let limit = signature.positional ?? signature.parameters.count
        for (index, argument) in call.arguments.enumerated() {
            let name: String
            if let key = argument.name {
                guard signature.parameters.contains(key) else {
                    throw fail("unknown argument '\(TerminalText.excerpt(key))'; \(signature.name) takes \(signature.list)", argument.column)
                }
                name = key
            } else {
                guard index < limit else {
                    throw fail("\(signature.name) takes at most \(limit) positional arguments (\(signature.list))",
                               argument.column)
                }
                name = signature.parameters[index]
            }
            if values[name] != nil { throw fail("'\(name)' is given twice", argument.column) }
            values[name] = (argument.value, argument.column)
        }
        let missing = signature.parameters.prefix(signature.required).filter { values[$0] == nil }
        if !missing.isEmpty {
            throw LayerParseError.syntax(text: text, column: text.count,
                                         problem: "\(signature.name) needs \(missing.joined(separator: ", "))")
        }
    }

    private func fail(_ problem: String, _ column: Int) -> LayerParseError {
        .syntax(text: text, column: column, problem: problem)
    }

    private func wrong(_ name: String, _ allowed: String) -> LayerParseError {
        fail("\(name) must be \(allowed)", values[name]!.column)
    }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// The value written for `name` and its column, if any (the 1-D and 3-D layers read tuples of their own length).
    func raw(_ name: String) -> (value: SyntaxValue, column: Int)? { values[name] }

    /// True when the argument is written and is not `None` (PyTorch's "not given" for optional ints).
    func hasValue(_ name: String) -> Bool { values[name].map { $0.value != .none } ?? false }

    func int(_ name: String, default fallback: Int = 0, in range: ClosedRange<Int>) throws(LayerParseError) -> Int {
        guard let (value, _) = values[name] else { return fallback }
        guard case let .int(v) = value, range.contains(v) else {
            throw wrong(name, "an int in \(range.lowerBound)…\(range.upperBound)")
        }
        return v
    }

    func intOrPair(_ name: String, in range: ClosedRange<Int>) throws(LayerParseError) -> IntOrPair? {
        guard let (value, _) = values[name] else { return nil }
        let allowed = "an int in \(range.lowerBound)…\(range.upperBound) or a tuple of two"
        switch value {
        case let .int(v) where range.contains(v): return .int(v)
        case let .tuple(items) where items.count == 2:
            guard case let .int(h) = items[0], case let .int(w) = items[1], range.contains(h), range.contains(w) else {
                throw wrong(name, allowed)
            }
            return .pair(h, w)
        default: throw wrong(name, allowed)
        }
    }

    func pair(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(LayerParseError) -> SpatialPair {
        try intOrPair(name, in: range)?.pair ?? SpatialPair(square: fallback)
    }

    func bool(_ name: String, default fallback: Bool) throws(LayerParseError) -> Bool {
        guard let (value, _) = values[name] else { return fallback }
        guard case let .bool(v) = value else { throw wrong(name, "True or False") }
        return v
    }

    func double(_ name: String, default fallback: Double?) throws(LayerParseError) -> Double? {
        guard let (value, _) = values[name] else { return fallback }
        switch value {
        case let .int(v): return Double(v)
        case let .float(v): return v
        case .none where name == "momentum": return nil
        default: throw wrong(name, name == "momentum" ? "a number or None" : "a number")
        }
    }

    func choice(_ name: String, from allowed: [String], default fallback: String) throws(LayerParseError) -> String {
        guard let (value, _) = values[name] else { return fallback }
        guard case let .string(v) = value, allowed.contains(v) else {
            throw wrong(name, "one of " + allowed.map { "'\($0)'" }.joined(separator: ", "))
        }
        return v
    }

    /// Conv2d's `padding`: an int, a pair, 'same' or 'valid'.
    func convPadding() throws(LayerParseError) -> PaddingSpec {
        guard let (value, _) = values["padding"] else { return .explicit(h: 0, w: 0) }
        switch value {
        case .string("same"): return .same
        case .string("valid"): return .valid
        case .string: throw wrong("padding", "an int, a tuple of two, 'same' or 'valid'")
        default:
            let p = try pair("padding", default: 0, in: StackLimits.padding)
            return .explicit(h: p.h, w: p.w)
        }
    }
}
