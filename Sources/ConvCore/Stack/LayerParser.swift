/// Reads a layer as you would write it in PyTorch: `Conv2d(3, 8, 3, stride=2, padding=1)`,
/// `nn.MaxPool2d(2)`, what `print(model)` prints for one module, or convscope's `Cat(k)`.
public enum LayerParser {
    /// The layer `text` describes, or one line saying what is wrong and what is allowed.
    public static func parse(_ text: String) throws(LayerParseError) -> StackLayer {
        let trimmed = text.trimmingSpaces
        let call = try LayerSyntaxReader.read(trimmed)
        guard let signature = LayerSignature.named(call.name) else {
            throw .unsupported(name: call.name, label: nil)
        }
        let a = try BoundArguments(call, text: trimmed, signature: signature)
        let layer = try build(call.name, a)
        if let error = layer.constructionError { throw .construction(text: trimmed, error: error) }
        return layer
    }

    static func build(_ name: String, _ a: BoundArguments) throws(LayerParseError) -> StackLayer {
        let modes = PaddingMode.allCases.map(\.rawValue)
        switch name {
        case "Conv2d":
            let mode = try a.choice("padding_mode", from: modes, default: "zeros")
            return .conv2d(Conv2dLayer(
                try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
                kernelSize: try a.pair("kernel_size", default: 1, in: StackLimits.kernel),
                stride: try a.pair("stride", default: 1, in: StackLimits.stride), padding: try a.convPadding(),
                dilation: try a.pair("dilation", default: 1, in: StackLimits.dilation),
                groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true),
                paddingMode: PaddingMode(rawValue: mode)!))
        case "ConvTranspose2d":
            if try a.choice("padding_mode", from: modes, default: "zeros") != "zeros" {
                throw .construction(text: a.text, error: .transposedPaddingMode)
            }
            return .convTranspose2d(ConvTranspose2dLayer(
                try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
                kernelSize: try a.pair("kernel_size", default: 1, in: StackLimits.kernel),
                stride: try a.pair("stride", default: 1, in: StackLimits.stride),
                padding: try a.pair("padding", default: 0, in: StackLimits.padding),
                outputPadding: try a.pair("output_padding", default: 0, in: StackLimits.padding),
                groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true),
                dilation: try a.pair("dilation", default: 1, in: StackLimits.dilation)))
        case "MaxPool2d":
            if try a.bool("return_indices", default: false) {
                throw .syntax(text: a.text, column: 1, problem: "return_indices=True returns a tuple, which a stack "
                              + "cannot pass on; leave it False")
            }
            return .maxPool2d(MaxPool2dLayer(
                kernelSize: try a.intOrPair("kernel_size", in: StackLimits.kernel)!,
                stride: try a.intOrPair("stride", in: StackLimits.stride),
                padding: try a.intOrPair("padding", in: StackLimits.padding) ?? .int(0),
                dilation: try a.intOrPair("dilation", in: StackLimits.dilation) ?? .int(1),
                ceilMode: try a.bool("ceil_mode", default: false)))
        case "AvgPool2d":
            let divisor = a.hasValue("divisor_override") ? try a.int("divisor_override", in: 1...4096) : nil
            return .avgPool2d(AvgPool2dLayer(
                kernelSize: try a.intOrPair("kernel_size", in: StackLimits.kernel)!,
                stride: try a.intOrPair("stride", in: StackLimits.stride),
                padding: try a.intOrPair("padding", in: StackLimits.padding) ?? .int(0),
                ceilMode: try a.bool("ceil_mode", default: false),
                countIncludePad: try a.bool("count_include_pad", default: true), divisorOverride: divisor))
        case "Cat":
            return .cat(CatLayer(skip: try a.int("skip", in: 0...100_000), crop: try a.bool("crop", default: false)))
        default:
            return .shapePreserving(try shapePreserving(name, a))
        }
    }

    static func shapePreserving(_ name: String, _ a: BoundArguments) throws(LayerParseError) -> ShapePreservingLayer {
        let inplace = try a.bool("inplace", default: false)
        switch name {
        case "ReLU": return .relu(inplace: inplace)
        case "LeakyReLU": return .leakyReLU(negativeSlope: try a.double("negative_slope", default: 0.01)!, inplace: inplace)
        case "Sigmoid": return .sigmoid
        case "Tanh": return .tanh
        case "GELU": return .gelu(tanhApproximation: try a.choice("approximate", from: ["none", "tanh"], default: "none")
                                    == "tanh")
        case "BatchNorm2d":
            let eps = try a.double("eps", default: 1e-5)!
            guard eps > 0 else { throw .syntax(text: a.text, column: 1, problem: "eps must be a positive number") }
            return .batchNorm2d(BatchNorm2dLayer(
                try a.int("num_features", in: StackLimits.channels), eps: eps,
                momentum: try a.double("momentum", default: 0.1), affine: try a.bool("affine", default: true),
                trackRunningStats: try a.bool("track_running_stats", default: true), bias: try a.bool("bias", default: true)))
        case "Dropout": return .dropout(p: try a.double("p", default: 0.5)!, inplace: inplace)
        case "Dropout2d": return .dropout2d(p: try a.double("p", default: 0.5)!, inplace: inplace)
        default: return .identity
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Only the ends are looked at: reversing the whole string cost most of a 175-node print's reading.
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
