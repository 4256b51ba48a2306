#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Element-wise layers in eval mode. ReLU, LeakyReLU (x·slope in float32), Dropout and Identity
/// are exact; BatchNorm2d with running statistics multiplies by float32 1/√(1 + eps) as ATen
/// does; Sigmoid, Tanh, GELU and batch-statistics BatchNorm are computed in Double and rounded
/// once, within a few float32 ulps of PyTorch's vectorised float32 (tests allow 1e-6 relative).
enum ShapePreservingForward {
    static func run(_ layer: ShapePreservingLayer, input: Tensor4) -> Tensor4 {
        var output = input
        switch layer {
        case .relu:
            apply(&output) { $0 > 0 || $0.isNaN ? $0 : 0 }
        case let .leakyReLU(slope, _):
            let s = Float(slope)
            apply(&output) { $0 > 0 ? $0 : $0 * s }
        case .sigmoid:
            apply(&output) { Float(1 / (1 + exp(-Double($0)))) }
        case .tanh:
            apply(&output) { Float(tanh(Double($0))) }
        case .gelu(tanhApproximation: false):
            apply(&output) { x in Float(0.5 * Double(x) * (1 + erf(Double(x) / 2.0.squareRoot()))) }
        case .gelu(tanhApproximation: true):
            apply(&output) { x in
                let d = Double(x)
                return Float(0.5 * d * (1 + tanh((2 / Double.pi).squareRoot() * (d + 0.044715 * d * d * d))))
            }
        case let .batchNorm2d(bn):
            batchNorm(bn, &output)
        case .dropout, .dropout2d, .identity:
            break
        }
        return output
    }

    static func apply(_ tensor: inout Tensor4, _ f: (Float) -> Float) {
        for i in tensor.storage.indices { tensor.storage[i] = f(tensor.storage[i]) }
    }

    /// A fresh layer: weight 1, bias 0; running mean 0 and var 1, or the map's own mean and
    /// biased variance when it keeps no running statistics.
    static func batchNorm(_ bn: BatchNorm2dLayer, _ tensor: inout Tensor4) {
        let plane = tensor.shape[2] * tensor.shape[3]
        for c in 0..<tensor.shape[1] {
            let base = tensor.offset(0, c, 0, 0)
            if bn.usesBatchStatistics {
                let values = tensor.storage[base..<base + plane].map(Double.init)
                let mean = values.reduce(0, +) / Double(plane)
                let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(plane)
                let scale = 1 / (variance + bn.eps).squareRoot()
                for i in base..<base + plane { tensor.storage[i] = Float((Double(tensor.storage[i]) - mean) * scale) }
            } else {
                let scale = 1 / (Float(1) + Float(bn.eps)).squareRoot()
                for i in base..<base + plane { tensor.storage[i] *= scale }
            }
        }
    }
}
