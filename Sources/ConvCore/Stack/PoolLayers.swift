/// `nn.MaxPool2d`; arguments are kept as written because PyTorch prints them back that way.
public struct MaxPool2dLayer: Equatable, Hashable, Sendable {
    /// `kernel_size=`.
    public var kernelSize: IntOrPair
    /// nil: the kernel size, PyTorch's default.
    public var stride: IntOrPair?
    /// `padding=`.
    public var padding: IntOrPair = .int(0)
    /// `dilation=`.
    public var dilation: IntOrPair = .int(1)
    /// `ceil_mode=`.
    public var ceilMode = false

    /// A layer with PyTorch's defaults for everything not given.
    public init(
        kernelSize: IntOrPair, stride: IntOrPair? = nil, padding: IntOrPair = .int(0), dilation: IntOrPair = .int(1),
        ceilMode: Bool = false
    ) {
        self.kernelSize = kernelSize; self.stride = stride; self.padding = padding
        self.dilation = dilation; self.ceilMode = ceilMode
    }

    /// The window along both axes.
    public var window: PoolWindow {
        PoolWindow(kernel: kernelSize.pair, stride: (stride ?? kernelSize).pair, padding: padding.pair,
                   dilation: dilation.pair, ceilMode: ceilMode)
    }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String {
        "MaxPool2d(kernel_size=\(kernelSize.text), stride=\((stride ?? kernelSize).text), padding=\(padding.text), "
            + "dilation=\(dilation.text), ceil_mode=\(ceilMode ? "True" : "False"))"
    }
}

/// `nn.AvgPool2d`.
public struct AvgPool2dLayer: Equatable, Hashable, Sendable {
    /// `kernel_size=`.
    public var kernelSize: IntOrPair
    /// nil: the kernel size, PyTorch's default.
    public var stride: IntOrPair?
    /// `padding=`.
    public var padding: IntOrPair = .int(0)
    /// `ceil_mode=`.
    public var ceilMode = false
    /// `count_include_pad=`.
    public var countIncludePad = true
    /// Divide every window by this instead of its size.
    public var divisorOverride: Int?

    /// A layer with PyTorch's defaults for everything not given.
    public init(
        kernelSize: IntOrPair, stride: IntOrPair? = nil, padding: IntOrPair = .int(0), ceilMode: Bool = false,
        countIncludePad: Bool = true, divisorOverride: Int? = nil
    ) {
        self.kernelSize = kernelSize; self.stride = stride; self.padding = padding
        self.ceilMode = ceilMode; self.countIncludePad = countIncludePad; self.divisorOverride = divisorOverride
    }

    /// The window along both axes (dilation 1).
    public var window: PoolWindow {
        PoolWindow(kernel: kernelSize.pair, stride: (stride ?? kernelSize).pair, padding: padding.pair,
                   dilation: SpatialPair(square: 1), ceilMode: ceilMode)
    }

    /// PyTorch's `repr` of the module: ceil_mode, count_include_pad and divisor_override are not
    /// printed, so a pasted model gets their defaults.
    public var pytorchRepr: String {
        "AvgPool2d(kernel_size=\(kernelSize.text), stride=\((stride ?? kernelSize).text), padding=\(padding.text))"
    }
}

/// The geometry of a pooling window along both axes.
public struct PoolWindow: Equatable, Hashable, Sendable {
    public let kernel: SpatialPair, stride: SpatialPair, padding: SpatialPair, dilation: SpatialPair
    public let ceilMode: Bool

    /// d·(k − 1) + 1 along one axis.
    public func effectiveKernel(_ axis: PaddingSpec.Axis) -> Int { dilation[axis] * (kernel[axis] - 1) + 1 }

    /// ATen's `pooling_output_shape`: ⌊(in + 2p − d(k−1) − 1 (+ s − 1 with ceil_mode)) / s⌋ + 1, and with
    /// ceil_mode the last window is dropped when it would start inside the right padding.
    public func outputSize(input: Int, axis: PaddingSpec.Axis) -> Int {
        let s = stride[axis], p = padding[axis]
        let numerator = input + 2 * p - effectiveKernel(axis) + (ceilMode ? s - 1 : 0)
        var size = floorDivide(numerator, s) + 1
        if ceilMode && (size - 1) * s >= input + p { size -= 1 }
        return size
    }

    /// The first input index window `o` covers (may be negative: padding).
    public func start(output o: Int, axis: PaddingSpec.Axis) -> Int { o * stride[axis] - padding[axis] }
}

/// ⌊a / b⌋ for b > 0, rounding towards −∞ like ATen's `div_rtn`.
func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
