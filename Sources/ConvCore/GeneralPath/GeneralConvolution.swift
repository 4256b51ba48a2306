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
    /// Both kernels: a longer chunk would save the pixel kernel some of its transpositions of
    /// sums in and out of registers, but poll less often than StopPolling's budget.
    static let tapsPerChunk = 256
    /// Below this many multiply-adds one core finishes before a second would have started.
    static let parallelThreshold = 4_000_000

    /// Convolves on up to `threads` cores (1 forces the single-core code), reusing `workspace`;
    /// layers under `parallelThreshold` multiply-adds stay on one core. `isCancelled` is polled
    /// on every worker between chunks of taps, so it must be thread-safe. `kernel` nil lets
    /// `DirectKernel.choice` pick; either gives the same values.
    static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, threads: Int,
        parallelThreshold: Int = parallelThreshold, kernel: DirectKernel? = nil, workspace: Conv2dWorkspace,
        isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let chosen = kernel ?? DirectKernel.choice(outPerGroup: spec.outChannelsPerGroup, columns: spec.widthAxis.outputSize)
        if PackedLayout.canReadInPlace(spec), spec.heightAxis.outputSize >= 2, spec.widthAxis.outputSize > 0 {
            return try runInPlace(input: input, weights: weights, bias: bias, spec: spec, threads: threads,
                                  parallelThreshold: parallelThreshold, kernel: chosen, workspace: workspace,
                                  isCancelled: isCancelled)
        }
        let layout = PackedLayout(spec, kernel: chosen)
        guard let packedInput = layout.packInput(input, into: &workspace.input, threads: threads, isCancelled: isCancelled),
              let packedWeights = layout.packWeights(weights, into: &workspace.weights, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        let offsets = layout.tapOffsets(into: &workspace.offsets)
        let (outChannels, outH, outW) = (spec.parameters.outChannels, layout.outH, layout.outW)
        let count = outChannels * outH * outW
        guard count > 0 else { return Tensor4(shape: [1, outChannels, outH, outW]) }
        let storage = try compute(
            RowTask(layout: layout, rows: 0..<outH, columns: 0..<outW, blocks: layout.allBlocks,
                    planeOfChannel: Array(0..<outChannels), planes: outChannels),
            input: packedInput, weights: packedWeights, offsets: offsets, bias: bias, threads: threads,
            parallelThreshold: parallelThreshold, isCancelled: isCancelled)
        return Tensor4(shape: [1, outChannels, outH, outW], storage: storage)
    }

    /// `run` without copying the input where it needs no padding and no column phases: every
    /// output row but the last reads the tensor where it lies (8 % of 256² 16→16 k5 was the copy);
    /// the last, whose kernel reads would run past the tensor's end, reads its few rows packed.
    private static func runInPlace(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, threads: Int,
        parallelThreshold: Int, kernel: DirectKernel, workspace: Conv2dWorkspace, isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let whole = PackedLayout(spec, kernel: kernel, inPlace: true)
        let (outChannels, outH, outW) = (spec.parameters.outChannels, whole.outH, whole.outW)
        let last = PackedLayout(spec, outputRows: (outH - 1)..<outH, kernel: kernel)
        guard let packedLast = last.packInput(input, into: &workspace.input, threads: 1, isCancelled: isCancelled),
              let packedWeights = whole.packWeights(weights, into: &workspace.weights, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        let offsets = whole.tapOffsets(into: &workspace.offsets)
        var lastOffsetsBuffer = ScratchBuffer<Int64>()
        defer { lastOffsetsBuffer.release() }
        let lastOffsets = last.tapOffsets(into: &lastOffsetsBuffer)
        func task(_ layout: PackedLayout, _ rows: Range<Int>) -> RowTask {
            RowTask(layout: layout, rows: rows, columns: 0..<outW, blocks: layout.allBlocks,
                    planeOfChannel: Array(0..<outChannels), planes: outChannels)
        }
        let storage = try input.storage.withUnsafeBufferPointer { source in
            try compute(
                [ComputePart(task: task(whole, 0..<(outH - 1)), input: UnsafeMutablePointer(mutating: source.baseAddress!),
                             offsets: offsets),
                 ComputePart(task: task(last, (outH - 1)..<outH), input: packedLast, offsets: lastOffsets)],
                weights: packedWeights, bias: bias, threads: threads, parallelThreshold: parallelThreshold,
                isCancelled: isCancelled)
        }
        return Tensor4(shape: [1, outChannels, outH, outW], storage: storage)
    }

    /// The output values in `rows` × `columns` of the channels in `channels` (widened to whole blocks
    /// of `PackedLayout.blockChannels`), one outH × outW plane per channel of those blocks, zeros
    /// outside the window. Returns the planes and, for each output channel, its plane (nil for
    /// channels not computed). The values are the ones `run` gives, bit for bit. `spareZeroPlane`
    /// adds one plane of zeros after the others (for the channels not shown).
    static func window(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, channels: Range<Int>,
        rows: Range<Int>, columns: Range<Int>, threads: Int, kernel: DirectKernel? = nil, workspace: Conv2dWorkspace,
        spareZeroPlane: Bool = false, isCancelled: () -> Bool
    ) throws -> (planes: [Float], planeOfChannel: [Int?]) {
        let chosen = kernel ?? DirectKernel.choice(outPerGroup: spec.outChannelsPerGroup, columns: columns.count)
        // Only the input rows the window reads are packed.
        let layout = PackedLayout(spec, outputRows: rows, kernel: chosen)
        // Only the weights of the channel blocks computed are packed.
        let (blocks, computed, planeOfChannel) = layout.places(of: channels)
        guard let packedInput = layout.packInput(input, into: &workspace.input, threads: threads, isCancelled: isCancelled),
              let packedWeights = layout.packWeights(weights, into: &workspace.weights, only: blocks, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        let offsets = layout.tapOffsets(into: &workspace.offsets)
        let task = RowTask(layout: layout, rows: rows, columns: columns, blocks: blocks,
                           planeOfChannel: planeOfChannel.map { $0 ?? -1 }, planes: computed.count + (spareZeroPlane ? 1 : 0))
        let storage = try compute(task, input: packedInput, weights: packedWeights, offsets: offsets, bias: bias,
                                  threads: threads, parallelThreshold: parallelThreshold, isCancelled: isCancelled,
                                  zeroed: true)
        return (storage, planeOfChannel)
    }

    /// Runs `task` on up to `threads` workers into fresh planes (zero-filled first when `zeroed`:
    /// a window leaves the rest of its planes unwritten).
    private static func compute(
        _ task: RowTask, input: UnsafeMutablePointer<Float>, weights: UnsafeMutablePointer<Float>,
        offsets: UnsafeMutablePointer<Int64>, bias: [Float]?, threads: Int, parallelThreshold: Int,
        isCancelled: () -> Bool, zeroed: Bool = false
    ) throws -> [Float] {
        try compute([ComputePart(task: task, input: input, offsets: offsets)], weights: weights, bias: bias,
                    threads: threads, parallelThreshold: parallelThreshold, isCancelled: isCancelled, zeroed: zeroed)
    }

    /// One part of a computation: its task and where that task's input and tap offsets are.
    private struct ComputePart {
        let task: RowTask
        let input: UnsafeMutablePointer<Float>
        let offsets: UnsafeMutablePointer<Int64>
    }

    /// Runs the parts one after the other, each on up to `threads` workers, into the same fresh
    /// planes (the first part's count of them).
    private static func compute(
        _ parts: [ComputePart], weights: UnsafeMutablePointer<Float>, bias: [Float]?, threads: Int,
        parallelThreshold: Int, isCancelled: () -> Bool, zeroed: Bool = false
    ) throws -> [Float] {
        let layout = parts[0].task.layout
        let count = parts[0].task.planes * layout.outH * layout.outW
        let workers = parts.map { part in
            let task = part.task
            let channels = task.blocks.reduce(0) { $0 + task.layout.channels(of: $1).count }
            let macs = task.rows.count * task.columns.count * channels * task.layout.taps
            return macs < parallelThreshold ? 1 : max(1, min(threads, task.rows.count))
        }
        var stopped = [Bool](repeating: false, count: workers.max() ?? 1)
        let storage = withoutActuallyEscaping(isCancelled) { isCancelled in
            [Float](unsafeUninitializedCapacity: zeroed ? count : HugePageArray.capacity(floats: count)) { buffer, initialized in
                // A window's planes are mostly zeros (8 planes of 1024² around a screenful of
                // values): their pages are handed back rather than written, then faulted in
                // only where written or read.
                if zeroed, let base = buffer.baseAddress { convscope_zero_floats(base, Int64(count)) }
                // Every value of a whole layer is written: in 2 MB pages, it faults 512 times less.
                else { HugePageArray.advise(buffer, count: count) }
                stopped.withUnsafeMutableBufferPointer { stoppedFlags in
                    for (part, partWorkers) in zip(parts, workers) where !stoppedFlags.contains(true) {
                        let job = RowJob(
                            task: part.task, input: part.input, weights: weights, offsets: part.offsets,
                            bias: bias, output: buffer.baseAddress!, nextRow: WorkCounter(),
                            stopped: stoppedFlags.baseAddress!, isCancelled: isCancelled)
                        if partWorkers == 1 { job.run(worker: 0) } else {
                            Workers.perform(iterations: partWorkers) { job.run(worker: $0) }
                        }
                    }
                }
                initialized = count
            }
        }
        if stopped.contains(true) { throw ComputationCancelled() }
        return storage
    }
}

/// What a general-path computation writes: which output rows and columns, of which channel
/// blocks, into which plane of the output buffer.
struct RowTask {
    let layout: PackedLayout
    let rows: Range<Int>, columns: Range<Int>
    let blocks: [PackedLayout.ChannelBlock]
    /// For each output channel its plane in the output buffer (−1: not computed).
    let planeOfChannel: [Int]
    let planes: Int
}

/// One general-path computation as the workers see it: each takes the next free output row
/// until none is left.
///
/// Unchecked Sendable: workers write disjoint output rows and their own `stopped` flag, and only
/// read the packed buffers; `isCancelled` is documented as callable from any thread.
private struct RowJob: @unchecked Sendable {
    let task: RowTask
    let input: UnsafeMutablePointer<Float>, weights: UnsafeMutablePointer<Float>
    let offsets: UnsafeMutablePointer<Int64>
    let bias: [Float]?
    let output: UnsafeMutablePointer<Float>
    let nextRow: WorkCounter
    let stopped: UnsafeMutablePointer<Bool>
    let isCancelled: () -> Bool

    func run(worker: Int) {
        let layout = task.layout
        let outW = layout.outW
        let planeSize = layout.outH * outW
        let width = layout.blockChannels
        let (firstColumn, columns) = (task.columns.lowerBound, task.columns.count)
        var rowPointers = [UnsafeMutablePointer<Float>?](repeating: nil, count: width)
        let chunks = layout.tapChunks
        // Each block's bias (0 without one), where the first taps of a row start: the row is
        // written once, by the kernel, instead of filled with the bias and read back.
        let firstValues: [[Float]] = task.blocks.map { block in
            let channels = layout.channels(of: block)
            return (0..<width).map { k in k < channels.count ? bias?[channels.lowerBound + k] ?? 0 : 0 }
        }
        while case let oy = task.rows.lowerBound + nextRow.take(), oy < task.rows.upperBound {
            let rowStart = oy * outW + firstColumn
            if chunks.isEmpty {
                for block in task.blocks {
                    for o in layout.channels(of: block) {
                        (output + task.planeOfChannel[o] * planeSize + rowStart).initialize(repeating: bias?[o] ?? 0, count: columns)
                    }
                }
            }
            let rowInput = input + layout.rowOffset(oy) + firstColumn
            for (chunkIndex, chunk) in chunks.enumerated() {
                if isCancelled() { stopped[worker] = true; return }
                let (firstTap, tapCount) = (chunk.lowerBound, chunk.count)
                for (blockIndex, block) in task.blocks.enumerated() {
                    let channels = layout.channels(of: block)
                    for (k, o) in channels.enumerated() { rowPointers[k] = output + task.planeOfChannel[o] * planeSize + rowStart }
                    let blockWeights = weights + (block.index * layout.taps + firstTap) * width
                    let accumulate = layout.kernel == .pixels ? convscope_accumulate_pixels : convscope_accumulate_rows
                    firstValues[blockIndex].withUnsafeBufferPointer { first in
                        accumulate(
                            rowInput + block.group * layout.groupStep, offsets + firstTap, blockWeights,
                            Int64(tapCount), rowPointers, Int32(channels.count), Int64(columns),
                            chunkIndex == 0 ? first.baseAddress : nil)
                    }
                }
            }
        }
    }
}
