/// Convolution as signal processing defines it, y[n] = Σ x[n − k]·w[k]: the kernel flipped in
/// both spatial axes. PyTorch's Conv2d computes cross-correlation, y[n] = Σ x[n + k]·w[k], so
/// the two differ exactly when the kernel is not symmetric under a half turn (sobel-x: sign flips).
public enum TrueConvolution {
    /// The weight [C_out, C_in/g, kH, kW] turned half a turn in its last two axes (`weight.flip(-1, -2)`).
    public static func flipped(_ weight: Tensor4) -> Tensor4 {
        let (kh, kw) = (weight.shape[2], weight.shape[3])
        var out = weight
        for o in 0..<weight.shape[0] {
            for i in 0..<weight.shape[1] {
                for ky in 0..<kh { for kx in 0..<kw { out[o, i, ky, kx] = weight[o, i, kh - 1 - ky, kw - 1 - kx] } }
            }
        }
        return out
    }

    /// True when flipping changes nothing, so convolution and cross-correlation agree.
    public static func isHalfTurnSymmetric(_ weight: Tensor4) -> Bool { flipped(weight) == weight }

    /// The true convolution of `input` with `weights` for `spec`: PyTorch's Conv2d run with the flipped kernel.
    public static func run(input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec) throws -> Tensor4 {
        try Conv2dForward.run(input: input, weights: flipped(weights), bias: bias, spec: spec, threads: 1)
    }
}
