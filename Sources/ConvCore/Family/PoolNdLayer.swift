/// An argument a pooling module keeps as written: an int or a tuple (print(model) shows it back so).
public enum NdArgument: Equatable, Hashable, Sendable {
    case int(Int)
    case tuple([Int])

    /// The value on each of `dims` axes.
    public func values(_ dims: Int) -> [Int] {
        switch self {
        case let .int(v): [Int](repeating: v, count: dims)
        case let .tuple(items): items
        }
    }

    /// As Python prints it: `2`, `(2,)` or `(1, 2, 2)`.
    public var text: String {
        switch self {
        case let .int(v): "\(v)"
        case let .tuple(items): pythonTuple(items)
        }
    }
}

/// `nn.MaxPool1d`, `nn.AvgPool1d`, `nn.MaxPool3d` or `nn.AvgPool3d`.
public struct PoolNdLayer: Equatable, Hashable, Sendable {
    /// Max or average.
    public enum Kind: String, Sendable { case max = "MaxPool", average = "AvgPool" }

    public var kind: Kind
    /// The number of spatial axes: 1 or 3.
    public var dims: Int
    /// `kernel_size=`, `stride=` (nil: the kernel size), `padding=`, `dilation=` (max only).
    public var kernelSize: NdArgument, stride: NdArgument?, padding: NdArgument, dilation: NdArgument
    /// `ceil_mode=`.
    public var ceilMode = false
    /// `count_include_pad=` (average only).
    public var countIncludePad = true
    /// `divisor_override=` (AvgPool3d only).
    public var divisorOverride: Int?

    /// A pooling layer with PyTorch's defaults for everything not given.
    public init(_ kind: Kind, dims: Int, kernelSize: NdArgument, stride: NdArgument? = nil, padding: NdArgument = .int(0),
                dilation: NdArgument = .int(1), ceilMode: Bool = false, countIncludePad: Bool = true,
                divisorOverride: Int? = nil) {
        self.kind = kind; self.dims = dims; self.kernelSize = kernelSize; self.stride = stride
        self.padding = padding; self.dilation = dilation; self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad; self.divisorOverride = divisorOverride
    }

    /// "MaxPool1d", "AvgPool3d", ….
    public var name: String { kind.rawValue + "\(dims)d" }
    /// Per-axis kernel, stride, padding and dilation.
    public var kernels: [Int] { kernelSize.values(dims) }
    public var strides: [Int] { (stride ?? kernelSize).values(dims) }
    public var paddings: [Int] { padding.values(dims) }
    public var dilations: [Int] { kind == .max ? dilation.values(dims) : [Int](repeating: 1, count: dims) }

    /// ATen's `pooling_output_shape` along axis `a`: ⌊(in + 2p − d(k−1) − 1 (+ s − 1 with ceil_mode)) / s⌋ + 1,
    /// the last window dropped under ceil_mode when it would start inside the right padding.
    public func outputSize(input: Int, axis a: Int) -> Int {
        let (k, s, p, d) = (kernels[a], strides[a], paddings[a], dilations[a])
        let numerator = input + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)
        var size = floorDivide(numerator, s) + 1
        if ceilMode && (size - 1) * s >= input + p { size -= 1 }
        return size
    }

    /// PyTorch's `repr`: 1-D average pooling prints tuples, the others print the values as written.
    public var pytorchRepr: String {
        let stride = (self.stride ?? kernelSize)
        if kind == .average && dims == 1 {
            return "\(name)(kernel_size=\(pythonTuple(kernels)), stride=\(pythonTuple(strides)), "
                + "padding=\(pythonTuple(paddings)))"
        }
        if kind == .average { return "\(name)(kernel_size=\(kernelSize.text), stride=\(stride.text), padding=\(padding.text))" }
        return "\(name)(kernel_size=\(kernelSize.text), stride=\(stride.text), padding=\(padding.text), "
            + "dilation=\(dilation.text), ceil_mode=\(ceilMode ? "True" : "False"))"
    }
}
