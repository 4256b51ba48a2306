import CConvKernels
import Synchronization

extension GeneralPathChoice {
    /// False keeps every layer off the Winograd path (the benchmark's `--direct` and `--no-winograd`).
    public static let winogradAllowed = Atomic<Bool>(true)

    /// `describe(_:)` for these tensors and the spec's bias: "Winograd F(m, r)" where the values let the
    /// Winograd path take a layer the FFT path does not.
    public static func describe(_ spec: Conv2dSpec, input: Tensor4, weights: Tensor4) -> String {
        let withoutValues = describe(spec)
        guard withoutValues == "direct", let plan = WinogradPlan.choice(for: spec),
              plan.transformedWeights(input: input, weights: weights, bias: spec.biasVector) != nil else { return withoutValues }
        return "Winograd F(\(plan.matrices.outputs), \(plan.matrices.taps))"
    }
}

/// Which layers the Winograd path takes and how: F(m, r) along the output rows (r the kernel's
/// width), the kernel's rows direct, one convolution over each of the n points' transformed planes.
struct WinogradPlan {
    let spec: Conv2dSpec
    let matrices: WinogradMatrices

    /// Where the path pays, for one instruction set of the transforms.
    struct Choice {
        /// Outputs per tile for each kernel width the path pays on; other widths stay direct.
        let outputs: [Int: Int]
        /// Below this many direct multiply-adds the transforms cost more than they save.
        let minimumMultiplyAdds: Int
        /// Below this many taps per output (C_in/g · kH, the row kernel's taps) the output
        /// transform, paid per output row, costs more than it saves.
        let minimumTaps: Int
    }

    /// The choice per instruction set (`InstructionSet.name`); the plain loops take no layer.
    /// AVX-512, measured on an AMD EPYC, two cores (docs/PERFORMANCE.md 2026-12-07, Winograd):
    /// 16→16 k5 took 1.26, 1.11, 1.00 and 0.94 of the direct path's time at 80², 96², 112² and
    /// 128² (0.22 against 0.18 ms at 80², 0.42 against 0.44 at 128²; 74.6 and 98.4 million
    /// multiply-adds at 112² and 128²). AVX2, on a Zen 3 core: F(4, 5) took 0.59 of the direct
    /// path's time at 256² 16→16, F(3, 5) 0.77, F(2, 5) 0.80; 1.31 at 48² (12.4 million
    /// multiply-adds), 0.82 at 64² (23.0 million); 3→16 k5 (15 taps) took 1.16, 1.06 and 0.99 at
    /// 128², 192² and 256², 8→16 k5 (40 taps) 0.89 at 96².
    static let choices: [String: Choice] = [
        "avx512": Choice(outputs: [5: 4], minimumMultiplyAdds: 90_000_000, minimumTaps: 0),
        "avx2": Choice(outputs: [5: 4], minimumMultiplyAdds: 20_000_000, minimumTaps: 40),
    ]

    /// Tiles per transformed row, ⌈W_out / m⌉ (the last one's extra outputs are dropped).
    var tiles: Int { (spec.widthAxis.outputSize + matrices.outputs - 1) / matrices.outputs }
    /// Padded input rows of the layer (a band of `WinogradRows` transforms some of them).
    var rows: Int { spec.heightAxis.paddedSize }

    /// F(`outputs`, kernel width) for `spec`, whatever its size; nil for a width stride or
    /// dilation, a kernel under 3 wide, an empty output, or more than 9 points.
    init?(spec: Conv2dSpec, outputs m: Int) {
        let h = spec.heightAxis, w = spec.widthAxis
        guard spec.validate() == nil, w.stride == 1, w.dilation == 1, w.kernel >= 3, h.outputSize > 0, w.outputSize > 0,
              m >= 1, m + w.kernel - 1 <= 9 else { return nil }
        self.spec = spec
        matrices = WinogradMatrices(outputs: m, taps: w.kernel)
    }

