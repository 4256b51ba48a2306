import CConvKernels

/// How the FFT path would compute a layer: the tile transform's size, how many tiles cover the
/// output, the memory its kernel spectra take and its cost against the direct path's.
///
/// The padded input is cut into overlapping n×n tiles (overlap-save): each tile's circular
/// correlation with the kernel holds (n − kernel extent + 1)² outputs untouched by the wrap-around.
/// A stride is computed as stride 1 and sampled, so the dense grid below is the stride-1 output.
struct FFTPlan: Equatable {
    let log2n: Int
    /// Dense (stride-1) outputs along each axis, and those one tile yields.
    let denseH: Int, denseW: Int, validH: Int, validW: Int
    /// Estimated floating-point operations, the kernels' transforms included.
    let flops: Double
    /// Bytes of the kernels' spectra, kept for the whole layer.
    let kernelSpectraBytes: Int

    /// Side of the square tile transform.
    var n: Int { 1 << log2n }
    /// Complex values kept per spectrum: kx ≤ n/2 (the rest are conjugates), every ky.
    var bins: Int { (n / 2 + 1) * n }
    /// Groups of 8 bins a spectrum is stored in (the last one padded with zeros).
    var binGroups: Int { (bins + 7) / 8 }
    /// Doubles a set of `channels` spectra takes, grouped by 8 bins (`convscope_fft_split_pair`).
    func spectraSize(channels: Int) -> Int { binGroups * channels * 16 }
    var tilesY: Int { (denseH + validH - 1) / validH }
    var tilesX: Int { (denseW + validW - 1) / validW }

    /// Kernel spectra above this many bytes send a layer to the direct path.
    static let spectraLimit = 160 << 20
    /// Direct-path flops per FFT-path flop at equal time: the direct kernel runs float32 FMAs near
    /// the machine's peak, the transforms and products float64, bound by the caches. Measured on an
    /// AMD EPYC (AVX-512, two cores, docs/PERFORMANCE.md 2026-12-07, second pass) with the kernel
    /// spectra and tile buffers kept and huge pages: the two paths take equal time at 4.2–7.9
    /// (16→16 k8 from 128² to 512²: 4.2, 5.6, 7.9; 1024²: 7.1; 224² 64→64 k7: 6.0; 16→16 k5 at
    /// 256² and 1024²: 4.9, 6.4). It was 9 until the direct path's small layers were measured
    /// against torch's: 128² 16→16 k8 (8.0 times fewer flops) took 1.12 ms direct, 0.86 by FFT and
    /// 1.04 in torch; 192² k8 3.5, 1.8–2.1 and 2.4–2.5 ms (docs/PERFORMANCE.md, the small layers).
    /// At 7.5 both go to the FFT; 96² k8 (the two paths within 5 %), 64² k8 (4.1: the FFT twice
    /// as slow) and every 5×5 layer up to 64→64 stay direct.
    static let directAdvantage = 7.5
    /// The same margin where the kernels run AVX2 (no AVX-512), measured on a Zen 3 core (one
    /// thread's CPU time on a busy machine, docs/PERFORMANCE.md "Zen 3, AVX2"): with the row tile's sums in
    /// registers the direct path runs at about 80 % of the FMA peak, and the float64 FFT path
    /// pays later than with AVX-512. 16→16: 256² 5×5 (4.58 times fewer flops) FFT 23.5 ms
    /// against direct 12.4; 128² 8×8 (7.99) 7.1 against 6.9; 256² 8×8 (9.35) 32 against 29;
    /// 512² 8×8 (11.0) 74 against 119; 1024² 8×8 (11.6) 348 against 463. 64→64 7×7: 112² (6.78)
    /// 76 against 80, 224² (10.1) 192 against 338. (It was 4.5, measured with the kernels limited
    /// to AVX2 on an AVX-512 machine while the row tile spilled a sum.)
    static let directAdvantageAVX2 = 9.5
    /// The margin for the instruction set this machine's kernels use (`InstructionSet.name`).
    static var directAdvantageHere: Double { InstructionSet.name == "avx2" ? directAdvantageAVX2 : directAdvantage }
    /// Kernels with fewer taps stay direct: below 5×5 the transforms never pay.
    static let minimumTaps = 25

    /// Tiles one worker transforms and multiplies together: their spectra and sums take at most
    /// 16 MB, and every worker gets a share.
    func tilesPerBatch(spec: Conv2dSpec, threads: Int) -> Int {
        let perTile = spectraSize(channels: spec.inChannelsPerGroup + spec.outChannelsPerGroup) * MemoryLayout<Double>.stride
        let tiles = tilesY * tilesX
        return max(1, min(16, (16 << 20) / perTile, (tiles + threads - 1) / max(1, threads)))
    }

