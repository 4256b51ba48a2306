/// The forward pass of the family layers for batch size 1, any number of spatial axes, summed
/// exactly in Double and rounded once to float32 (exact wherever PyTorch's float32 sums are).
public enum FamilyForward {
    /// Runs `layer` on `input`; `weight` and `bias` in PyTorch's layout for a convolution.
    /// The caller has checked the shape (`outputShape(input:)`).
    public static func run(_ layer: FamilyLayer, input: TensorN, weight: TensorN?, bias: [Float]?) throws(FamilyError)
        -> TensorN
    {
        let shape = try layer.outputShape(input: input.shape)
        switch layer {
        case let .conv(conv):
            return convolve(input: input, weight: weight!, bias: bias, axes: conv.axes(spatial: input.spatialShape),
                            groups: conv.groups, output: shape)
        case let .convTranspose(transposed):
            return scatter(input: input, weight: weight!, bias: bias, stride: transposed.stride,
                           padding: transposed.padding, dilation: transposed.dilation, groups: transposed.groups,
                           output: shape)
        case let .pool(pool):
            return pool.kind == .max ? maxPool(pool, input: input, output: shape) : averagePool(pool, input: input, output: shape)
        }
    }

    /// A direct convolution: output o at position y sums weight[o, j, k] · input[c, source(y·s − p + k·d)] over
    /// its group's channels and the taps, each axis reading through its `PaddedAxis` (every padding mode).
    static func convolve(input: TensorN, weight: TensorN, bias: [Float]?, axes: [PaddedAxis], groups: Int,
                         output shape: [Int]) -> TensorN {
        let outChannels = shape[1], inPerGroup = input.channels / groups, outPerGroup = outChannels / groups
        let outSpatial = Array(shape.dropFirst(2)), kernel = axes.map(\.kernel)
        let outCount = outSpatial.reduce(1, *), kernelCount = kernel.reduce(1, *), plane = input.planeCount
        let inStrides = rowMajorStrides(input.spatialShape)
        let tables = axes.map { $0.sourceTable() }
        var acc = [Double](repeating: 0, count: outChannels * outCount)
        for o in 0..<outChannels { for i in 0..<outCount { acc[o * outCount + i] = bias.map { Double($0[o]) } ?? 0 } }
        var offsets = [Int](repeating: -1, count: outCount)
        for (kf, tap) in Odometer.all(kernel).enumerated() {
            // The input offset each output position reads through this tap (−1 for a padding zero).
            var positions = Odometer(outSpatial)
            var index = 0
            while !positions.done {
                var offset = 0
                for a in axes.indices {
                    let source = tables[a][tap[a] * outSpatial[a] + positions.index[a]]
                    if source < 0 { offset = -1; break }
                    offset += source * inStrides[a]
                }
                offsets[index] = offset
                index += 1
                positions.advance()
            }
            for o in 0..<outChannels {
                let group = o / outPerGroup
                for j in 0..<inPerGroup {
                    let w = Double(weight.storage[(o * inPerGroup + j) * kernelCount + kf])
                    if w == 0 { continue }
                    let base = (group * inPerGroup + j) * plane
                    for i in 0..<outCount where offsets[i] >= 0 {
                        acc[o * outCount + i] += w * Double(input.storage[base + offsets[i]])
                    }
                }
            }
        }
        return TensorN(shape: shape, storage: acc.map { Float($0) })
    }

    /// A transposed convolution as a scatter: input position i stamps weight[c, j, k] · x onto output
    /// i·s − p + k·d, each output summing every stamp that lands on it.
    static func scatter(input: TensorN, weight: TensorN, bias: [Float]?, stride: [Int], padding: [Int], dilation: [Int],
                        groups: Int, output shape: [Int]) -> TensorN {
        let outChannels = shape[1], inPerGroup = input.channels / groups, outPerGroup = outChannels / groups
        let outSpatial = Array(shape.dropFirst(2)), kernel = Array(weight.shape.dropFirst(2))
        let outCount = outSpatial.reduce(1, *), kernelCount = kernel.reduce(1, *), plane = input.planeCount
        let outStrides = rowMajorStrides(outSpatial)
        var acc = [Double](repeating: 0, count: outChannels * outCount)
        for o in 0..<outChannels { for i in 0..<outCount { acc[o * outCount + i] = bias.map { Double($0[o]) } ?? 0 } }
        let taps = Odometer.all(kernel)
        for (iflat, position) in Odometer.all(input.spatialShape).enumerated() {
            for (kf, tap) in taps.enumerated() {
                var target = 0
                for a in position.indices {
                    let y = position[a] * stride[a] - padding[a] + tap[a] * dilation[a]
                    if y < 0 || y >= outSpatial[a] { target = -1; break }
                    target += y * outStrides[a]
                }
                if target < 0 { continue }
                for c in 0..<input.channels {
                    let x = Double(input.storage[c * plane + iflat])
                    if x == 0 { continue }
                    let group = c / inPerGroup
                    for j in 0..<outPerGroup {
                        let o = group * outPerGroup + j
                        acc[o * outCount + target] += x * Double(weight.storage[(c * outPerGroup + j) * kernelCount + kf])
                    }
                }
            }
        }
        return TensorN(shape: shape, storage: acc.map { Float($0) })
    }
}
