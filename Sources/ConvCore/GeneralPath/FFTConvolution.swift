import CConvKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// The general path for large kernels: overlap-save float64 FFTs of n×n tiles, spectra multiplied
/// and summed over the input channels, one inverse transform per pair of output channels.
///
/// Two real planes share one complex transform (a in the real part, b in the imaginary part) both
/// ways. Sums are rounded by `FFTRounding`: on the grid all values lie on, so layers whose sums
/// fit float32 exactly give exactly the direct path's (and PyTorch's) values.
enum FFTConvolution {
    /// Convolves with `plan` on up to `threads` cores, keeping the kernel spectra and the workers'
    /// tile buffers in `workspace`; `isCancelled` is polled per pair of input channels of a tile,
    /// per block of products and per pair of output channels, from every worker.
    static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, plan: FFTPlan, rounding: FFTRounding,
        threads: Int, workspace: Conv2dWorkspace = Conv2dWorkspace(), isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let h = spec.heightAxis, w = spec.widthAxis
        let (outH, outW, outChannels) = (h.outputSize, w.outputSize, spec.parameters.outChannels)
        let twiddles = Self.twiddles(plan.n)
        let stopped = Atomic<Bool>(false)
        let spectra = try kernelSpectra(weights, spec: spec, plan: plan, twiddles: twiddles, threads: threads,
                                        into: &workspace.spectra, isCancelled: isCancelled)
        let tiles = plan.tilesY * plan.tilesX
        let batch = plan.tilesPerBatch(spec: spec, threads: threads)
        let workers = max(1, min(threads, (tiles + batch - 1) / batch))
        // Each worker's buffers, kept by the workspace: fresh ones would fault in every page again.
        while workspace.tiles.count < workers { workspace.tiles.append(ScratchBuffer()) }
        let scratches = (0..<workers).map { TileScratch(plan: plan, spec: spec, batch: batch, in: &workspace.tiles[$0]) }
        let count = outChannels * outH * outW
        let storage = HugePageArray.make(count: count) { output in
            withoutActuallyEscaping(isCancelled) { isCancelled in
                input.storage.withUnsafeBufferPointer { source in
                    let job = TileJob(spec: spec, plan: plan, rounding: rounding, bias: bias, twiddles: twiddles,
                                      spectra: spectra, source: source.baseAddress!, output: output,
                                      isCancelled: isCancelled)
                    let next = WorkCounter()
                    let work: @Sendable (Int) -> Void = { worker in
                        let scratch = scratches[worker]
                        while case let t = next.take(batch), t < tiles {
                            let batchTiles = t..<min(t + batch, tiles)
                            if !job.run(tiles: batchTiles, scratch: scratch) { stopped.store(true, ordering: .relaxed); return }
                        }
                    }
                    if workers == 1 { work(0) } else { Workers.perform(iterations: workers, work) }
                }
            }
        }
        if stopped.load(ordering: .relaxed) { throw ComputationCancelled() }
        return Tensor4(shape: [1, outChannels, outH, outW], storage: storage)
    }

    /// cos(2πk/n) for k < n/2, then sin(2πk/n).
    static func twiddles(_ n: Int) -> [Double] {
        let angles = (0..<(n / 2)).map { 2 * Double.pi * Double($0) / Double(n) }
        return angles.map { cos($0) } + angles.map { sin($0) }
    }

    /// The conjugated spectrum of every kernel slice, per group of the layer [bin group][o][c] as
    /// `convscope_fft_split_pair` lays them out, in `buffer`.
    static func kernelSpectra(
        _ weights: Tensor4, spec: Conv2dSpec, plan: FFTPlan, twiddles: [Double], threads: Int,
        into buffer: inout ScratchBuffer<Double>, isCancelled: () -> Bool
    ) throws -> UnsafeMutablePointer<Double> {
        let h = spec.heightAxis, w = spec.widthAxis
        let n = plan.n
        let slices = spec.parameters.outChannels * spec.inChannelsPerGroup
        let perGroup = spec.outChannelsPerGroup * spec.inChannelsPerGroup, groupSize = plan.spectraSize(channels: perGroup)
        let spectra = buffer.reserve(spec.groups * groupSize)
        let stopped = Atomic<Bool>(false)
        let pairs = (slices + 1) / 2
        weights.storage.withUnsafeBufferPointer { source in
            withoutActuallyEscaping(isCancelled) { isCancelled in
                let job = SpectraJob(source: source.baseAddress!, spectra: spectra, isCancelled: isCancelled)
                let next = WorkCounter()
                let work: @Sendable (Int) -> Void = { _ in
                    let z = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n * n)
                    defer { z.deallocate() }
                    while case let p = next.take(), p < pairs {
                        if job.isCancelled() { stopped.store(true, ordering: .relaxed); return }
                        z.initialize(repeating: 0, count: 2 * n * n)
                        for (part, s) in [2 * p, 2 * p + 1].enumerated() where s < slices {
                            let slice = job.source + s * h.kernel * w.kernel
                            for ky in 0..<h.kernel {
                                for kx in 0..<w.kernel {
                                    z[part * n * n + ky * h.dilation * n + kx * w.dilation] = Double(slice[ky * w.kernel + kx])
                                }
                            }
                        }
                        convscope_fft2d(z, z + n * n, Int32(plan.log2n), twiddles, 0)
                        func place(_ s: Int) -> UnsafeMutablePointer<Double> {
                            job.spectra + (s / perGroup) * groupSize + (s % perGroup) * 16
                        }
                        // Correlation, as PyTorch computes, multiplies by the kernel's conjugate.
                        convscope_fft_split_pair(z, z + n * n, Int32(n), place(2 * p), 2 * p + 1 < slices ? place(2 * p + 1) : nil,
                                                 Int64(perGroup), 1)
                    }
                }
                let workers = pairs < 8 ? 1 : max(1, min(threads, pairs))
                if workers == 1 { work(0) } else { Workers.perform(iterations: workers, work) }
            }
        }
        if stopped.load(ordering: .relaxed) { throw ComputationCancelled() }
        return spectra
    }
}