    /// The plan with tile side `log2n`; nil when the kernel does not fit in such a tile.
    init?(spec: Conv2dSpec, log2n: Int) {
        let h = spec.heightAxis, w = spec.widthAxis, n = 1 << log2n
        guard h.kernelFits, w.kernelFits, h.effectiveKernel < n, w.effectiveKernel < n else { return nil }
        self.log2n = log2n
        denseH = h.paddedSize - h.effectiveKernel + 1
        denseW = w.paddedSize - w.effectiveKernel + 1
        validH = n - h.effectiveKernel + 1
        validW = n - w.effectiveKernel + 1
        let (groups, inPerGroup, outPerGroup) = (spec.groups, spec.inChannelsPerGroup, spec.outChannelsPerGroup)
        let slices = spec.parameters.outChannels * inPerGroup
        let bins = Double((n / 2 + 1) * n)
        kernelSpectraBytes = slices * ((n / 2 + 1) * n + 7) / 8 * 16 * MemoryLayout<Double>.stride
        let transform = 10 * Double(n * n * log2n) + 8 * Double(n * n)
        let pairs = Double(groups * ((inPerGroup + 1) / 2 + (outPerGroup + 1) / 2))
        let tiles = Double(((denseH + validH - 1) / validH) * ((denseW + validW - 1) / validW))
        let perTile = pairs * transform + Double(slices) * bins * 8 + Double(spec.parameters.outChannels * n * n) * 2
        flops = tiles * perTile + Double((slices + 1) / 2) * transform
    }

    /// Flops of the direct path for the same layer: two per multiply-add.
    static func directFlops(_ spec: Conv2dSpec) -> Double {
        let h = spec.heightAxis, w = spec.widthAxis
        return 2 * Double(h.outputSize * w.outputSize) * Double(spec.parameters.outChannels)
            * Double(spec.inChannelsPerGroup * h.kernel * w.kernel)
    }

    /// The cheapest tile size whose kernel spectra fit `spectraLimit`, when it beats the direct
    /// path by the margin `directAdvantage` (this machine's by default); nil otherwise (and for
    /// kernels under 5×5).
    static func best(for spec: Conv2dSpec, directAdvantage: Double = directAdvantageHere) -> FFTPlan? {
        let h = spec.heightAxis, w = spec.widthAxis
        guard h.kernel * w.kernel >= minimumTaps, h.outputSize > 0, w.outputSize > 0 else { return nil }
        let candidates = (3...9).compactMap { FFTPlan(spec: spec, log2n: $0) }
            .filter { $0.kernelSpectraBytes <= spectraLimit && $0.n <= 2 * max(h.paddedSize, w.paddedSize) }
        guard let cheapest = candidates.min(by: { $0.flops < $1.flops }) else { return nil }
        if GeneralPathChoice.fftForced.load(ordering: .relaxed) { return cheapest }
        return cheapest.flops * directAdvantage < directFlops(spec) ? cheapest : nil
    }
}

/// How the FFT path turns its float64 sums into the float32 values the direct path gives.
enum FFTRounding: Equatable {
    /// Every input, weight and bias is a multiple of 2^−bits and the sums are small enough for
    /// float64 to hold them to far better than half that step: each sum is rounded to the nearest
    /// multiple, which is the exact sum, so wherever float32 holds it the value equals PyTorch's.
    case grid(bits: Int)
    /// Sums bounded by 2^24 in magnitude: float64's error stays far inside the 1e-5 tolerance.
    case nearest

    /// The rule for these tensors; nil when a value is not finite or the sums could grow beyond
    /// what float64 transforms keep within tolerance (those layers take the direct path).
    static func of(input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec) -> FFTRounding? {
        guard !holdsNegativeZero(bias), let x = GridScan(input.storage), let w = GridScan(weights.storage),
              let b = GridScan(bias ?? []) else { return nil }
        // The largest |Σ w·x| any output can reach, bias included.
        let bound = x.largest * largestKernelSum(weights, outChannels: spec.parameters.outChannels) + b.largest
        let bits = max(x.fractionBits + w.fractionBits, b.fractionBits)
        if bits <= 60, bound * exp2(bits) <= 0x1p40 { return .grid(bits: bits) }
        return bound <= 0x1p24 ? .nearest : nil
    }
}
