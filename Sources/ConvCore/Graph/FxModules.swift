/// The modules a traced forward may call: every layer a stack draws, plus the classifier head
/// (Linear, Flatten, adaptive pools) and the activations of mobile networks.
enum FxModules {
    /// Largest Linear in_features / out_features (a 1024×1024×4096 map flattened).
    static let features: ClosedRange<Int> = 1...(1 << 32)

    /// Classes that keep the shape and the field: activations and layers that are identities in eval mode.
    static let elementwise: Set<String> = ["ReLU6", "SiLU", "Hardswish", "Hardsigmoid", "Mish", "ELU", "StochasticDepth",
                                           "Softmax", "LogSoftmax", "Hardtanh", "Softplus", "AlphaDropout"]

    /// The class and what it computes, from the module's repr in the tree.
    static func operation(_ repr: String) throws(LayerParseError) -> (String, GraphOperation) {
        let call = try LayerSyntaxReader.read(repr.trimmingSpaces)
        if LayerSignature.named(call.name) != nil, call.name != "Cat" {
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
        case let name where elementwise.contains(name):
            return (name, .elementwise)
        default:
            throw .unsupported(name: call.name, label: nil)
        }
    }
}
