/// Turns the forward's statements into graph nodes: which module or function, on which nodes.
/// It knows what each name holds — a tensor, a shape's sizes, one integer, or chunk's tuple —
/// so `sub = getitem_2 - getitem` is integer arithmetic and `add = a + b` a tensor's.
struct FxGraphBuilder {
    /// What a name of the forward holds.
    enum Kind { case tensor, sizes, integer, tuple }
    typealias Built = (target: String, op: String, module: String?, operation: GraphOperation, kind: Kind)

    let modules: [String: (repr: String, line: Int)]
    let input: String
    private(set) var nodes: [GraphNode] = []
    private(set) var output: String?
    private(set) var kinds: [String: Kind]

    init(modules: [String: (repr: String, line: Int)], input: String) {
        self.modules = modules
        self.input = input
        kinds = [input: .tensor]
    }

    /// Adds a statement's node; true once the forward returns.
    mutating func add(_ statement: FxStatement) throws(LayerParseError) -> Bool {
        guard let name = statement.name else {
            guard case let .name(returned) = statement.value, kinds[returned] == .tensor else {
                throw problem("convscope follows a forward that returns one tensor: return NAME")
            }
            output = returned
            return true
        }
        var sized: [(String, [Int])] = []
        let built = try node(statement.value, &sized)
        // F.layer_norm's weight and bias have its normalized_shape (PyTorch checks it): a parameter
        // read from a module the print shows empty (a traced-through LayerNorm2d) gets that size.
        for (parameter, shape) in sized {
            if let i = nodes.firstIndex(where: { $0.name == parameter }), nodes[i].operation == .parameter(shape: nil) {
                let n = nodes[i]
                nodes[i] = GraphNode(name: n.name, target: n.target, op: n.op, module: n.module, inputs: n.inputs,
                                     operation: .parameter(shape: shape), line: n.line)
            }
        }
        nodes.append(GraphNode(name: name, target: built.target, op: built.op, module: built.module,
                               inputs: names(in: statement.value), operation: built.operation, line: statement.line))
        kinds[name] = built.kind
        return false
    }

    func problem(_ text: String) -> LayerParseError { .syntax(text: "forward", column: 1, problem: text) }

    /// The earlier nodes an expression reads, once each in order of appearance (fx's all_input_nodes).
    func names(in expr: FxExpr) -> [String] {
        var seen: [String] = []
        func visit(_ e: FxExpr) {
            switch e {
            case let .name(n): if kinds[n] != nil && !seen.contains(n) { seen.append(n) }
            case let .list(items): items.forEach(visit)
            case let .callModule(_, arguments), let .callFunction(_, arguments): arguments.forEach { visit($0.value) }
            case let .callMethod(base, _, arguments): visit(base); arguments.forEach { visit($0.value) }
            case let .binary(_, a, b), let .item(a, b): visit(a); visit(b)
            case let .attribute(base, _): visit(base)
            default: break
            }
        }
        visit(expr)
        return seen
    }

    /// What a name holds; nil for a literal or an unknown name.
    func kind(_ expr: FxExpr) -> Kind? { if case let .name(n) = expr { kinds[n] } else { nil } }

    /// A tensor the forward has named already.
    func tensor(_ expr: FxExpr?) throws(LayerParseError) -> String {
        guard let expr, case let .name(name) = expr, kinds[name] == .tensor else {
            throw problem("convscope follows tensors named by earlier lines; \(Self.describe(expr ?? .none)) is not one")
        }
        return name
    }

    /// An integer literal or a node holding one.
    func integer(_ expr: FxExpr?) -> GraphInt? {
        switch expr {
        case let .int(n)?: .literal(n)
        case let .name(n)? where kinds[n] == .integer: .node(n)
        default: nil
        }
    }

    private func node(_ value: FxExpr, _ sized: inout [(String, [Int])]) throws(LayerParseError) -> Built {
        switch value {
        case let .callModule(path, arguments):
            guard let entry = modules[path] else {
                throw problem("the forward calls self.\(path), which the module tree above it does not hold")
            }
            guard arguments.count == 1, arguments[0].name == nil else {
                throw problem("convscope follows modules called on one tensor; self.\(path) gets \(arguments.count) arguments")
            }
            _ = try tensor(arguments[0].value)
            let (op, operation) = try FxModules.operation(entry.repr)
            return (path, op, entry.repr, operation, .tensor)
        case let .binary(symbol, left, right):
            return try binary(symbol, left, right, value)
        case let .item(base, index):
            return try item(base, index)
        case let .parameter(path):
            return (path, "get_attr", nil, .parameter(shape: parameterShape(path)), .tensor)
        case let .attribute(base, "shape") where kind(base) == .tensor:
            return ("size", "size", nil, .size(dim: nil), .sizes)
        case let .callFunction(function, arguments):
            return try call(Self.shortName(function), arguments: arguments, original: function, parametersSized: &sized)
        case let .callMethod(base, method, arguments):
            return try call(method, arguments: [FxArgument(name: nil, value: base)] + arguments, original: method,
                            parametersSized: &sized)
        default:
            throw problem("convscope cannot follow \(Self.describe(value))")
        }
    }