/// The kernel spectra computation as the workers see it. Unchecked Sendable: workers write
/// disjoint pairs of spectra and only read the weights; `isCancelled` is thread-safe.
private struct SpectraJob: @unchecked Sendable {
    let source: UnsafePointer<Float>
    let spectra: UnsafeMutablePointer<Double>
    let isCancelled: () -> Bool
}

/// One worker's buffers: the tile's transform (re then im), the input spectra of a batch of tiles
/// [bin group][tile][channel of the group] and their sums [bin group][tile][output channel].
/// Unchecked Sendable: each worker uses only its own.
private struct TileScratch: @unchecked Sendable {
    let z: UnsafeMutablePointer<Double>, x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>
    /// Tiles the buffers hold per bin group.
    let batch: Int

    /// The buffers, carved out of `buffer`.
    init(plan: FFTPlan, spec: Conv2dSpec, batch: Int, in buffer: inout ScratchBuffer<Double>) {
        self.batch = batch
        let xCount = batch * plan.spectraSize(channels: spec.inChannelsPerGroup)
        let yCount = batch * plan.spectraSize(channels: spec.outChannelsPerGroup)
        z = buffer.reserve(2 * plan.n * plan.n + xCount + yCount)
        x = z + 2 * plan.n * plan.n
        y = x + xCount
    }
}

/// A batch of tiles of the output, every channel. Unchecked Sendable: tiles write disjoint outputs
/// and only read the input and the kernel spectra; `isCancelled` is thread-safe.
private struct TileJob: @unchecked Sendable {
    let spec: Conv2dSpec, plan: FFTPlan, rounding: FFTRounding
    let bias: [Float]?
    let twiddles: [Double]
    let spectra: UnsafeMutablePointer<Double>
    let source: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
    let isCancelled: () -> Bool

