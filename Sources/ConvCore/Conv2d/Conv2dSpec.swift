/// Everything `nn.Conv2d` needs for one layer: the notebook's geometry plus the padding string
/// or amounts, the padding mode, groups and bias.
public struct Conv2dSpec: Equatable, Hashable, Sendable, Codable {
    /// Sizes, channels, kernel, stride and dilation; its padding holds the explicit amounts.
    public let parameters: ConvParameters
    /// `padding=`: explicit amounts, 'same' or 'valid'.
    public let padding: PaddingSpec
    /// `padding_mode=`.
    public let paddingMode: PaddingMode
    /// `groups=`.
    public let groups: Int
    /// One bias value added to every output channel, or nil for `bias=False` (the notebook's).
    public let bias: Float?

    /// A layer; `padding` nil means `.explicit` with the parameters' padding amounts.
    /// An explicit `padding` is written back into `parameters`, so the two never disagree.
    public init(
        _ parameters: ConvParameters, padding: PaddingSpec? = nil, paddingMode: PaddingMode = .zeros,
        groups: Int = 1, bias: Float? = nil
    ) {
        var p = parameters
        let spec = padding ?? .explicit(h: parameters.paddingH, w: parameters.paddingW)
        if case let .explicit(h, w) = spec { p.paddingH = h; p.paddingW = w }
        self.parameters = p
        self.padding = spec
        self.paddingMode = paddingMode
        self.groups = groups
        self.bias = bias
    }

    /// Height axis with its applied padding and mode.
    public var heightAxis: PaddedAxis {
        let p = parameters
        return PaddedAxis(
            size: p.hIn, kernel: p.kernelSizeH, stride: p.strideH, dilation: p.dilationH,
            padding: padding.sides(axis: .height, kernel: p.kernelSizeH, dilation: p.dilationH), mode: paddingMode)
    }

    /// Width axis with its applied padding and mode.
    public var widthAxis: PaddedAxis {
        let p = parameters
        return PaddedAxis(
            size: p.wIn, kernel: p.kernelSizeW, stride: p.strideW, dilation: p.dilationW,
            padding: padding.sides(axis: .width, kernel: p.kernelSizeW, dilation: p.dilationW), mode: paddingMode)
    }

    /// Input channels each group reads, C_in / groups.
    public var inChannelsPerGroup: Int { parameters.inChannels / groups }
    /// Output channels each group writes, C_out / groups.
    public var outChannelsPerGroup: Int { parameters.outChannels / groups }
    /// The group output channel `o` belongs to.
    public func group(ofOutput o: Int) -> Int { o / outChannelsPerGroup }
    /// The input channels output channel `o` reads (its group's).
    public func inputChannels(ofOutput o: Int) -> Range<Int> {
        let first = group(ofOutput: o) * inChannelsPerGroup
        return first..<first + inChannelsPerGroup
    }

    /// The input shape [1, C_in, H, W].
    public var inputShape: [Int] { parameters.inputShape }
    /// The weight shape [C_out, C_in/groups, kH, kW].
    public var kernelShape: [Int] {
        [parameters.outChannels, inChannelsPerGroup, parameters.kernelSizeH, parameters.kernelSizeW]
    }
    /// The output shape [1, C_out, H_out, W_out], or nil when PyTorch refuses the layer.
    public var outputShape: [Int]? {
        validate() == nil ? [1, parameters.outChannels, heightAxis.outputSize, widthAxis.outputSize] : nil
    }
    /// The bias per output channel (nil without bias), as `conv.bias` holds it.
    public var biasVector: [Float]? { bias.map { [Float](repeating: $0, count: parameters.outChannels) } }
}