    private func binary(_ symbol: String, _ left: FxExpr, _ right: FxExpr, _ whole: FxExpr) throws(LayerParseError) -> Built {
        let function = ["+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "@": "matmul"][symbol] ?? symbol
        let (l, r) = (kind(left), kind(right))
        if l == .tensor || r == .tensor {
            guard ["add", "sub", "mul", "truediv"].contains(function) else {
                throw problem("convscope does not follow \(symbol) between tensors")
            }
            if l == .tensor && r == .tensor { return (function, function, nil, .broadcast(function), .tensor) }
            let number: Double? = switch l == .tensor ? right : left {
            case let .int(n): Double(n)
            case let .float(d): d
            default: nil
            }
            guard let number else { throw problem("convscope follows \(symbol) between tensors or a tensor and a number") }
            return (function, function, nil, .scalar(function, number, numberFirst: r == .tensor), .tensor)
        }
        guard let a = integer(left), let b = integer(right), ["add", "sub", "mul", "floordiv"].contains(function) else {
            throw problem("\(Self.describe(whole)): convscope follows + - * // on integers a shape gave")
        }
        return (function, function, nil, .integer(function, a, b), .integer)
    }

    /// `size[2]`, `chunk[0]`, `x[(slice(None, None, None), …)]`.
    private func item(_ base: FxExpr, _ index: FxExpr) throws(LayerParseError) -> Built {
        switch kind(base) {
        case .sizes?:
            let entry = try self.index(index)
            if case .at = entry { return ("getitem", "getitem", nil, .item(entry), .integer) }
            return ("getitem", "getitem", nil, .item(entry), .sizes)
        case .tuple?:
            guard case let .int(n) = index else { throw problem("convscope reads chunk's tensors by a number: chunk[0]") }
            return ("getitem", "getitem", nil, .item(.at(.literal(n))), .tensor)
        case .tensor?:
            var entries: [GraphIndex] = []
            if case let .list(items) = index {
                for entry in items { entries.append(try self.index(entry)) }
            } else {
                entries = [try self.index(index)]
            }
            return ("getitem", "getitem", nil, .index(entries), .tensor)
        default:
            throw problem("convscope indexes tensors, sizes and chunks; \(Self.describe(base)) is none of them")
        }
    }

    /// One entry of an index.
    private func index(_ expr: FxExpr) throws(LayerParseError) -> GraphIndex {
        switch expr {
        case .none: return .newAxis
        case .name("Ellipsis"): return .ellipsis
        case let .callFunction("slice", arguments) where arguments.count == 3:
            func bound(_ e: FxExpr) throws(LayerParseError) -> GraphInt? {
                if e == .none { return nil }
                guard let value = integer(e) else { throw problem("a slice's bounds are integers; \(Self.describe(e)) is not") }
                return value
            }
            return .range(start: try bound(arguments[0].value), stop: try bound(arguments[1].value),
                          step: try bound(arguments[2].value))
        default:
            guard let value = integer(expr) else {
                throw problem("convscope indexes with integers, slice(…), None and Ellipsis; not \(Self.describe(expr))")
            }
            return .at(value)
        }
    }

    /// A parameter's shape from its module's print (`features.0.1.weight` of a LayerNorm2d((96,), …)
    /// is [96]); nil where the print does not give it.
    func parameterShape(_ path: String) -> [Int]? {
        let parts = path.split(separator: ".")
        guard let attribute = parts.last, let entry = modules[parts.dropLast().joined(separator: ".")],
              let (_, operation) = try? FxModules.operation(entry.repr) else { return nil }
        switch (operation, attribute) {
        case let (.layerNorm(shape, _, true), _): return shape
        case let (.layer(layer), "weight"): return layer.weightShape
        case let (.layer(layer), "bias"): return layer.biasCount.map { [$0] }
        case let (.family(layer), "weight"): return layer.weightShape
        case let (.family(layer), "bias"): return layer.biasCount.map { [$0] }
        case let (.linear(i, o, _), "weight"): return [o, i]
        case let (.linear(_, o, true), "bias"): return [o]
        default: return nil
        }
    }

    static func shortName(_ dotted: String) -> String { String(dotted.split(separator: ".").last ?? Substring(dotted)) }

    /// A short, printable form of an expression for messages.
    static func describe(_ expr: FxExpr) -> String {
        switch expr {
        case let .name(n): n
        case let .int(n): "\(n)"
        case let .callFunction(f, _): "\(f)(…)"
        case let .callMethod(_, m, _): ".\(m)(…)"
        case let .callModule(p, _): "self.\(p)(…)"
        case let .item(base, _): describe(base) + "[…]"
        case let .attribute(base, name): describe(base) + "." + name
        case .binary: "an arithmetic expression"
        default: "a constant"
        }
    }
}
