/// `nn.Conv2d`: the module's arguments, the one type that holds them. A stack's layer, the course
/// screen's (`Conv2dSettings.layer`) and what the kernels run (`Conv2dSpec.layer`) are all this;
/// the input's size is not an argument, so `spec(inputHeight:inputWidth:)` adds it.
public struct Conv2dLayer: Equatable, Hashable, Sendable, Codable {
    /// `in_channels=` and `out_channels=`.
    public var inChannels: Int, outChannels: Int
    /// `kernel_size=`.
    public var kernelSize: SpatialPair
    /// `stride=`.
    public var stride = SpatialPair(square: 1)
    /// `padding=`.
    public var padding: PaddingSpec = .explicit(h: 0, w: 0)
    /// `dilation=`.
    public var dilation = SpatialPair(square: 1)
    /// `groups=`.
    public var groups = 1
    /// `bias=`.
    public var bias = true
    /// `padding_mode=`.
    public var paddingMode: PaddingMode = .zeros

    /// A layer with PyTorch's defaults for everything not given.
    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: SpatialPair, stride: SpatialPair = SpatialPair(square: 1),
        padding: PaddingSpec = .explicit(h: 0, w: 0), dilation: SpatialPair = SpatialPair(square: 1), groups: Int = 1,
        bias: Bool = true, paddingMode: PaddingMode = .zeros
    ) {
        self.inChannels = inChannels; self.outChannels = outChannels; self.kernelSize = kernelSize
        self.stride = stride; self.padding = padding; self.dilation = dilation; self.groups = groups
        self.bias = bias; self.paddingMode = paddingMode
    }

    /// The single-layer spec for an input of `channels` × H × W (no bias value: a stack passes its own vector).
    public func spec(channels: Int? = nil, inputHeight: Int, inputWidth: Int, groups: Int? = nil) -> Conv2dSpec {
        var layer = self
        layer.inChannels = channels ?? inChannels
        layer.groups = groups ?? self.groups
        return Conv2dSpec(layer, inputHeight: inputHeight, inputWidth: inputWidth)
    }

    /// The padding applied to one axis ('same' may pad one more after than before).
    public func appliedPadding(_ axis: PaddingSpec.Axis) -> AxisPadding {
        padding.sides(axis: axis, kernel: kernelSize[axis], dilation: dilation[axis])
    }

    /// The weight shape [C_out, C_in/groups, kH, kW].
    public var weightShape: [Int] { [outChannels, inChannels / groups, kernelSize.h, kernelSize.w] }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String {
        var text = "Conv2d(\(inChannels), \(outChannels), kernel_size=\(kernelSize.tupleText), stride=\(stride.tupleText)"
        switch padding {
        case let .explicit(h, w) where h != 0 || w != 0: text += ", padding=(\(h), \(w))"
        case .same: text += ", padding=same"
        case .valid: text += ", padding=valid"
        case .explicit: break
        }
        if dilation != SpatialPair(square: 1) { text += ", dilation=\(dilation.tupleText)" }
        if groups != 1 { text += ", groups=\(groups)" }
        if !bias { text += ", bias=False" }
        if paddingMode != .zeros { text += ", padding_mode=\(paddingMode.rawValue)" }
        return text + ")"
    }
}

/// `nn.ConvTranspose2d` (padding_mode 'zeros' only, as PyTorch allows).
public struct ConvTranspose2dLayer: Equatable, Hashable, Sendable {
    /// `in_channels=` and `out_channels=`.
    public var inChannels: Int, outChannels: Int
    /// `kernel_size=`.
    public var kernelSize: SpatialPair
    /// `stride=`.
    public var stride = SpatialPair(square: 1)
    /// `padding=`.
    public var padding = SpatialPair(square: 0)
    /// `output_padding=`.
    public var outputPadding = SpatialPair(square: 0)
    /// `groups=`.
    public var groups = 1
    /// `bias=`.
    public var bias = true
    /// `dilation=`.
    public var dilation = SpatialPair(square: 1)

    /// A layer with PyTorch's defaults for everything not given.
    public init(
        _ inChannels: Int, _ outChannels: Int, kernelSize: SpatialPair, stride: SpatialPair = SpatialPair(square: 1),
        padding: SpatialPair = SpatialPair(square: 0), outputPadding: SpatialPair = SpatialPair(square: 0),
        groups: Int = 1, bias: Bool = true, dilation: SpatialPair = SpatialPair(square: 1)
    ) {
        self.inChannels = inChannels; self.outChannels = outChannels; self.kernelSize = kernelSize
        self.stride = stride; self.padding = padding; self.outputPadding = outputPadding
        self.groups = groups; self.bias = bias; self.dilation = dilation
    }

    /// The weight shape [C_in, C_out/groups, kH, kW] (transposed convolutions store it this way round).
    public var weightShape: [Int] { [inChannels, outChannels / groups, kernelSize.h, kernelSize.w] }

    /// (in − 1)·s − 2p + d·(k − 1) + output_padding + 1 along one axis.
    public func outputSize(input: Int, axis: PaddingSpec.Axis) -> Int {
        (input - 1) * stride[axis] - 2 * padding[axis] + dilation[axis] * (kernelSize[axis] - 1)
            + outputPadding[axis] + 1
    }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String { pytorchRepr(padding: .explicit(h: padding.h, w: padding.w), paddingMode: .zeros) }

    /// PyTorch's `repr` of the module asked for with `padding=` `given` (in place of `padding`) and
    /// `padding_mode=`: a padding string as the constructor keeps it, taken apart into its letters
    /// (`padding=('s', 'a', 'm', 'e')`; the forward refuses it), a padding mode other than zeros
    /// where the repr writes it (the constructor refuses it). What the arguments print as, whether
    /// or not PyTorch runs them.
    public func pytorchRepr(padding given: PaddingSpec, paddingMode: PaddingMode) -> String {
        var text = "ConvTranspose2d(\(inChannels), \(outChannels), kernel_size=\(kernelSize.tupleText), "
            + "stride=\(stride.tupleText)"
        switch given {
        case let .explicit(h, w) where h != 0 || w != 0: text += ", padding=(\(h), \(w))"
        case .explicit: break
        case .same, .valid: text += ", padding=" + Self.letters(given == .same ? "same" : "valid")
        }
        if dilation != SpatialPair(square: 1) { text += ", dilation=\(dilation.tupleText)" }
        if outputPadding != SpatialPair(square: 0) { text += ", output_padding=\(outputPadding.tupleText)" }
        if groups != 1 { text += ", groups=\(groups)" }
        if !bias { text += ", bias=False" }
        if paddingMode != .zeros { text += ", padding_mode=\(paddingMode.rawValue)" }
        return text + ")"
    }

    /// A string as `_pair` leaves it, a tuple of its letters: ('s', 'a', 'm', 'e').
    static func letters(_ word: String) -> String { "(" + word.map { "'\($0)'" }.joined(separator: ", ") + ")" }
}

extension Conv2dLayer {
    /// Input rows and columns of an H × W input that no window reads (the formula panel lists them).
    public func unreadInput(inputHeight: Int, inputWidth: Int) -> (rows: [Int], columns: [Int]) {
        let spec = spec(inputHeight: inputHeight, inputWidth: inputWidth, groups: 1)
        return (ConvParameters.unread(spec.heightAxis), ConvParameters.unread(spec.widthAxis))
    }
}
