/// `nn.Conv1d` or `nn.Conv3d` (`dims` 1 or 3): every argument of the module, one value per
/// spatial axis (depth, height, width for a volume; length for a sequence).
public struct ConvNdLayer: Equatable, Hashable, Sendable {
    /// The number of spatial axes: 1 or 3.
    public var dims: Int
    /// `in_channels=` and `out_channels=`.
    public var inChannels: Int, outChannels: Int
    /// `kernel_size=`, `stride=`, `dilation=` per axis.
    public var kernelSize: [Int], stride: [Int], dilation: [Int]
    /// `padding=`.
    public var padding: NdPadding
    /// `groups=`.
    public var groups = 1
    /// `bias=`.
    public var bias = true
    /// `padding_mode=`.
    public var paddingMode: PaddingMode = .zeros

    /// A layer with PyTorch's defaults for everything not given.
    public init(dims: Int, _ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int]? = nil,
                padding: NdPadding? = nil, dilation: [Int]? = nil, groups: Int = 1, bias: Bool = true,
                paddingMode: PaddingMode = .zeros) {
        self.dims = dims; self.inChannels = inChannels; self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride ?? [Int](repeating: 1, count: dims)
        self.padding = padding ?? .explicit([Int](repeating: 0, count: dims))
        self.dilation = dilation ?? [Int](repeating: 1, count: dims)
        self.groups = groups; self.bias = bias; self.paddingMode = paddingMode
    }

    /// "Conv1d" or "Conv3d".
    public var name: String { "Conv\(dims)d" }

    /// The weight shape [C_out, C_in/groups, k…].
    public var weightShape: [Int] { [outChannels, inChannels / max(groups, 1)] + kernelSize }

    /// The padding applied to axis `a` (before, after): 'same' puts the odd one after, as PyTorch does.
    public func appliedPadding(_ a: Int) -> AxisPadding {
        switch padding {
        case let .explicit(amounts): AxisPadding(before: amounts[a], after: amounts[a])
        case .valid: AxisPadding(before: 0, after: 0)
        case .same:
            AxisPadding(before: dilation[a] * (kernelSize[a] - 1) / 2,
                        after: dilation[a] * (kernelSize[a] - 1) - dilation[a] * (kernelSize[a] - 1) / 2)
        }
    }

    /// Each spatial axis with its padding and mode, for an input of these spatial sizes.
    public func axes(spatial: [Int]) -> [PaddedAxis] {
        (0..<dims).map { a in
            PaddedAxis(size: spatial[a], kernel: kernelSize[a], stride: stride[a], dilation: dilation[a],
                       padding: appliedPadding(a), mode: paddingMode)
        }
    }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String {
        var text = "\(name)(\(inChannels), \(outChannels), kernel_size=\(pythonTuple(kernelSize)), stride=\(pythonTuple(stride))"
        switch padding {
        case let .explicit(amounts) where amounts.contains { $0 != 0 }: text += ", padding=\(pythonTuple(amounts))"
        case .same: text += ", padding=same"
        case .valid: text += ", padding=valid"
        case .explicit: break
        }
        if dilation.contains(where: { $0 != 1 }) { text += ", dilation=\(pythonTuple(dilation))" }
        if groups != 1 { text += ", groups=\(groups)" }
        if !bias { text += ", bias=False" }
        if paddingMode != .zeros { text += ", padding_mode=\(paddingMode.rawValue)" }
        return text + ")"
    }
}

/// `padding=` of a 1-D or 3-D convolution: amounts per axis, 'same' or 'valid'.
public enum NdPadding: Equatable, Hashable, Sendable {
    case explicit([Int])
    case same
    case valid
}

/// `nn.ConvTranspose1d` (padding_mode 'zeros' only, as PyTorch allows).
public struct ConvTransposeNdLayer: Equatable, Hashable, Sendable {
    /// The number of spatial axes (1).
    public var dims: Int
    /// `in_channels=` and `out_channels=`.
    public var inChannels: Int, outChannels: Int
    /// Per axis: `kernel_size=`, `stride=`, `padding=`, `output_padding=`, `dilation=`.
    public var kernelSize: [Int], stride: [Int], padding: [Int], outputPadding: [Int], dilation: [Int]
    /// `groups=`.
    public var groups = 1
    /// `bias=`.
    public var bias = true

    /// A layer; every per-axis array has `dims` entries.
    public init(dims: Int, _ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int], padding: [Int],
                outputPadding: [Int], dilation: [Int], groups: Int = 1, bias: Bool = true) {
        self.dims = dims; self.inChannels = inChannels; self.outChannels = outChannels
        self.kernelSize = kernelSize; self.stride = stride; self.padding = padding
        self.outputPadding = outputPadding; self.dilation = dilation; self.groups = groups; self.bias = bias
    }

    /// "ConvTranspose1d".
    public var name: String { "ConvTranspose\(dims)d" }

    /// The weight shape [C_in, C_out/groups, k…].
    public var weightShape: [Int] { [inChannels, outChannels / max(groups, 1)] + kernelSize }

    /// (in − 1)·s − 2p + d·(k − 1) + output_padding + 1 along axis `a`.
    public func outputSize(input: Int, axis a: Int) -> Int {
        (input - 1) * stride[a] - 2 * padding[a] + dilation[a] * (kernelSize[a] - 1) + outputPadding[a] + 1
    }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String {
        var text = "\(name)(\(inChannels), \(outChannels), kernel_size=\(pythonTuple(kernelSize)), stride=\(pythonTuple(stride))"
        if padding.contains(where: { $0 != 0 }) { text += ", padding=\(pythonTuple(padding))" }
        if dilation.contains(where: { $0 != 1 }) { text += ", dilation=\(pythonTuple(dilation))" }
        if outputPadding.contains(where: { $0 != 0 }) { text += ", output_padding=\(pythonTuple(outputPadding))" }
        if groups != 1 { text += ", groups=\(groups)" }
        if !bias { text += ", bias=False" }
        return text + ")"
    }
}

/// Python's repr of a tuple: `(3,)` for one value, `(1, 3, 3)` for three.
func pythonTuple(_ values: [Int]) -> String {
    values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
}
