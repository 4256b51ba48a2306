/// Thrown when a caller's cancellation check says a computation is no longer wanted.
public struct ComputationCancelled: Error, Equatable, Sendable {
    /// The error value.
    public init() {}
}

/// `torch.nn.functional.conv2d` with zero padding and no bias, for batch size 1.
///
/// Every output value is summed exactly in Double and rounded once to float32. PyTorch sums in
/// float32 in an order of its own, so the two can differ only where a sum exceeds 2^24.
public enum Convolution {
    /// Convolves `input` (1, C_in, H, W) with `weights` (C_out, C_in, kH, kW).
    /// `isCancelled` is polled between planes so a stale computation can stop early.
    public static func conv2d(
        input: Tensor4, weights: Tensor4, parameters p: ConvParameters,
        isCancelled: () -> Bool = { false }
    ) throws -> Tensor4 {
        if let error = p.validate() { throw error }
        precondition(input.shape == p.inputShape && weights.shape == p.kernelShape)
        let plan = Plan(p)
        if weightsAreConstantPerSlice(weights) {
            return try boxSumPath(input: input, weights: weights, plan: plan, isCancelled: isCancelled)
        }
        return try directPath(input: input, weights: weights, plan: plan, isCancelled: isCancelled)
    }

    /// The sizes both paths need.
    struct Plan {
        let p: ConvParameters
        let h: PaddedAxis, w: PaddedAxis
        let outH: Int, outW: Int
        init(_ p: ConvParameters) {
            self.p = p
            h = p.paddedHeight; w = p.paddedWidth
            outH = h.outputSize; outW = w.outputSize
        }
    }

    /// True when each (o, c) kernel slice holds one repeated value (all-ones kernels, for one).
    static func weightsAreConstantPerSlice(_ weights: Tensor4) -> Bool {
        let sliceCount = weights.shape[2] * weights.shape[3]
        guard sliceCount > 0 else { return true }
        return stride(from: 0, to: weights.storage.count, by: sliceCount).allSatisfy { start in
            let first = weights.storage[start]
            return weights.storage[start..<start + sliceCount].allSatisfy { $0 == first }
        }
    }

    /// The textbook loop over output channels, input channels and kernel taps, for any weights.
    static func directPath(
        input: Tensor4, weights: Tensor4, plan: Plan, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let p = plan.p
        let (H, W, outH, outW) = (p.hIn, p.wIn, plan.outH, plan.outW)
        var output = Tensor4(shape: [1, p.outChannels, outH, outW])
        var acc = [Double](repeating: 0, count: outH * outW)
        for o in 0..<p.outChannels {
            if isCancelled() { throw ComputationCancelled() }
            for i in acc.indices { acc[i] = 0 }
            for c in 0..<p.inChannels {
                for ky in 0..<p.kernelSizeH {
                    for kx in 0..<p.kernelSizeW {
                        let wv = Double(weights[o, c, ky, kx])
                        if wv == 0 { continue }
                        for oy in 0..<outH {
                            let iy = plan.h.index(output: oy, tap: ky)
                            if iy < 0 || iy >= H { continue }
                            let rowBase = input.offset(0, c, iy, 0)
                            for ox in 0..<outW {
                                let ix = plan.w.index(output: ox, tap: kx)
                                if ix < 0 || ix >= W { continue }
                                acc[oy * outW + ox] += wv * Double(input.storage[rowBase + ix])
                            }
                        }
                    }
                }
            }
            let base = output.offset(0, o, 0, 0)
            for i in acc.indices { output.storage[base + i] = Float(acc[i]) }
        }
        return output
    }

    /// For kernels constant per (o, c) slice: each output is a weighted sum of per-channel window
    /// sums, computed with strided prefix sums. Identical input channels share one window-sum map.
    static func boxSumPath(
        input: Tensor4, weights: Tensor4, plan: Plan, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let p = plan.p
        let planeSize = p.hIn * p.wIn
        // Group identical input channels (the ramp repeats one plane C_in times).
        var groupOfChannel = [Int](repeating: 0, count: p.inChannels)
        var representative: [Int] = []
        for c in 0..<p.inChannels {
            let start = c * planeSize
            let match = representative.firstIndex { r in
                input.storage[(r * planeSize)..<(r * planeSize + planeSize)]
                    .elementsEqual(input.storage[start..<start + planeSize])
            }
            if let match { groupOfChannel[c] = match } else {
                groupOfChannel[c] = representative.count
                representative.append(c)
            }
        }
        var windowSums: [[Double]] = []
        for c in representative {
            if isCancelled() { throw ComputationCancelled() }
            windowSums.append(windowSumMap(input: input, channel: c, plan: plan))
        }
        let sliceCount = p.kernelSizeH * p.kernelSizeW
        var output = Tensor4(shape: [1, p.outChannels, plan.outH, plan.outW])
        var previous: (coefficients: [Double], base: Int)?
        let count = plan.outH * plan.outW
        for o in 0..<p.outChannels {
            if isCancelled() { throw ComputationCancelled() }
            var coefficients = [Double](repeating: 0, count: windowSums.count)
            for c in 0..<p.inChannels {
                coefficients[groupOfChannel[c]] += Double(weights.storage[(o * p.inChannels + c) * sliceCount])
            }
            let base = output.offset(0, o, 0, 0)
            if let previous, previous.coefficients == coefficients {
                for i in 0..<count { output.storage[base + i] = output.storage[previous.base + i] }
                continue
            }
            for i in 0..<count {
                var sum = 0.0
                for g in 0..<windowSums.count where coefficients[g] != 0 { sum += coefficients[g] * windowSums[g][i] }
                output.storage[base + i] = Float(sum)
            }
            previous = (coefficients, base)
        }
        return output
    }

    /// Σ over the dilated window of one input channel, for every output position (row-major).
    static func windowSumMap(input: Tensor4, channel c: Int, plan: Plan) -> [Double] {
        let p = plan.p
        let paddedW = plan.w.paddedSize, paddedH = plan.h.paddedSize
        // Row pass: for each input row, sums over kernel columns at each output column.
        var rowSums = [Double](repeating: 0, count: paddedH * plan.outW)
        var prefix = [Double](repeating: 0, count: paddedW)
        for y in 0..<p.hIn {
            let rowBase = input.offset(0, c, y, 0)
            for i in 0..<paddedW {
                let x = i - p.paddingW
                let v = (x >= 0 && x < p.wIn) ? Double(input.storage[rowBase + x]) : 0
                prefix[i] = v + (i >= p.dilationW ? prefix[i - p.dilationW] : 0)
            }
            let py = y + p.paddingH
            for ox in 0..<plan.outW {
                let first = ox * p.strideW
                let last = first + (p.kernelSizeW - 1) * p.dilationW
                let before = first - p.dilationW
                rowSums[py * plan.outW + ox] = prefix[last] - (before >= 0 ? prefix[before] : 0)
            }
        }
        // Column pass over the row sums, same strided-prefix trick along the height.
        var result = [Double](repeating: 0, count: plan.outH * plan.outW)
        var column = [Double](repeating: 0, count: paddedH)
        for ox in 0..<plan.outW {
            for i in 0..<paddedH {
                column[i] = rowSums[i * plan.outW + ox] + (i >= p.dilationH ? column[i - p.dilationH] : 0)
            }
            for oy in 0..<plan.outH {
                let first = oy * p.strideH
                let last = first + (p.kernelSizeH - 1) * p.dilationH
                let before = first - p.dilationH
                result[oy * plan.outW + ox] = column[last] - (before >= 0 ? column[before] : 0)
            }
        }
        return result
    }
}
