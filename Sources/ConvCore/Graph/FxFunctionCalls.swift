/// The functions and tensor methods a traced forward calls: `torch.flatten(x, 1)`,
/// `x.view(a, 2, b, h, w)`, `torch.nn.functional.interpolate(x, scale_factor = 2.0)`…
extension FxGraphBuilder {
    /// A function or method by its last name (`torch.nn.functional.relu` → `relu`); a method's
    /// tensor is its first argument.
    func call(_ function: String, arguments: [FxArgument], original: String, parametersSized: inout [(String, [Int])])
        throws(LayerParseError) -> Built {
        let positional = arguments.filter { $0.name == nil }.map(\.value)
        func argument(_ index: Int, _ name: String) -> FxExpr? {
            arguments.first { $0.name == name }?.value ?? (positional.indices.contains(index) ? positional[index] : nil)
        }
        func int(_ index: Int, _ name: String) -> Int? { if case let .int(n)? = argument(index, name) { n } else { nil } }
        func number(_ index: Int, _ name: String) -> Double? {
            switch argument(index, name) {
            case let .int(n)?: Double(n)
            case let .float(d)?: d
            default: nil
            }
        }
        /// The integers after the tensor: `view(a, 2, b)` or `view((a, 2, b))`.
        func integers(from start: Int) throws(LayerParseError) -> [GraphInt] {
            var items = Array(positional.dropFirst(start))
            if items.count == 1, case let .list(inner) = items[0] { items = inner }
            if items.isEmpty, case let .list(inner)? = arguments.first(where: { $0.name == "shape" || $0.name == "dims" })?.value {
                items = inner
            }
            var result: [GraphInt] = []
            for item in items {
                guard let value = integer(item) else { throw problem("\(original)(…) takes integers; \(Self.describe(item)) is not one") }
                result.append(value)
            }
            return result
        }
        func literals(_ values: [GraphInt]) throws(LayerParseError) -> [Int] {
            try values.map { (v) throws(LayerParseError) in
                guard case let .literal(n) = v else { throw problem("\(original)(…) takes literal dimensions") }
                return n
            }
        }
        func tensorNode(_ operation: GraphOperation) throws(LayerParseError) -> Built {
            _ = try tensor(argument(0, "input"))
            return (function, function, nil, operation, .tensor)
        }
        switch function {
        case "size":
            _ = try tensor(argument(0, "input"))
            let dim = int(1, "dim")
            return ("size", "size", nil, .size(dim: dim), dim == nil ? .sizes : .integer)
        case "flatten":
            return try tensorNode(.flatten(start: int(1, "start_dim") ?? 0, end: int(2, "end_dim") ?? -1))
        case "view", "reshape":
            return try tensorNode(.view(try integers(from: 1)))
        case "transpose", "swapaxes", "swapdims":
            guard let a = int(1, "dim0"), let b = int(2, "dim1") else { throw problem("\(original) takes two dimensions") }
            return try tensorNode(.transpose(a, b))
        case "permute":
            return try tensorNode(.permute(try literals(try integers(from: 1))))
        case "chunk":
            guard let chunks = int(1, "chunks") else { throw problem("chunk takes a number of chunks") }
            _ = try tensor(argument(0, "input"))
            return ("chunk", "chunk", nil, .chunk(chunks, dim: int(2, "dim") ?? 0), .tuple)
        case "cat", "concat", "concatenate":
            guard case let .list(items)? = argument(0, "tensors") else { throw problem("torch.cat takes a list of tensors") }
            for item in items { _ = try tensor(item) }
            return ("cat", "cat", nil, .cat(dim: int(1, "dim") ?? 0), .tensor)
        case "add", "mul", "sub", "div":
            _ = try tensor(argument(0, "input"))
            _ = try tensor(argument(1, "other"))
            let name = function == "div" ? "truediv" : function
            return (name, name, nil, .broadcast(name), .tensor)
        case "mean":
            let dims: [Int] = switch argument(1, "dim") {
            case let .int(n)?: [n]
            case let .list(items)?: items.compactMap { if case let .int(n) = $0 { n } else { nil } }
            default: throw problem("convscope follows mean over given dimensions: x.mean([2, 3])")
            }
            var keep = false
            if case let .bool(k)? = argument(2, "keepdim") { keep = k }
            return try tensorNode(.mean(dims: dims, keepdim: keep))
        case "adaptive_avg_pool2d", "adaptive_max_pool2d":
            let (h, w): (Int?, Int?) = switch argument(1, "output_size") {
            case let .int(n)?: (n, n)
            case let .list(items)?: (items.first.flatMap { if case let .int(n) = $0 { n } else { nil } },
                                     items.last.flatMap { if case let .int(n) = $0 { n } else { nil } })
            default: (nil, nil)
            }
            return try tensorNode(.adaptivePool(max: function.contains("max"), height: h, width: w))
        case "layer_norm":
            let shape: [Int] = switch argument(1, "normalized_shape") {
            case let .int(n)?: [n]
            case let .list(items)?: items.compactMap { if case let .int(n) = $0 { n } else { nil } }
            default: []
            }
            guard !shape.isEmpty else { throw problem("layer_norm takes a normalized_shape of numbers") }
            for name in ["weight", "bias"] where argument(name == "weight" ? 2 : 3, name).map({ $0 != .none }) ?? false {
                _ = try tensor(argument(name == "weight" ? 2 : 3, name))
            }
            parametersSized.append(contentsOf: ["weight", "bias"].compactMap {
                if case let .name(n)? = argument($0 == "weight" ? 2 : 3, $0) { (n, shape) } else { nil }
            })
            return try tensorNode(.layerNorm(normalized: shape, eps: number(4, "eps") ?? 1e-5, affine: false))
        case "interpolate", "upsample":
            return try tensorNode(.resize(try resize(size: argument(1, "size"), scale: argument(2, "scale_factor"),
                                                     mode: argument(3, "mode"), alignCorners: argument(4, "align_corners"))))
        case let name where name.hasSuffix("stochastic_depth"):
            // torchvision.ops.stochastic_depth: the identity in eval mode.
            return try tensorNode(.elementwise(.identity))
        case "gelu":
            var tanh = false
            if case let .string(s)? = argument(1, "approximate") { tanh = s == "tanh" }
            return try tensorNode(.elementwise(.gelu(tanhApproximation: tanh)))
        default:
            if let f = GraphFunction.functional(function, number) { return try tensorNode(.elementwise(f)) }
            throw problem("convscope cannot follow \(original)(…) yet; it follows modules, + - * / on tensors and on "
                          + "integers from shapes, torch.cat, flatten, view/reshape, transpose/permute, chunk, "
                          + "indexing, mean, interpolate and functional activations")
        }
    }

