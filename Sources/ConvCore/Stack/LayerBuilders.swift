/// The builders of the table's rows whose checks take more than a line.
enum LayerBuilders {
    static let modes = PaddingMode.allCases.map(\.rawValue)

    @Sendable static func conv2d(_ a: BoundArguments) throws(LayerParseError) -> StackLayer {
        let mode = try a.choice("padding_mode", from: modes, default: "zeros")
        return .conv2d(Conv2dLayer(
            try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
            kernelSize: try a.pair("kernel_size", default: 1, in: StackLimits.kernel),
            stride: try a.pair("stride", default: 1, in: StackLimits.stride), padding: try a.convPadding(),
            dilation: try a.pair("dilation", default: 1, in: StackLimits.dilation),
            groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true),
            paddingMode: PaddingMode(rawValue: mode)!))
    }

    @Sendable static func convTranspose2d(_ a: BoundArguments) throws(LayerParseError) -> StackLayer {
        if try a.choice("padding_mode", from: modes, default: "zeros") != "zeros" {
            throw .construction(text: a.text, error: .transposedPaddingMode)
        }
        // PyTorch's constructor takes padding='same' apart into letters (after its groups checks),
        // then its forward refuses the string with a TypeError.
        if case .string? = a.raw("padding")?.value {
            let groups = try a.int("groups", default: 1, in: StackLimits.channels)
            if try a.int("in_channels", in: StackLimits.channels) % groups != 0 {
                throw .construction(text: a.text, error: .conv2d(.inChannelsNotDivisibleByGroups))
            }
            if try a.int("out_channels", in: StackLimits.channels) % groups != 0 {
                throw .construction(text: a.text, error: .conv2d(.outChannelsNotDivisibleByGroups))
            }
            throw .construction(text: a.text, error: .transposedPaddingString)
        }
        return .convTranspose2d(ConvTranspose2dLayer(
            try a.int("in_channels", in: StackLimits.channels), try a.int("out_channels", in: StackLimits.channels),
            kernelSize: try a.pair("kernel_size", default: 1, in: StackLimits.kernel),
            stride: try a.pair("stride", default: 1, in: StackLimits.stride),
            padding: try a.pair("padding", default: 0, in: StackLimits.padding),
            outputPadding: try a.pair("output_padding", default: 0, in: StackLimits.padding),
            groups: try a.int("groups", default: 1, in: StackLimits.channels), bias: try a.bool("bias", default: true),
            dilation: try a.pair("dilation", default: 1, in: StackLimits.dilation)))
    }

    @Sendable static func maxPool2d(_ a: BoundArguments) throws(LayerParseError) -> StackLayer {
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
    }

    @Sendable static func avgPool2d(_ a: BoundArguments) throws(LayerParseError) -> StackLayer {
        let divisor = a.hasValue("divisor_override") ? try a.int("divisor_override", in: 1...4096) : nil
        return .avgPool2d(AvgPool2dLayer(
            kernelSize: try a.intOrPair("kernel_size", in: StackLimits.kernel)!,
            stride: try a.intOrPair("stride", in: StackLimits.stride),
            padding: try a.intOrPair("padding", in: StackLimits.padding) ?? .int(0),
            ceilMode: try a.bool("ceil_mode", default: false),
            countIncludePad: try a.bool("count_include_pad", default: true), divisorOverride: divisor))
    }

    @Sendable static func batchNorm2d(_ a: BoundArguments) throws(LayerParseError) -> StackLayer {
        let eps = try a.double("eps", default: 1e-5)!
        guard eps > 0 else { throw .syntax(text: a.text, column: 1, problem: "eps must be a positive number") }
        return .shapePreserving(.batchNorm2d(BatchNorm2dLayer(
            try a.int("num_features", in: StackLimits.channels), eps: eps,
            momentum: try a.double("momentum", default: 0.1), affine: try a.bool("affine", default: true),
            trackRunningStats: try a.bool("track_running_stats", default: true), bias: try a.bool("bias", default: true))))
    }
}
