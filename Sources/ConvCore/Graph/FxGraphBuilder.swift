/// Turns the forward's statements into graph nodes: which module or function, on which nodes.
struct FxGraphBuilder {
    let modules: [String: (repr: String, line: Int)]
    let input: String
    private(set) var nodes: [GraphNode] = []
    private(set) var output: String?
    private var known: Set<String>

    init(modules: [String: (repr: String, line: Int)], input: String) {
        self.modules = modules
        self.input = input
        known = [input]
    }

    /// Adds a statement's node; true once the forward returns.
    mutating func add(_ statement: FxStatement) throws(LayerParseError) -> Bool {
        guard let name = statement.name else {
            guard case let .name(returned) = statement.value, known.contains(returned) else {
                throw problem("convscope follows a forward that returns one tensor: return NAME")
            }
            output = returned
            return true
        }
        let (target, op, module, inputs, operation) = try node(statement.value)
        nodes.append(GraphNode(name: name, target: target, op: op, module: module, inputs: inputs, operation: operation,
                               line: statement.line))
        known.insert(name)
        return false
    }

    private func problem(_ text: String) -> LayerParseError { .syntax(text: "forward", column: 1, problem: text) }

    /// A tensor the forward has named already.
    private func tensor(_ expr: FxExpr) throws(LayerParseError) -> String {
        guard case let .name(name) = expr, known.contains(name) else {
            throw problem("convscope follows tensors named by earlier lines; \(Self.describe(expr)) is not one")
        }
        return name
    }

    private func int(_ expr: FxExpr?) -> Int? { if case let .int(n)? = expr { n } else { nil } }

    private func node(_ value: FxExpr) throws(LayerParseError)
        -> (String, String, String?, [String], GraphOperation) {
        switch value {
        case let .callModule(path, arguments):
            guard let entry = modules[path] else {
                throw problem("the forward calls self.\(path), which the module tree above it does not hold")
            }
            guard arguments.count == 1, arguments[0].name == nil else {
                throw problem("convscope follows modules called on one tensor; self.\(path) gets \(arguments.count) arguments")
            }
            let (op, operation) = try FxModules.operation(entry.repr)
            return (path, op, entry.repr, [try tensor(arguments[0].value)], operation)
        case let .binary(symbol, left, right):
            let names = [left, right].compactMap { if case let .name(n) = $0, known.contains(n) { n } else { nil } }
            guard !names.isEmpty else { throw problem("\(Self.describe(value)) computes on numbers, not tensors") }
            let function = ["+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "@": "matmul"][symbol] ?? symbol
            guard ["add", "sub", "mul", "truediv"].contains(function) else {
                throw problem("convscope does not follow \(symbol) between tensors")
            }
            return (function, function, nil, names, names.count == 2 ? .broadcast(function) : .elementwise)
        case let .callFunction(function, arguments):
            return try call(Self.shortName(function), first: arguments.first?.value, arguments: arguments, original: function)
        case let .callMethod(base, method, arguments):
            return try call(method, first: base, arguments: [FxArgument(name: nil, value: base)] + arguments, original: method)
        default:
            throw problem("convscope cannot follow \(Self.describe(value))")
        }
    }

    /// A function or method by its last name (`torch.nn.functional.relu` → `relu`).
    private func call(_ function: String, first: FxExpr?, arguments: [FxArgument], original: String) throws(LayerParseError)
        -> (String, String, String?, [String], GraphOperation) {
        func argument(_ index: Int, _ name: String) -> FxExpr? {
            arguments.first { $0.name == name }?.value ?? (arguments.indices.contains(index) && arguments[index].name == nil
                                                            ? arguments[index].value : nil)
        }
        switch function {
        case "flatten":
            let input = try tensor(first ?? .none)
            return ("flatten", "flatten", nil, [input],
                    .flatten(start: int(argument(1, "start_dim")) ?? 0, end: int(argument(2, "end_dim")) ?? -1))
        case "cat", "concat", "concatenate":
            guard case let .list(items)? = argument(0, "tensors") else { throw problem("torch.cat takes a list of tensors") }
            var names: [String] = []
            for item in items { names.append(try tensor(item)) }
            return ("cat", "cat", nil, names, .cat(dim: int(argument(1, "dim")) ?? 0))
        case "add", "mul", "sub":
            let names = try [argument(0, "input"), argument(1, "other")].compactMap { $0 }.map { (e) throws(LayerParseError) in try tensor(e) }
            return (function, function, nil, names, names.count == 2 ? .broadcast(function) : .elementwise)
        case "mean":
            var dims: [Int] = []
            switch argument(1, "dim") {
            case let .int(n)?: dims = [n]
            case let .list(items)?: dims = items.compactMap { int($0) }
            default: throw problem("convscope follows mean over given dimensions: x.mean([2, 3])")
            }
            if case let .bool(keep)? = argument(2, "keepdim") {
                return ("mean", "mean", nil, [try tensor(first ?? .none)], .mean(dims: dims, keepdim: keep))
            }
            return ("mean", "mean", nil, [try tensor(first ?? .none)], .mean(dims: dims, keepdim: false))
        case "adaptive_avg_pool2d", "adaptive_max_pool2d":
            let size = argument(1, "output_size")
            let (h, w): (Int?, Int?) = switch size {
            case let .int(n)?: (n, n)
            case let .list(items)?: (int(items.first), int(items.last))
            default: (nil, nil)
            }
            return (function, function, nil, [try tensor(first ?? .none)],
                    .adaptivePool(max: function.contains("max"), height: h, width: w))
        case let name where name.hasSuffix("stochastic_depth"):
            // torchvision.ops.stochastic_depth: the identity in eval mode.
            return ("stochastic_depth", "stochastic_depth", nil, [try tensor(first ?? .none)], .elementwise)
        case "relu", "relu6", "silu", "gelu", "hardswish", "hardsigmoid", "sigmoid", "tanh", "mish", "elu", "leaky_relu",
             "dropout", "contiguous", "clone", "hardtanh", "softplus":
            return (function, function, nil, [try tensor(first ?? .none)], .elementwise)
        default:
            throw problem("convscope cannot follow \(original)(…) yet; it follows modules, + - * between tensors, torch.cat, "
                          + "torch.flatten, mean and functional activations")
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
        case .binary: "an arithmetic expression"
        default: "a constant"
        }
    }
}