    /// F.interpolate's / nn.Upsample's arguments; nearest and bilinear only.
    func resize(size: FxExpr?, scale: FxExpr?, mode: FxExpr?, alignCorners: FxExpr?) throws(LayerParseError) -> GraphResize {
        func pair(_ e: FxExpr?) -> [Double]? {
            switch e {
            case let .int(n)?: [Double(n), Double(n)]
            case let .float(d)?: [d, d]
            case let .list(items)? where items.count == 2:
                items.compactMap { if case let .int(n) = $0 { Double(n) } else if case let .float(d) = $0 { d } else { nil } }
            default: nil
            }
        }
        var modeName = "nearest"
        if case let .string(s)? = mode { modeName = s }
        guard let m = GraphResize.Mode(rawValue: modeName) else {
            throw problem("convscope resizes with mode 'nearest' or 'bilinear', not '\(modeName)'")
        }
        var align = false
        if case let .bool(b)? = alignCorners { align = b }
        let sizes = pair(size).map { $0.map { Int($0) } }
        let scales = pair(scale)
        guard (sizes == nil) != (scales == nil), sizes?.count ?? 2 == 2, scales?.count ?? 2 == 2 else {
            throw problem("interpolate takes exactly one of size and scale_factor (one number or two)")
        }
        return GraphResize(size: sizes, scale: scales, mode: m, alignCorners: align)
    }
}
