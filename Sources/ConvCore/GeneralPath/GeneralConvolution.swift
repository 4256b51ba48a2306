import CConvKernels
import Dispatch
import Synchronization

/// The general path of `Conv2dForward` for any weights: direct convolution with a register tile
/// of output channels × columns of one output row (8 × 48 with AVX-512), float32 fused
/// multiply-adds, output rows spread over the cores.
///
/// The input is copied once into padded planes (every padding mode resolved by `PaddedAxis`),
/// each split into its `stride_w` column phases, so every tap of every output row reads a
/// contiguous run of floats: the C kernel needs no gathers, strides or bounds checks. Sums are
/// float32 in the order bias, then channels, then kernel rows and columns — exact, and so equal
/// to PyTorch's, wherever every partial sum is an integer or dyadic value below 2^24.
enum GeneralConvolution {
    /// Taps one kernel call accumulates before the worker checks for cancellation: at 1024²
    /// 64→64 that is 256 · 64 · 1024 ≈ 1.7·10⁷ multiply-adds, about a millisecond.
    static let tapsPerChunk = 256
    /// Below this many multiply-adds one core finishes before a second would have started.
    static let parallelThreshold = 4_000_000

    /// Convolves on up to `threads` cores (1 forces the single-core code), reusing `workspace`;
    /// layers under `parallelThreshold` multiply-adds stay on one core. `isCancelled` is polled
    /// on every worker between chunks of taps, so it must be thread-safe.
    static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, threads: Int,
        parallelThreshold: Int = parallelThreshold, workspace: Conv2dWorkspace, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let layout = PackedLayout(spec)
        guard let packedInput = layout.packInput(input, into: &workspace.input, isCancelled: isCancelled),
              let packedWeights = layout.packWeights(weights, into: &workspace.weights, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        let offsets = layout.tapOffsets(into: &workspace.offsets)
        let (outChannels, outH, outW) = (spec.parameters.outChannels, layout.outH, layout.outW)
        let planeSize = outH * outW
        let count = outChannels * planeSize
        guard count > 0 else { return Tensor4(shape: [1, outChannels, outH, outW]) }
        let macs = count * layout.taps
        let workers = macs < parallelThreshold ? 1 : max(1, min(threads, outH))
        var stopped = [Bool](repeating: false, count: workers)
        let storage = withoutActuallyEscaping(isCancelled) { isCancelled in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                stopped.withUnsafeMutableBufferPointer { stoppedFlags in
                    let job = RowJob(
                        layout: layout, input: packedInput, weights: packedWeights, offsets: offsets,
                        bias: bias, output: buffer.baseAddress!, outChannels: outChannels, nextRow: RowCounter(),
                        stopped: stoppedFlags.baseAddress!, isCancelled: isCancelled)
                    if workers == 1 { job.run(worker: 0) } else {
                        DispatchQueue.concurrentPerform(iterations: workers) { job.run(worker: $0) }
                    }
                }
                initialized = count
            }
        }
        if stopped.contains(true) { throw ComputationCancelled() }
        return Tensor4(shape: [1, outChannels, outH, outW], storage: storage)
    }
}

/// The next output row no worker has taken yet. Rows are handed out one at a time rather than
/// split in advance: on a shared machine a worker that loses its core for a while takes fewer
/// rows instead of holding the others back at the end.
private final class RowCounter: Sendable {
    private let next = Atomic<Int>(0)

    /// Takes a row: 0, 1, 2, … across all workers.
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

/// One general-path computation as the workers see it: each takes the next free output row
/// until none is left.
///
/// Unchecked Sendable: workers write disjoint output rows and their own `stopped` flag, and only
/// read the packed buffers; `isCancelled` is documented as callable from any thread.
private struct RowJob: @unchecked Sendable {
    let layout: PackedLayout
    let input: UnsafeMutablePointer<Float>, weights: UnsafeMutablePointer<Float>
    let offsets: UnsafeMutablePointer<Int64>
    let bias: [Float]?
    let output: UnsafeMutablePointer<Float>
    let outChannels: Int
    let nextRow: RowCounter
    let stopped: UnsafeMutablePointer<Bool>
    let isCancelled: () -> Bool

    func run(worker: Int) {
        let (outH, outW) = (layout.outH, layout.outW)
        let planeSize = outH * outW
        let width = layout.blockChannels
        var rowPointers = [UnsafeMutablePointer<Float>?](repeating: nil, count: width)
        let chunks = layout.tapChunks
        while case let oy = nextRow.take(), oy < outH {
            for o in 0..<outChannels {
                (output + o * planeSize + oy * outW).initialize(repeating: bias?[o] ?? 0, count: outW)
            }
            let rowInput = input + oy * layout.rowStep
            for chunk in chunks {
                if isCancelled() { stopped[worker] = true; return }
                let (firstTap, tapCount) = (chunk.lowerBound, chunk.count)
                for g in 0..<layout.groups {
                    for b in 0..<layout.blocksPerGroup {
                        let first = g * layout.outPerGroup + b * width
                        let channels = min(width, layout.outPerGroup - b * width)
                        for k in 0..<channels { rowPointers[k] = output + (first + k) * planeSize + oy * outW }
                        let blockWeights = weights + ((g * layout.blocksPerGroup + b) * layout.taps + firstTap) * width
                        convscope_accumulate_rows(
                            rowInput + g * layout.groupStep, offsets + firstTap, blockWeights,
                            Int64(tapCount), rowPointers, Int32(channels), Int64(outW))
                    }
                }
            }
        }
    }
}
