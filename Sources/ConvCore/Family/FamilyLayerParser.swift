/// Reads a 1-D or 3-D layer as written in PyTorch (`Conv1d(16, 16, 2, dilation=4)`,
/// `nn.MaxPool3d(2)`), with the argument binding and limits of `LayerParser`.
public enum FamilyLayerParser {
    static let signatures: [LayerSignature] = [1, 3].flatMap { (d: Int) -> [LayerSignature] in
        [LayerSignature(name: "Conv\(d)d", parameters: ["in_channels", "out_channels", "kernel_size", "stride", "padding",
                                                        "dilation", "groups", "bias", "padding_mode"], required: 3),
         LayerSignature(name: "MaxPool\(d)d", parameters: ["kernel_size", "stride", "padding", "dilation",
                                                           "return_indices", "ceil_mode"], required: 1),
         LayerSignature(name: "AvgPool\(d)d", parameters: ["kernel_size", "stride", "padding", "ceil_mode", "count_include_pad"]
                                                    + (d == 3 ? ["divisor_override"] : []), required: 1)]
    } + [LayerSignature(name: "ConvTranspose1d", parameters: ["in_channels", "out_channels", "kernel_size", "stride",
                                                              "padding", "output_padding", "groups", "bias", "dilation",
                                                              "padding_mode"], required: 3)]

    /// True when `text` names a family layer (whatever its arguments), so a caller can route it here.
    public static func names(_ text: String) -> Bool {
        guard let call = try? LayerSyntaxReader.read(text.trimmingSpaces) else { return false }
        return signatures.contains { $0.name == call.name }
    }

    /// The layer `text` describes, or one line saying what is wrong and what is allowed. PyTorch's
    /// constructor errors are not thrown here: ask the layer's `constructionError`.
    public static func parse(_ text: String) throws(LayerParseError) -> FamilyLayer {
        let trimmed = text.trimmingSpaces
        let call = try LayerSyntaxReader.read(trimmed)
        guard let signature = signatures.first(where: { $0.name == call.name }) else {
            throw .unsupported(name: call.name, label: nil)
        }
        let a = try BoundArguments(call, text: trimmed, signature: signature)
        let dims = Int(String(call.name.dropLast().last!))!
        let modes = PaddingMode.allCases.map(\.rawValue)
        switch call.name.dropLast(2) {
        case "Conv":
            let mode = try a.choice("padding_mode", from: modes, default: "zeros")
            let padding: NdPadding
            switch a.raw("padding")?.value {
            case .string("same"): padding = .same
            case .string("valid"): padding = .valid
            default: padding = .explicit(try a.axes("padding", dims, default: 0, in: StackLimits.padding).values(dims))
            }
            return .conv(ConvNdLayer(
                dims: dims, try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
                kernelSize: try a.axes("kernel_size", dims, default: 1, in: StackLimits.kernel).values(dims),
                stride: try a.axes("stride", dims, default: 1, in: StackLimits.stride).values(dims), padding: padding,
                dilation: try a.axes("dilation", dims, default: 1, in: StackLimits.dilation).values(dims),
                groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true),
                paddingMode: PaddingMode(rawValue: mode)!))
        case "ConvTranspose":
            if try a.choice("padding_mode", from: modes, default: "zeros") != "zeros" {
                throw .syntax(text: trimmed, column: a.raw("padding_mode")!.column,
                              problem: "Only \"zeros\" padding mode is supported for ConvTranspose1d")
            }
            return .convTranspose(ConvTransposeNdLayer(
                dims: dims, try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
                kernelSize: try a.axes("kernel_size", dims, default: 1, in: StackLimits.kernel).values(dims),
                stride: try a.axes("stride", dims, default: 1, in: StackLimits.stride).values(dims),
                padding: try a.axes("padding", dims, default: 0, in: StackLimits.padding).values(dims),
                outputPadding: try a.axes("output_padding", dims, default: 0, in: StackLimits.padding).values(dims),
                dilation: try a.axes("dilation", dims, default: 1, in: StackLimits.dilation).values(dims),
                groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true)))
        default:
            if try a.bool("return_indices", default: false) {
                throw .syntax(text: trimmed, column: 1, problem: "return_indices=True returns a tuple, which a stack "
                              + "cannot pass on; leave it False")
            }
            let stride = a.hasValue("stride") ? try a.axes("stride", dims, default: 1, in: StackLimits.stride) : nil
            let divisor = a.hasValue("divisor_override") ? try a.int("divisor_override", in: 1...4096) : nil
            return .pool(PoolNdLayer(
                call.name.hasPrefix("Max") ? .max : .average, dims: dims,
                kernelSize: try a.axes("kernel_size", dims, default: 1, in: StackLimits.kernel), stride: stride,
                padding: try a.axes("padding", dims, default: 0, in: StackLimits.padding),
                dilation: try a.axes("dilation", dims, default: 1, in: StackLimits.dilation),
                ceilMode: try a.bool("ceil_mode", default: false),
                countIncludePad: try a.bool("count_include_pad", default: true), divisorOverride: divisor))
        }
    }
}

extension BoundArguments {
    /// An int or a tuple of `dims` ints, each in `range`, as written (`fallback` when absent).
    func axes(_ name: String, _ dims: Int, default fallback: Int, in range: ClosedRange<Int>) throws(LayerParseError)
        -> NdArgument
    {
        guard let (value, column) = raw(name) else { return .int(fallback) }
        let allowed = "an int in \(range.lowerBound)…\(range.upperBound) or a tuple of \(dims == 1 ? "one" : "three")"
        switch value {
        case let .int(v) where range.contains(v): return .int(v)
        case let .tuple(items) where items.count == dims:
            var values: [Int] = []
            for item in items {
                guard case let .int(v) = item, range.contains(v) else {
                    throw .syntax(text: text, column: column, problem: "\(name) must be \(allowed)")
                }
                values.append(v)
            }
            return .tuple(values)
        default: throw .syntax(text: text, column: column, problem: "\(name) must be \(allowed)")
        }
    }
}
