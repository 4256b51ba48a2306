/// `nn.Conv2d`'s forward pass for batch size 1: every padding mode, 'same'/'valid', groups, bias.
///
/// Constant kernels without bias take `Convolution`'s window-sum path (exact in Double, rounded
/// once); every other layer takes `GeneralConvolution`: float32 sums on every core, or for
/// kernels of 5×5 and more where it is cheaper `FFTConvolution` (float64, rounded to the same values),
/// or for 5-wide kernels on data whose sums it proves exact `WinogradConvolution`. PyTorch sums
/// in float32 in an order of its own, so each agrees with it bit for bit wherever every partial
/// sum is exact in float32 (integers and dyadic values below 2^24), and within float32 rounding
/// otherwise (docs/PERFORMANCE.md: relative 1e-5 of max(1, |value|) on the fixtures).
public enum Conv2dForward {
    /// Convolves `input` (1, C_in, H, W) with `weights` [C_out, C_in/g, kH, kW] and the spec's bias.
    public static func run(
        input: Tensor4, weights: Tensor4, spec: Conv2dSpec, threads: Int = ProcessorCount.online,
        workspace: Conv2dWorkspace? = nil, isCancelled: () -> Bool = { false }
    ) throws -> Tensor4 {
        try run(
            input: input, weights: weights, bias: spec.biasVector, spec: spec, threads: threads,
            workspace: workspace, isCancelled: isCancelled)
    }

    /// Convolves with an explicit bias per output channel (nil for none), as `F.conv2d` takes it.
    /// Throws the spec's `Conv2dError`, or `ComputationCancelled` when `isCancelled` says so.
    /// The general path polls `isCancelled` from each of its `threads` workers every 256 taps
    /// of an output row (so it must be thread-safe) and reuses `workspace`'s buffers when given.
    public static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, threads: Int = ProcessorCount.online,
        workspace: Conv2dWorkspace? = nil, isCancelled: () -> Bool = { false }
    ) throws -> Tensor4 {
        if let error = spec.validate() { throw error }
        precondition(input.shape == spec.inputShape && weights.shape == spec.kernelShape)
        precondition(bias == nil || bias!.count == spec.parameters.outChannels)
        if takesWindowSumPath(weights: weights, bias: bias, spec: spec), let plain = zeroPaddedEquivalent(spec) {
            // The notebook's case (all-ones and other constant kernels): the window-sum path.
            return try Convolution.conv2d(input: input, weights: weights, parameters: plain, isCancelled: isCancelled)
        }
        if GeneralPathChoice.fftAllowed.load(ordering: .relaxed), let plan = FFTPlan.best(for: spec),
           let rounding = FFTRounding.of(input: input, weights: weights, bias: bias, spec: spec) {
            // Kernels of 5×5 and more on large planes: fewer operations through FFTs, same values.
            return try FFTConvolution.run(
                input: input, weights: weights, bias: bias, spec: spec, plan: plan, rounding: rounding,
                threads: threads, workspace: workspace ?? Conv2dWorkspace(), isCancelled: isCancelled)
        }
        if let plan = WinogradPlan.choice(for: spec), let output = try WinogradConvolution.run(
            input: input, weights: weights, bias: bias, plan: plan, threads: threads,
            workspace: workspace ?? Conv2dWorkspace(), isCancelled: isCancelled) {
            // 5×5 kernels on grids whose sums stay exact: fewer multiplications, the same values.
            return output
        }
        return try GeneralConvolution.run(
            input: input, weights: weights, bias: bias, spec: spec, threads: threads,
            workspace: workspace ?? Conv2dWorkspace(), isCancelled: isCancelled)
    }

    /// True for the layers the window-sum path computes: constant kernels, no bias, zero padding
    /// (or none) the same on both sides, one group.
    static func takesWindowSumPath(weights: Tensor4, bias: [Float]?, spec: Conv2dSpec) -> Bool {
        bias == nil && zeroPaddedEquivalent(spec) != nil && Convolution.weightsAreConstantPerSlice(weights)
    }

    /// The notebook's parameters when the layer is an ungrouped convolution with the same padding
    /// on both sides of each axis that reads zeros (or no padding at all); nil otherwise.
    static func zeroPaddedEquivalent(_ spec: Conv2dSpec) -> ConvParameters? {
        let h = spec.heightAxis.padding, w = spec.widthAxis.padding
        guard spec.groups == 1, h.isSymmetric, w.isSymmetric,
              spec.paddingMode == .zeros || (h.total == 0 && w.total == 0) else { return nil }
        var p = spec.parameters
        p.paddingH = h.before; p.paddingW = w.before
        return p
    }

    /// The reference the tests hold the general path to, exact in Double and single-core; the
    /// textbook loop for any weights: per output channel, over its group's input channels and
    /// the kernel taps, reading the input through each axis's tap-to-source table.
    static func tablePath(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let h = spec.heightAxis, w = spec.widthAxis
        let (outH, outW) = (h.outputSize, w.outputSize)
        let rows = h.sourceTable(), columns = w.sourceTable()
        var output = Tensor4(shape: [1, spec.parameters.outChannels, outH, outW])
        var acc = [Double](repeating: 0, count: outH * outW)
        for o in 0..<spec.parameters.outChannels {
            if isCancelled() { throw ComputationCancelled() }
            let start = bias.map { Double($0[o]) } ?? 0
            for i in acc.indices { acc[i] = start }
            for (j, c) in spec.inputChannels(ofOutput: o).enumerated() {
                for ky in 0..<h.kernel {
                    for kx in 0..<w.kernel {
                        let wv = Double(weights[o, j, ky, kx])
                        if wv == 0 { continue }
                        for oy in 0..<outH {
                            let iy = rows[ky * outH + oy]
                            if iy < 0 { continue }
                            let rowBase = input.offset(0, c, iy, 0), accBase = oy * outW
                            for ox in 0..<outW {
                                let ix = columns[kx * outW + ox]
                                if ix < 0 { continue }
                                acc[accBase + ox] += wv * Double(input.storage[rowBase + ix])
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
}
