#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A function a traced forward applies cell by cell, in eval mode (Dropout and StochasticDepth
/// are the identity there). Values follow PyTorch 2.13's CPU definitions; transcendental ones are
/// computed in Double and rounded once (within a few float32 ulps of PyTorch's vectorised code).
public enum GraphFunction: Equatable, Sendable {
    case identity
    case relu
    case hardtanh(min: Double, max: Double)
    case silu
    case gelu(tanhApproximation: Bool)
    case hardswish
    case hardsigmoid
    case sigmoid
    case tanh
    case mish
    case elu(alpha: Double)
    case leakyReLU(slope: Double)
    case softplus(beta: Double, threshold: Double)
    /// A shape-keeping function convscope reads but does not compute (Softmax over a dimension).
    case uncomputed(String)

    /// ReLU6 is Hardtanh(0, 6).
    public static let relu6 = GraphFunction.hardtanh(min: 0, max: 6)

    /// The function's value at one float32 cell, as PyTorch computes it.
    public func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .identity, .uncomputed: return x
        case .relu: return x > 0 || x.isNaN ? x : 0
        case let .hardtanh(lo, hi): return x.isNaN ? x : Swift.min(Swift.max(x, Float(lo)), Float(hi))
        case .silu: return Float(Double(x) / (1 + exp(-Double(x))))
        case .gelu(tanhApproximation: false): return Float(0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot())))
        case .gelu(tanhApproximation: true):
            let d = Double(x)
            return Float(0.5 * d * (1 + hyperbolicTangent((2 / Double.pi).squareRoot() * (d + 0.044715 * d * d * d))))
        case .hardswish: return x.isNaN ? x : x * Swift.min(Swift.max(x + 3, 0), 6) / 6
        case .hardsigmoid: return x.isNaN ? x : Swift.min(Swift.max(x + 3, 0), 6) / 6
        case .sigmoid: return Float(1 / (1 + exp(-Double(x))))
        case .tanh: return Float(hyperbolicTangent(Double(x)))
        case .mish:
            let d = Double(x)
            return Float(d * hyperbolicTangent(d > 20 ? d : log1p(exp(d))))
        case let .elu(alpha): return x > 0 || x.isNaN ? x : Float(alpha * expm1(Double(x)))
        case let .leakyReLU(slope): return x > 0 ? x : x * Float(slope)
        case let .softplus(beta, threshold):
            let d = Double(x) * beta
            return d > threshold ? x : Float(log1p(exp(d)) / beta)
        }
    }

    /// The function an activation module's class and arguments name; nil for another class.
    static func module(_ name: String, _ number: (Int, String) -> Double?) -> GraphFunction? {
        switch name {
        case "ReLU6": .relu6
        case "SiLU": .silu
        case "Hardswish": .hardswish
        case "Hardsigmoid": .hardsigmoid
        case "Mish": .mish
        case "ELU": .elu(alpha: number(0, "alpha") ?? 1)
        case "Hardtanh": .hardtanh(min: number(0, "min_val") ?? -1, max: number(1, "max_val") ?? 1)
        case "Softplus": .softplus(beta: number(0, "beta") ?? 1, threshold: number(1, "threshold") ?? 20)
        case "StochasticDepth", "AlphaDropout", "FeatureAlphaDropout": .identity
        case "Softmax", "LogSoftmax", "Softmax2d": .uncomputed(name)
        default: nil
        }
    }

    /// The function `torch.nn.functional.NAME(x, …)`, `torch.NAME(x)` or `x.NAME()` computes; nil for another.
    static func functional(_ name: String, _ number: (Int, String) -> Double?) -> GraphFunction? {
        switch name {
        case "relu", "relu_": .relu
        case "relu6": .relu6
        case "silu": .silu
        case "gelu": .gelu(tanhApproximation: false)
        case "hardswish": .hardswish
        case "hardsigmoid": .hardsigmoid
        case "sigmoid": .sigmoid
        case "tanh": .tanh
        case "mish": .mish
        case "elu": .elu(alpha: number(1, "alpha") ?? 1)
        case "leaky_relu": .leakyReLU(slope: number(1, "negative_slope") ?? 0.01)
        case "hardtanh": .hardtanh(min: number(1, "min_val") ?? -1, max: number(2, "max_val") ?? 1)
        case "softplus": .softplus(beta: number(1, "beta") ?? 1, threshold: number(2, "threshold") ?? 20)
        case "dropout", "dropout2d", "alpha_dropout", "contiguous", "clone", "detach": .identity
        case "softmax", "log_softmax": .uncomputed(name)
        default: nil
        }
    }
}

/// tanh outside GraphFunction, whose `.tanh` case hides the C function's name inside it.
private func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
