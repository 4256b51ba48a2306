/// The modules a traced forward may call: every layer a stack draws, plus the classifier head
/// (Linear, Flatten, adaptive pools) and the activations of mobile networks.
enum FxModules {
    /// Largest Linear in_features / out_features (a 1024×1024×4096 map flattened).
    static let features: ClosedRange<Int> = 1...(1 << 32)

    /// The class and what it computes, from the module's repr in the tree.
    static func operation(_ repr: String) throws(LayerParseError) -> (String, GraphOperation) {
        let call = try LayerSyntaxReader.read(repr.trimmingSpaces)
        if FamilyLayerParser.names(repr) { return (call.name, .family(try FamilyLayerParser.parse(repr))) }
        if call.name.hasSuffix("1d") || call.name.hasSuffix("3d") {
            // BatchNorm1d, AdaptiveAvgPool3d, …: not computed on sequences and volumes yet.
            throw .syntax(text: repr, column: 1, problem: "\(call.name) is not traced: of the modules on sequences and volumes "
                          + "convscope traces Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d, Conv3d, MaxPool3d and AvgPool3d")
        }
        if LayerSignature.named(call.name) != nil, call.name != "Cat", call.name != "Upsample" {
            return (call.name, .layer(try LayerParser.parse(repr)))
        }
        func value(_ index: Int, _ name: String) -> SyntaxValue? {
            call.arguments.first { $0.name == name }?.value
                ?? (call.arguments.indices.contains(index) && call.arguments[index].name == nil ? call.arguments[index].value : nil)
        }
        func int(_ v: SyntaxValue?) -> Int? { if case let .int(n)? = v { n } else { nil } }
        switch call.name {
        case "Linear":
            guard let i = int(value(0, "in_features")), let o = int(value(1, "out_features")),
                  features.contains(i), features.contains(o) else {
                throw .syntax(text: repr, column: 1, problem: "Linear needs in_features and out_features in "
                              + "\(features.lowerBound)…\(features.upperBound)")
            }
            var bias = true
            if case let .bool(b)? = value(2, "bias") { bias = b }
            return ("Linear", .linear(inFeatures: i, outFeatures: o, bias: bias))
        case "Flatten":
            return ("Flatten", .flatten(start: int(value(0, "start_dim")) ?? 1, end: int(value(1, "end_dim")) ?? -1))
        case "AdaptiveAvgPool2d", "AdaptiveMaxPool2d":
            let size = value(0, "output_size")
            let (h, w): (Int?, Int?) = switch size {
            case let .int(n)?: (n, n)
            case let .tuple(items)?: (int(items.first), int(items.last))
            default: (nil, nil)
            }
            guard (h ?? 1) >= 1, (w ?? 1) >= 1 else { throw .syntax(text: repr, column: 1, problem: "output_size must be positive") }
            return (call.name, .adaptivePool(max: call.name.contains("Max"), height: h, width: w))
        case "LayerNorm", "LayerNorm2d":
            // LayerNorm2d (ConvNeXt's) is traced through: its forward's permute and F.layer_norm are lines of their own.
            let shape: [Int]? = switch value(0, "normalized_shape") {
            case let .int(n)?: [n]
            case let .tuple(items)?: items.compactMap { if case let .int(n) = $0 { n } else { nil } }
            default: nil
            }
            guard let shape, !shape.isEmpty, shape.allSatisfy({ $0 > 0 }) else {
                throw .syntax(text: repr, column: 1, problem: "LayerNorm needs normalized_shape")
            }
            var eps = 1e-5
            if case let .float(e)? = value(1, "eps") { eps = e }
            var affine = true
            if case let .bool(b)? = value(2, "elementwise_affine") { affine = b }
            return (call.name, .layerNorm(normalized: shape, eps: eps, affine: affine))
        case "Upsample", "UpsamplingNearest2d", "UpsamplingBilinear2d":
            // Upsample's print omits align_corners: its default (False) is taken; UpsamplingBilinear2d's is True.
            func expr(_ v: SyntaxValue?) -> FxExpr? {
                switch v {
                case let .int(n)?: .int(n)
                case let .float(d)?: .float(d)
                case let .string(s)?: .string(s)
                case let .tuple(items)?: .list(items.compactMap { expr($0) })
                default: nil
                }
            }
            let mode: FxExpr? = call.name == "UpsamplingBilinear2d" ? .string("bilinear") : expr(value(99, "mode"))
            let builder = FxGraphBuilder(modules: [:], input: "")
            do throws(LayerParseError) {
                return (call.name, .resize(try builder.resize(size: expr(value(0, "size")), scale: expr(value(1, "scale_factor")),
                                                              mode: mode, alignCorners: .bool(call.name == "UpsamplingBilinear2d"))))
            } catch {
                throw .syntax(text: repr, column: 1, problem: "convscope resizes by size or scale_factor, nearest or bilinear")
            }
        default:
            func number(_ index: Int, _ name: String) -> Double? {
                switch value(index, name) {
                case let .int(n)?: Double(n)
                case let .float(d)?: d
                default: nil
                }
            }
            if let function = GraphFunction.module(call.name, number) { return (call.name, .elementwise(function)) }
            throw .unsupported(name: call.name, label: nil)
        }
    }
}
