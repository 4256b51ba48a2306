/// nn.Upsample and F.interpolate as ATen computes them on the CPU (float32 index arithmetic):
/// nearest takes source ⌊o·scale⌋; bilinear blends the two nearest sources, with
/// scale = in/out or 1/scale_factor (align_corners False, half-pixel centres) or
/// (in−1)/(out−1) (align_corners True).
enum GraphResizing {
    /// One output position along an axis: its two sources and their weights (w1 0 for nearest).
    struct Tap: Equatable {
        let i0: Int, i1: Int
        let w0: Float, w1: Float
    }

    /// The output shape and the field, or PyTorch's message for a map that is not [N, C, H, W].
    static func shape(_ resize: GraphResize, _ input: GraphShapes.Value) throws(GraphError) -> ([Int], Reach?) {
        let shape = input.shape
        guard shape.count == 4 else {
            throw GraphError(pythonType: shape.count == 3 || shape.count == 5 ? "convscope" : "NotImplementedError",
                             message: shape.count == 3 || shape.count == 5
                                ? "convscope resizes [N, C, H, W] maps; this one has \(shape.count) dimensions"
                                : "Input Error: Only 3D, 4D and 5D input Tensors supported (got \(shape.count)D) for the modes: "
                                  + "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got \(resize.mode.rawValue))")
        }
        let out = (0..<2).map { a in resize.size?[a] ?? Int((Double(shape[2 + a]) * resize.scale![a]).rounded(.down)) }
        guard out.allSatisfy({ $0 > 0 }) else {
            throw GraphError(pythonType: "RuntimeError", message: "Input and output sizes should be greater than 0, but got "
                             + "input (H: \(shape[2]), W: \(shape[3])) output (H: \(out[0]), W: \(out[1]))")
        }
        let reach = input.reach.map { r in
            Reach(h: r.h.flatMap { through($0, taps(resize, axis: 0, input: shape[2], output: out[0]), input: shape[2]) },
                  w: r.w.flatMap { through($0, taps(resize, axis: 1, input: shape[3], output: out[1]), input: shape[3]) })
        }
        return ([shape[0], shape[1], out[0], out[1]], reach)
    }

    /// The sources of every output position along spatial axis `axis` (0 height, 1 width).
    static func taps(_ resize: GraphResize, axis: Int, input: Int, output: Int) -> [Tap] {
        let given = resize.scale.map { Float(1.0 / $0[axis]) }
        let ratio = given ?? Float(input) / Float(output)
        switch resize.mode {
        case .nearest:
            return (0..<output).map { o in
                let i = min(Int((Float(o) * ratio).rounded(.down)), input - 1)
                return Tap(i0: i, i1: i, w0: 1, w1: 0)
            }
        case .bilinear:
            let scale: Float = resize.alignCorners ? (output > 1 ? Float(input - 1) / Float(output - 1) : 0) : ratio
            return (0..<output).map { o in
                // ATen's CPU kernel contracts scale·(o + 0.5) − 0.5 into one fused multiply-add: at ×3 the
                // product rounds to 0.5 but the fused result is 1.5e-8, a weight torch's gradient sees.
                let real = resize.alignCorners ? scale * Float(o) : max((-0.5 as Float).addingProduct(scale, Float(o) + 0.5), 0)
                let i0 = min(Int(real.rounded(.down)), input - 1)
                let lambda = min(max(real - Float(i0), 0), 1)
                return Tap(i0: i0, i1: i0 + (i0 < input - 1 ? 1 : 0), w0: 1 - lambda, w1: lambda)
            }
        }
    }

    /// The reach after resampling: each output cell reads the sources its non-zero weights name.
    static func through(_ reach: AxisReach, _ taps: [Tap], input: Int) -> AxisReach? {
        reach.through(sources: taps.map { ($0.w0 != 0 ? [$0.i0] : []) + ($0.w1 != 0 ? [$0.i1] : []) }, input: input)
    }
}
