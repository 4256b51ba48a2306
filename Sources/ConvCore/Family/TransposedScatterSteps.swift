/// One step of a ConvTranspose2d's scatter form for one output channel: input position
/// (y, x) stamps the kernel, scaled by its values summed over the group's input channels,
/// onto the output; `partial` and `counts` are the output and the stamps per cell so far.
public struct ScatterStep: Equatable, Sendable {
    /// The input position that stamps.
    public let y: Int, x: Int
    /// The scaled kernel [kH][kW]: Σ over the group's input channels c of input[c, y, x] · weight[c, j].
    public let stamp: [[Float]]
    /// The output cells the stamp lands on (taps that fall outside the output are cropped), row-major.
    public let landed: [[Int]]
    /// The output channel after this stamp, rows of the output (the bias, then every stamp so far).
    public let partial: [[Float]]
    /// How many stamps have landed on each output cell so far, rows of the output.
    public let counts: [[Int]]
}

extension TransposedAsDirect {
    /// The scatter form of output channel `o` step by step, one step per input position in row
    /// order; the last step's `partial` is the output and its `counts` are `overlapCounts`.
    /// Sums run in Double and are rounded once per step, so integer data gives PyTorch's values exactly.
    public func scatterSteps(o: Int, input: Tensor4, weight: Tensor4, bias: [Float]?, limit: Int = .max) -> [ScatterStep] {
        let out = outputSize
        guard out.h > 0, out.w > 0 else { return [] }
        let inPerGroup = layer.inChannels / layer.groups, outPerGroup = layer.outChannels / layer.groups
        let group = o / outPerGroup, j = o % outPerGroup
        let channels = group * inPerGroup..<(group + 1) * inPerGroup
        let (kh, kw) = (layer.kernelSize.h, layer.kernelSize.w)
        var sums = [[Double]](repeating: [Double](repeating: Double(bias?[o] ?? 0), count: out.w), count: out.h)
        var counts = [[Int]](repeating: [Int](repeating: 0, count: out.w), count: out.h)
        var steps: [ScatterStep] = []
        for y in 0..<inputHeight {
            for x in 0..<inputWidth where steps.count < limit {
                var stamp = [[Double]](repeating: [Double](repeating: 0, count: kw), count: kh)
                for c in channels {
                    for ky in 0..<kh {
                        for kx in 0..<kw { stamp[ky][kx] += Double(input[0, c, y, x]) * Double(weight[c, j, ky, kx]) }
                    }
                }
                var landed: [[Int]] = []
                for ky in 0..<kh {
                    let oy = y * layer.stride.h - layer.padding.h + ky * layer.dilation.h
                    guard oy >= 0, oy < out.h else { continue }
                    for kx in 0..<kw {
                        let ox = x * layer.stride.w - layer.padding.w + kx * layer.dilation.w
                        guard ox >= 0, ox < out.w else { continue }
                        sums[oy][ox] += stamp[ky][kx]
                        counts[oy][ox] += 1
                        landed.append([oy, ox])
                    }
                }
                steps.append(ScatterStep(y: y, x: x, stamp: stamp.map { $0.map(Float.init) }, landed: landed,
                                         partial: sums.map { $0.map(Float.init) }, counts: counts))
            }
        }
        return steps
    }
}
