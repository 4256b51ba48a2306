/// A kind of layer and its parameter table. Adding a parameter is one row here (and a case in
/// `ParameterID`) plus its maths.
public struct LayerSpec: Sendable {
    /// PyTorch's class, e.g. `nn.Conv2d`.
    public let pytorchClass: String
    /// The rows in the panel's order (`ParameterID` raw values index them).
    public let parameters: [ParameterSpec]
    /// PyTorch's arguments in the order its signature lists them; the first `positional` are
    /// written without their names.
    public let pytorchArguments: [String]
    public let positional: Int

    /// The row of a parameter.
    public func spec(_ id: ParameterID) -> ParameterSpec { parameters[id.rawValue] }

    /// `nn.Conv2d`: the notebook's twelve sliders, then the rest of the layer and what it reads.
    /// A model's Conv2d rows are its rows that are module arguments (`StackLayer.parameterRows`).
    public static let conv2d = LayerSpec(
        pytorchClass: "nn.Conv2d",
        parameters: [
            row(.hIn, "h_in", "Input height", 1...1024, 8, model: StackLimits.inputSize, partner: .wIn, step: .geometric),
            row(.wIn, "w_in", "Input width", 1...1024, 8, model: StackLimits.inputSize, partner: .hIn, step: .geometric),
            row(.inChannels, "in_channels", "Input channels", 1...64, 3, model: StackLimits.channels,
                pytorch: "in_channels", step: .geometric),
            row(.outChannels, "out_channels", "Output channels", 1...64, 2, model: StackLimits.channels,
                pytorch: "out_channels", step: .geometric),
            row(.kernelSizeH, "kernel_size_h", "Kernel height", 1...32, 3, model: StackLimits.kernel,
                partner: .kernelSizeW, pytorch: "kernel_size"),
            row(.kernelSizeW, "kernel_size_w", "Kernel width", 1...32, 3, model: StackLimits.kernel,
                partner: .kernelSizeH, pytorch: "kernel_size"),
            row(.paddingH, "padding_h", "Zero padding, top and bottom", 0...32, 0, model: StackLimits.padding,
                partner: .paddingW, pytorch: "padding"),
            row(.paddingW, "padding_w", "Zero padding, left and right", 0...32, 0, model: StackLimits.padding,
                partner: .paddingH, pytorch: "padding"),
            row(.strideH, "stride_h", "Vertical stride", 1...32, 1, model: StackLimits.stride, partner: .strideW, pytorch: "stride"),
            row(.strideW, "stride_w", "Horizontal stride", 1...32, 1, model: StackLimits.stride, partner: .strideH, pytorch: "stride"),
            row(.dilationH, "dilation_h", "Vertical dilation", 1...32, 1, model: StackLimits.dilation,
                partner: .dilationW, pytorch: "dilation"),
            row(.dilationW, "dilation_w", "Horizontal dilation", 1...32, 1, model: StackLimits.dilation,
                partner: .dilationH, pytorch: "dilation"),
            choice(.paddingMode, "padding_mode", "What the padding ring holds", PaddingMode.allCases.map(\.rawValue),
                   pytorch: "padding_mode"),
            choice(.padding, "padding", "The padding: the amounts padding_h and padding_w, 'same' or 'valid'",
                   PaddingChoice.allCases.map(\.rawValue), pytorch: "padding"),
            row(.groups, "groups", "Groups: in_channels and out_channels split into this many independent parts",
                Conv2dLimits.groups, 1, model: StackLimits.channels, pytorch: "groups", step: .geometric),
            row(.bias, "bias", "One bias added to every output channel", -1_000_000...1_000_000, 0,
                pytorch: "bias", kind: .number),
            choice(.input, "input", "The input feature maps", LayerInput.choiceNames),
            choice(.kernel, "kernel", "The kernel weights", LayerKernel.choiceNames),
            choice(.layerKind, "layer_kind", "The layer: nn.Conv2d, nn.ConvTranspose2d with the same rows, or nn.Conv1d on the width rows",
                   CourseLayerKind.allCases.map(\.rawValue)),
            row(.outputPaddingH, "output_padding_h", "ConvTranspose2d only: extra output rows at the bottom",
                0...31, 0, partner: .outputPaddingW, pytorch: "output_padding"),
            row(.outputPaddingW, "output_padding_w", "ConvTranspose2d only: extra output columns at the right",
                0...31, 0, partner: .outputPaddingH, pytorch: "output_padding"),
        ],
        pytorchArguments: ["in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation", "groups",
                           "bias", "padding_mode"],
        positional: 2)

    private static func choice(_ id: ParameterID, _ name: String, _ summary: String, _ names: [String],
                               pytorch: String? = nil) -> ParameterSpec {
        row(id, name, summary, 0...names.count - 1, 0, pytorch: pytorch, step: .linear(1), kind: .choice(names))
    }

    private static func row(
        _ id: ParameterID, _ name: String, _ summary: String, _ range: ClosedRange<Int>, _ defaultValue: Int,
        model: ClosedRange<Int>? = nil, partner: ParameterID? = nil, pytorch: String? = nil, step: StepRule = .linear(4),
        kind: ParameterKind = .integer
    ) -> ParameterSpec {
        ParameterSpec(id: id, name: name, summary: summary, range: range, modelRange: model ?? range,
                      defaultValue: defaultValue, partner: partner,
                      pytorchArgument: pytorch, step: step, kind: kind)
    }
}
