/// One `nn.Conv2d` run on one input: the module (`Conv2dLayer`, the only description of its
/// arguments), the input's height and width, and the one bias value the course screen adds.
public struct Conv2dSpec: Equatable, Hashable, Sendable, Codable {
    /// The module's arguments; its `bias` flag is true exactly when `bias` holds a value.
    public let layer: Conv2dLayer
    /// The input's height and width (its channels are the layer's `in_channels`).
    public let inputHeight: Int, inputWidth: Int
    /// One bias value added to every output channel, or nil for `bias=False` (the notebook's).
    public let bias: Float?

    /// `layer` on an H × W input; its bias flag is set from `bias`, so the two never disagree.
    public init(_ layer: Conv2dLayer, inputHeight: Int, inputWidth: Int, bias: Float? = nil) {
        var module = layer
        module.bias = bias != nil
        self.layer = module
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.bias = bias
    }

    /// A layer from the twelve sliders; `padding` nil means `.explicit` with the sliders' amounts.
    public init(
        _ parameters: ConvParameters, padding: PaddingSpec? = nil, paddingMode: PaddingMode = .zeros,
        groups: Int = 1, bias: Float? = nil
    ) {
        let layer = Conv2dLayer(parameters, padding: padding, paddingMode: paddingMode, groups: groups)
        self.init(layer, inputHeight: parameters.hIn, inputWidth: parameters.wIn, bias: bias)
    }

    /// The twelve sliders of this layer and input (padding: the amounts applied before each axis).
    public var parameters: ConvParameters { ConvParameters(layer, inputHeight: inputHeight, inputWidth: inputWidth) }
    /// `padding=`: explicit amounts, 'same' or 'valid'.
    public var padding: PaddingSpec { layer.padding }
    /// `padding_mode=`.
    public var paddingMode: PaddingMode { layer.paddingMode }
    /// `groups=`.
    public var groups: Int { layer.groups }

    /// Height axis with its applied padding and mode.
    public var heightAxis: PaddedAxis {
        PaddedAxis(size: inputHeight, kernel: layer.kernelSize.h, stride: layer.stride.h, dilation: layer.dilation.h,
                   padding: layer.appliedPadding(.height), mode: paddingMode)
    }

    /// Width axis with its applied padding and mode.
    public var widthAxis: PaddedAxis {
        PaddedAxis(size: inputWidth, kernel: layer.kernelSize.w, stride: layer.stride.w, dilation: layer.dilation.w,
                   padding: layer.appliedPadding(.width), mode: paddingMode)
    }

    /// Input channels each group reads, C_in / groups.
    public var inChannelsPerGroup: Int { layer.inChannels / groups }
    /// Output channels each group writes, C_out / groups.
    public var outChannelsPerGroup: Int { layer.outChannels / groups }
    /// The group output channel `o` belongs to.
    public func group(ofOutput o: Int) -> Int { o / outChannelsPerGroup }
    /// The input channels output channel `o` reads (its group's).
    public func inputChannels(ofOutput o: Int) -> Range<Int> {
        let first = group(ofOutput: o) * inChannelsPerGroup
        return first..<first + inChannelsPerGroup
    }

    /// The input shape [1, C_in, H, W].
    public var inputShape: [Int] { [1, layer.inChannels, inputHeight, inputWidth] }
    /// The weight shape [C_out, C_in/groups, kH, kW].
    public var kernelShape: [Int] { layer.weightShape }
    /// The output shape [1, C_out, H_out, W_out], or nil when PyTorch refuses the layer.
    public var outputShape: [Int]? {
        validate() == nil ? [1, layer.outChannels, heightAxis.outputSize, widthAxis.outputSize] : nil
    }
    /// The bias per output channel (nil without bias), as `conv.bias` holds it.
    public var biasVector: [Float]? { bias.map { [Float](repeating: $0, count: layer.outChannels) } }
}
