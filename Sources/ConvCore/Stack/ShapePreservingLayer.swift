/// A layer whose output has its input's shape: drawn as one line in a stack.
public enum ShapePreservingLayer: Equatable, Hashable, Sendable {
    case relu(inplace: Bool)
    case leakyReLU(negativeSlope: Double, inplace: Bool)
    case sigmoid
    case tanh
    /// `approximate='tanh'` when `tanhApproximation`, else 'none'.
    case gelu(tanhApproximation: Bool)
    case batchNorm2d(BatchNorm2dLayer)
    /// Dropout and Dropout2d are the identity in eval mode, the mode a stack runs in.
    case dropout(p: Double, inplace: Bool)
    case dropout2d(p: Double, inplace: Bool)
    case identity

    /// The module's class name.
    public var name: String {
        switch self {
        case .relu: "ReLU"
        case .leakyReLU: "LeakyReLU"
        case .sigmoid: "Sigmoid"
        case .tanh: "Tanh"
        case .gelu: "GELU"
        case .batchNorm2d: "BatchNorm2d"
        case .dropout: "Dropout"
        case .dropout2d: "Dropout2d"
        case .identity: "Identity"
        }
    }

    /// PyTorch's `repr` of the module.
    public var pytorchRepr: String {
        switch self {
        case let .relu(inplace): inplace ? "ReLU(inplace=True)" : "ReLU()"
        case let .leakyReLU(slope, inplace):
            "LeakyReLU(negative_slope=\(pythonFloat(slope))\(inplace ? ", inplace=True" : ""))"
        case .sigmoid: "Sigmoid()"
        case .tanh: "Tanh()"
        case let .gelu(approx): "GELU(approximate='\(approx ? "tanh" : "none")')"
        case let .batchNorm2d(layer): layer.pytorchRepr
        case let .dropout(p, inplace): "Dropout(p=\(pythonFloat(p)), inplace=\(pythonBool(inplace)))"
        case let .dropout2d(p, inplace): "Dropout2d(p=\(pythonFloat(p)), inplace=\(pythonBool(inplace)))"
        case .identity: "Identity()"
        }
    }
}

/// `nn.BatchNorm2d` in eval mode, freshly built: weight 1, bias 0, running mean 0, running var 1.
public struct BatchNorm2dLayer: Equatable, Hashable, Sendable {
    /// `num_features=`.
    public var numFeatures: Int
    /// `eps=`.
    public var eps = 1e-5
    /// nil prints as `momentum=None` (a cumulative average); it never changes eval-mode values.
    public var momentum: Double? = 0.1
    /// `affine=`.
    public var affine = true
    /// `track_running_stats=`.
    public var trackRunningStats = true
    /// The keyword-only `bias=` PyTorch 2.13 added: False keeps the scale but drops the shift.
    public var bias = true

    /// A layer with PyTorch's defaults for everything not given.
    public init(
        _ numFeatures: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
        trackRunningStats: Bool = true, bias: Bool = true
    ) {
        self.numFeatures = numFeatures; self.eps = eps; self.momentum = momentum; self.affine = affine
        self.trackRunningStats = trackRunningStats; self.bias = bias
    }

    /// True when the layer normalises with the batch's own statistics: eval mode without running stats.
    public var usesBatchStatistics: Bool { !trackRunningStats }
    /// Learnable parameters: C weights and, with bias, C biases (running statistics are buffers).
    public var parameterCount: Int { affine ? numFeatures * (bias ? 2 : 1) : 0 }

    /// PyTorch's `repr` of the module (`bias` is printed as affine and bias).
    public var pytorchRepr: String {
        "BatchNorm2d(\(numFeatures), eps=\(pythonFloat(eps)), momentum=\(momentum.map(pythonFloat) ?? "None"), "
            + "affine=\(pythonBool(affine)), bias=\(pythonBool(affine && bias)), "
            + "track_running_stats=\(pythonBool(trackRunningStats)))"
    }
}

/// Python's `repr` of a float: `0.1`, `1e-05`, `0.5`.
func pythonFloat(_ value: Double) -> String {
    var text = "\(value)"
    // Swift and Python agree on shortest round-trip digits; Python writes 1e+16, Swift 1e+16 too.
    if text.hasSuffix(".0") && abs(value) >= 1e16 { text.removeLast(2) }
    return text
}

/// Python's `True` / `False`.
func pythonBool(_ value: Bool) -> String { value ? "True" : "False" }