    /// The plan `Conv2dForward` takes for `spec`, or nil when the layer stays direct: the path
    /// switched off, the plain loops (no AVX2), a kernel width the measured table leaves out, or a
    /// layer too small or with too few taps per output to pay.
    static func choice(for spec: Conv2dSpec) -> WinogradPlan? {
        guard GeneralPathChoice.winogradAllowed.load(ordering: .relaxed), let choice = choices[InstructionSet.name],
              let m = choice.outputs[spec.widthAxis.kernel] else { return nil }
        let h = spec.heightAxis, w = spec.widthAxis, taps = spec.inChannelsPerGroup * h.kernel
        let macs = h.outputSize * w.outputSize * spec.parameters.outChannels * taps * w.kernel
        return macs >= choice.minimumMultiplyAdds && taps >= choice.minimumTaps ? WinogradPlan(spec: spec, outputs: m) : nil
    }

    /// The transformed weights [n][C_out, C_in/g, kH, 1] (point p's kernels, then the next's), or nil
    /// when a value is not on a grid fine enough or an intermediate could leave float32's exact
    /// integers: the input and kernel transforms, every partial sum of the points' convolutions and
    /// the direct path's own sums (so both give the exact sum) must stay ≤ 2^24 of the grid's units.
    func transformedWeights(input: Tensor4, weights: Tensor4, bias: [Float]?) -> [Float]? {
        guard !holdsNegativeZero(bias) else { return nil }
        // Weights and bias first (small); the input's transform alone must stay within 2^24 units.
        guard let w = GridScan(weights.storage), let b = GridScan(bias ?? []), let x = GridScan(input.storage, unitsLimit: 0x1p24),
              x.fractionBits + w.fractionBits <= 60, b.fractionBits <= 60 else { return nil }
        let limit = 0x1p24, xUnits = x.largest * exp2(x.fractionBits), wScale = exp2(w.fractionBits)
        let productScale = exp2(max(x.fractionBits + w.fractionBits, b.fractionBits))
        let n = matrices.points, r = matrices.taps, m = matrices.outputs
        let (outChannels, perGroup, kH) = (spec.parameters.outChannels, spec.inChannelsPerGroup, spec.heightAxis.kernel)
        let rowsPerChannel = perGroup * kH
        let inputGrowth = (0..<n).map { Double(matrices.inputGrowth(point: $0)) * xUnits }
        guard inputGrowth.allSatisfy({ $0 <= limit }) else { return nil }
        var transformed = [Float](repeating: 0, count: n * outChannels * rowsPerChannel)
        var largestSum = [Double](repeating: 0, count: n)
        // The direct path's own sums too, so both give the exact sum.
        guard (b.largest + x.largest * largestKernelSum(weights, outChannels: outChannels)) * productScale <= limit
        else { return nil }
        let fits = weights.storage.withUnsafeBufferPointer { w -> Bool in
            for o in 0..<outChannels {
                for p in 0..<n {
                    var sum = 0.0
                    for row in 0..<rowsPerChannel {
                        var u = 0.0
                        for k in 0..<r { u += Double(matrices.kernel[p * r + k]) * Double(w[(o * rowsPerChannel + row) * r + k]) }
                        if abs(u) * wScale > limit { return false }
                        sum += abs(u) * wScale
                        transformed[(p * outChannels + o) * rowsPerChannel + row] = Float(u)
                    }
                    if sum * inputGrowth[p] > limit { return false }
                    largestSum[p] = max(largestSum[p], sum * inputGrowth[p])
                }
            }
            return true
        }
        // The output transform sums (D times the outputs) in float64: exact below 2^53 units.
        let outputBound = (0..<m).map { q in (0..<n).reduce(0.0) { $0 + Double(abs(matrices.output[q * n + $1])) * largestSum[$1] } }
        guard fits, outputBound.allSatisfy({ $0 <= 0x1p53 }) else { return nil }
        return transformed
    }
}
