extension FamilyForward {
    /// The largest input value in each window; taps in the padding are skipped.
    static func maxPool(_ layer: PoolNdLayer, input: TensorN, output shape: [Int]) -> TensorN {
        let spatial = input.spatialShape, strides = rowMajorStrides(spatial)
        let (k, s, p, d) = (layer.kernels, layer.strides, layer.paddings, layer.dilations)
        let positions = Odometer.all(Array(shape.dropFirst(2))), taps = Odometer.all(k)
        var output: [Float] = []
        output.reserveCapacity(shape.reduce(1, *))
        for c in 0..<shape[1] {
            let base = c * input.planeCount
            for position in positions {
                var best = -Float.infinity
                for tap in taps {
                    var offset = 0
                    for a in spatial.indices {
                        let i = position[a] * s[a] - p[a] + tap[a] * d[a]
                        if i < 0 || i >= spatial[a] { offset = -1; break }
                        offset += i * strides[a]
                    }
                    if offset < 0 { continue }
                    let value = input.storage[base + offset]
                    if value > best || value.isNaN { best = value }
                }
                output.append(best)
            }
        }
        return TensorN(shape: shape, storage: output)
    }

    /// The window sum divided once, ATen's rule: the window clipped to input + padding for the
    /// count_include_pad divisor, to the input for the sum and the other divisor.
    static func averagePool(_ layer: PoolNdLayer, input: TensorN, output shape: [Int]) -> TensorN {
        let spatial = input.spatialShape, strides = rowMajorStrides(spatial)
        let (k, s, p) = (layer.kernels, layer.strides, layer.paddings)
        var output: [Float] = []
        output.reserveCapacity(shape.reduce(1, *))
        let positions = Odometer.all(Array(shape.dropFirst(2)))
        for c in 0..<shape[1] {
            let base = c * input.planeCount
            for position in positions {
                var starts: [Int] = [], ends: [Int] = [], poolSize = 1
                for a in spatial.indices {
                    let start = position[a] * s[a] - p[a]
                    let end = Swift.min(start + k[a], spatial[a] + p[a])
                    poolSize *= end - start
                    starts.append(Swift.max(start, 0)); ends.append(Swift.min(end, spatial[a]))
                }
                let extent = zip(starts, ends).map { Swift.max($1 - $0, 0) }
                guard !extent.contains(0) else { output.append(0); continue }
                var sum = 0.0
                for offset in Odometer.all(extent) {
                    sum += Double(input.storage[base + offset.indices.reduce(0) { $0 + (starts[$1] + offset[$1]) * strides[$1] }])
                }
                let divisor = layer.divisorOverride ?? (layer.countIncludePad ? poolSize : extent.reduce(1, *))
                output.append(Float(Double(Float(sum)) / Double(divisor)))
            }
        }
        return TensorN(shape: shape, storage: output)
    }
}