    /// Computes `tiles` (row-major over the tile grid); false when cancelled.
    func run(tiles: Range<Int>, scratch: TileScratch) -> Bool {
        let n = plan.n
        let (inPerGroup, outPerGroup) = (spec.inChannelsPerGroup, spec.outChannelsPerGroup)
        let batch = scratch.batch
        let kernelGroup = plan.spectraSize(channels: outPerGroup * inPerGroup)
        let origins = tiles.map { t in ((t / plan.tilesX) * plan.validH, (t % plan.tilesX) * plan.validW) }
        let sources = origins.map { (sourceIndices(spec.heightAxis, from: $0.0), sourceIndices(spec.widthAxis, from: $0.1)) }
        let zr = scratch.z, zi = scratch.z + n * n
        for g in 0..<spec.groups {
            for (b, (rows, columns)) in sources.enumerated() {
                for pair in stride(from: 0, to: inPerGroup, by: 2) {
                    if isCancelled() { return false }
                    load(channel: g * inPerGroup + pair, into: zr, rows: rows, columns: columns)
                    let second = pair + 1 < inPerGroup
                    if second { load(channel: g * inPerGroup + pair + 1, into: zi, rows: rows, columns: columns) }
                    else { zi.update(repeating: 0, count: n * n) }
                    convscope_fft2d(zr, zi, Int32(plan.log2n), twiddles, 0)
                    let a = scratch.x + (b * inPerGroup + pair) * 16
                    convscope_fft_split_pair(zr, zi, Int32(n), a, second ? a + 16 : nil, Int64(batch * inPerGroup), 0)
                }
            }
            // Outputs in blocks of about 5·10⁷ flops, so a cancelled layer stops within a few
            // milliseconds; as few blocks as that allows, since each reads the batch's spectra again.
            let perBlock = max(4, 50_000_000 / max(1, origins.count * inPerGroup * plan.bins * 8) / 4 * 4)
            for first in stride(from: 0, to: outPerGroup, by: perBlock) {
                if isCancelled() { return false }
                convscope_spectra_multiply(
                    scratch.x, spectra + g * kernelGroup, scratch.y, Int64(origins.count), Int64(inPerGroup),
                    Int64(outPerGroup), Int64(first), Int64(min(perBlock, outPerGroup - first)), Int64(plan.binGroups),
                    Int64(batch))
            }
            for (b, (y0, x0)) in origins.enumerated() {
                for pair in stride(from: 0, to: outPerGroup, by: 2) {
                    if isCancelled() { return false }
                    let second = pair + 1 < outPerGroup
                    let ya = scratch.y + (b * outPerGroup + pair) * 16
                    convscope_fft_join_pair(ya, second ? ya + 16 : nil, Int64(batch * outPerGroup), Int32(n), zr, zi)
                    convscope_fft2d(zr, zi, Int32(plan.log2n), twiddles, 1)
                    store(zr, channel: g * outPerGroup + pair, y0: y0, x0: x0)
                    if second { store(zi, channel: g * outPerGroup + pair + 1, y0: y0, x0: x0) }
                }
            }
        }
        return true
    }

    /// For each of the tile's n padded positions from `first`, the input index it holds (−1: zero).
    private func sourceIndices(_ axis: PaddedAxis, from first: Int) -> [Int32] {
        (0..<plan.n).map { i in
            let p = first + i
            return Int32(p < axis.paddedSize ? axis.source(of: axis.paddedRange.lowerBound + p) ?? -1 : -1)
        }
    }

    private func load(channel c: Int, into z: UnsafeMutablePointer<Double>, rows: [Int32], columns: [Int32]) {
        let (h, w) = (spec.heightAxis.size, spec.widthAxis.size)
        convscope_fft_load_tile(source + c * h * w, Int64(w), rows, columns, Int32(plan.n), z)
    }

    /// Writes the tile's outputs of channel o from its inverse transform (n² times the sums),
    /// sampled at the stride, rounded by the rule, bias added.
    private func store(_ plane: UnsafeMutablePointer<Double>, channel o: Int, y0: Int, x0: Int) {
        let h = spec.heightAxis, w = spec.widthAxis, n = plan.n
        let (outH, outW) = (h.outputSize, w.outputSize)
        let base = output + o * outH * outW
        let start = Double(bias?[o] ?? 0)
        let unit: Double, scale: Double
        switch rounding {
        case let .grid(bits):
            unit = Double(sign: .plus, exponent: -bits, significand: 1)
            scale = Double(sign: .plus, exponent: bits, significand: 1) / Double(n * n)
        case .nearest:
            (unit, scale) = (0, 1 / Double(n * n))
        }
        for i in 0..<min(plan.validH, plan.denseH - y0) where (y0 + i) % h.stride == 0 {
            let outRow = base + ((y0 + i) / h.stride) * outW
            let row = plane + i * n
            let j = (w.stride - x0 % w.stride) % w.stride
            let end = min(plan.validW, plan.denseW - x0)
            if j < end {
                convscope_fft_store_row(row, Int64(j), Int64(end), Int64(w.stride), outRow + (x0 + j) / w.stride,
                                        scale, unit, start)
            }
        }
    }
}
