import CConvKernels
import Dispatch
import Synchronization

/// Where the general path keeps each padded input value, packed weight and tap.
///
/// Input: for each channel, for each column phase r < stride_w, the padded rows holding padded
/// columns r, r + s, r + 2s, … followed by `CONVSCOPE_ROW_SLACK` zeros the kernel may read past
/// the last output column. Tap (c, ky, kx) of output (oy, ox) then reads
/// `offset(c, ky, kx) + oy·rowStep + ox`, contiguous in ox.
struct PackedLayout {
    let height: PaddedAxis, width: PaddedAxis
    let outH: Int, outW: Int
    let groups: Int, inPerGroup: Int, outPerGroup: Int, inChannels: Int
    let kernelTaps: Int
    /// Floats per packed row, per phase, per channel.
    let rowStride: Int, phaseStride: Int, planeStride: Int
    /// Columns per phase row.
    let phaseWidth: Int
    /// The kernel the weights are packed for (`DirectKernel.pixels` only where this CPU has it).
    let kernel: DirectKernel
    /// Output channels the kernel computes together (rows: 8 with AVX-512, else 4; pixels: 16
    /// with AVX-512, 8 with AVX2).
    let blockChannels: Int
    /// The padded rows stored: all of them, or those a window of output rows reads.
    let firstRow: Int, storedRows: Int

    /// The layout of the whole input, or (`outputRows`) of the padded rows those output rows read,
    /// with weights packed for `kernel` (the row kernel where the pixel kernel does not exist).
    /// True where the kernel can read the input tensor where it lies (`inPlace`): no padding on
    /// either axis and stride 1 across, so each plane's rows are already contiguous runs in order.
    static func canReadInPlace(_ spec: Conv2dSpec) -> Bool {
        let (h, w) = (spec.heightAxis, spec.widthAxis)
        return h.paddedSize == h.size && w.paddedSize == w.size && w.padding.before == 0 && h.padding.before == 0
            && w.stride == 1
    }

    /// `inPlace` (only where `canReadInPlace`): the input tensor's own layout, rows of W floats
    /// without slack, so nothing is packed; the kernel then reads up to a vector past a row's end,
    /// into the next row, which the last output row must not do at the tensor's end.
    init(_ spec: Conv2dSpec, outputRows: Range<Int>? = nil, kernel: DirectKernel = .rows, inPlace: Bool = false) {
        let pixelChannels = Int(convscope_pixel_block_channels())
        self.kernel = pixelChannels > 0 ? kernel : .rows
        blockChannels = self.kernel == .pixels ? pixelChannels : Int(convscope_block_channels())
        height = spec.heightAxis; width = spec.widthAxis
        outH = height.outputSize; outW = width.outputSize
        groups = spec.groups; inPerGroup = spec.inChannelsPerGroup; outPerGroup = spec.outChannelsPerGroup
        inChannels = spec.parameters.inChannels
        kernelTaps = height.kernel * width.kernel
        phaseWidth = (width.paddedSize + width.stride - 1) / width.stride
        rowStride = phaseWidth + (inPlace ? 0 : Int(CONVSCOPE_ROW_SLACK))
        if let rows = outputRows, !rows.isEmpty {
            firstRow = rows.lowerBound * height.stride
            storedRows = (rows.upperBound - 1) * height.stride + (height.kernel - 1) * height.dilation + 1 - firstRow
        } else {
            (firstRow, storedRows) = (0, height.paddedSize)
        }
        phaseStride = storedRows * rowStride
        planeStride = width.stride * phaseStride
    }

    /// Floats from the packed block's start to the first input of output row oy.
    func rowOffset(_ oy: Int) -> Int { oy * rowStep - firstRow * rowStride }

    /// Taps of one output channel: its group's channels × kernel rows × kernel columns.
    var taps: Int { inPerGroup * kernelTaps }
    /// Blocks of `blockChannels` output channels per group (the last one may be partial).
    var blocksPerGroup: Int { (outPerGroup + blockChannels - 1) / blockChannels }
    /// B output channels of one group that one kernel call computes together; `index` counts
    /// blocks over all groups, as the packed weights are ordered.
    struct ChannelBlock: Equatable {
        let group: Int, block: Int, index: Int
    }

    /// Every block, group by group.
    var allBlocks: [ChannelBlock] {
        (0..<groups).flatMap { g in (0..<blocksPerGroup).map { ChannelBlock(group: g, block: $0, index: g * blocksPerGroup + $0) } }
    }

    /// The blocks holding at least one of `channels`.
    func blocks(holding channels: Range<Int>) -> [ChannelBlock] {
        allBlocks.filter { !channelRange(of: $0).clamped(to: channels).isEmpty }
    }

    /// The channels of the blocks holding `channels`, in block order, each with its place in
    /// that order (nil for channels of no such block): where a partial computation keeps them.
    func places(of channels: Range<Int>) -> (blocks: [ChannelBlock], channels: [Int], placeOfChannel: [Int?]) {
        let blocks = blocks(holding: channels)
        let computed = blocks.flatMap { self.channels(of: $0) }
        var placeOfChannel = [Int?](repeating: nil, count: groups * outPerGroup)
        for (place, o) in computed.enumerated() { placeOfChannel[o] = place }
        return (blocks, computed, placeOfChannel)
    }

    /// The output channels of a block (the last block of a group may hold fewer than B).
    func channels(of block: ChannelBlock) -> Range<Int> { channelRange(of: block) }

    private func channelRange(of block: ChannelBlock) -> Range<Int> {
        let first = block.group * outPerGroup + block.block * blockChannels
        return first..<min(first + blockChannels, (block.group + 1) * outPerGroup)
    }

    /// Floats between the inputs of output row oy and oy + 1.
    var rowStep: Int { height.stride * rowStride }
    /// Floats between the first channels of neighbouring groups.
    var groupStep: Int { inPerGroup * planeStride }
    /// Ranges of a group's taps one kernel call sums, `tapsPerChunk` each (the last may be shorter).
    var tapChunks: [Range<Int>] {
        let size = GeneralConvolution.tapsPerChunk
        return stride(from: 0, to: taps, by: size).map { $0..<min($0 + size, taps) }
    }

    /// Copies the input into padded, phase-split rows on up to `threads` cores (a channel each);
    /// returns the packed block, or nil when `isCancelled` (polled per channel) stops it.
    func packInput(
        _ input: Tensor4, into buffer: inout ScratchBuffer<Float>, threads: Int = 1, isCancelled: () -> Bool
    ) -> UnsafeMutablePointer<Float>? {
        let packed = buffer.reserve(inChannels * planeStride)
        let rowSource = (0..<storedRows).map { height.source(of: height.paddedRange.lowerBound + firstRow + $0) ?? -1 }
        let columnSource = width.paddedRange.map { width.source(of: $0) ?? -1 }
        // Stride 1: the padded columns holding the row's own columns, in order, are one copy.
        let before = width.padding.before
        let inside = width.stride == 1 ? max(0, before)..<min(width.paddedSize, before + width.size) : 0..<0
        let stopped = Atomic<Bool>(false)
        input.storage.withUnsafeBufferPointer { source in
            withoutActuallyEscaping(isCancelled) { isCancelled in
                let job = PackJob(layout: self, source: source.baseAddress!, packed: packed, rowSource: rowSource,
                                  columnSource: columnSource, inside: inside, isCancelled: isCancelled)
                // Small inputs stay on one core: a second would start after the copy is done.
                let workers = inChannels * planeStride < 1 << 20 ? 1 : max(1, min(threads, inChannels))
                let next = WorkCounter(), channels = inChannels
                let work: @Sendable (Int) -> Void = { _ in
                    while case let c = next.take(), c < channels {
                        if !job.pack(channel: c) { stopped.store(true, ordering: .relaxed); return }
                    }
                }
                if workers == 1 { work(0) } else { Workers.perform(iterations: workers, work) }
            }
        }
        return stopped.load(ordering: .relaxed) ? nil : packed
    }

    /// Weights as [group][block of B output channels][tap][B], zeros for a partial block's
    /// missing channels; a tap's index is its index in PyTorch's [C_out, C_in/g, kH, kW] slice.
    /// Nil when `isCancelled` (polled per output channel: 64→64 k32 packs 4·10⁶ weights, a block
    /// of 8 channels took 13 ms) stops it.
    /// `only` packs just those blocks (a window of a few channels: 1/8 of a 64→64 k32 layer's
    /// 4 M weights); the others' places are left as they were and must not be read.
    func packWeights(
        _ weights: Tensor4, into buffer: inout ScratchBuffer<Float>, only: [ChannelBlock]? = nil, isCancelled: () -> Bool
    ) -> UnsafeMutablePointer<Float>? {
        let (tapCount, width) = (taps, blockChannels)
        let packed = buffer.reserve(groups * blocksPerGroup * tapCount * width)
        return weights.storage.withUnsafeBufferPointer { source in
            for chosen in only ?? allBlocks {
                let (g, b) = (chosen.group, chosen.block)
                let block = packed + chosen.index * tapCount * width
                for k in 0..<width {
                    if isCancelled() { return nil }
                    let local = b * width + k
                    let o = g * outPerGroup + local
                    for t in 0..<tapCount { block[t * width + k] = local < outPerGroup ? source[o * tapCount + t] : 0 }
                }
            }
            return packed
        }
    }

    /// For each tap (c, ky, kx) of a group, the packed offset it reads for output (0, 0).
    func tapOffsets(into buffer: inout ScratchBuffer<Int64>) -> UnsafeMutablePointer<Int64> {
        let offsets = buffer.reserve(taps)
        var t = 0
        for c in 0..<inPerGroup {
            for ky in 0..<height.kernel {
                for kx in 0..<width.kernel {
                    let column = kx * width.dilation
                    let phase = column % width.stride, shift = column / width.stride
                    offsets[t] = Int64(c * planeStride + phase * phaseStride + ky * height.dilation * rowStride + shift)
                    t += 1
                }
            }
        }
        return offsets
    }
}

/// One channel of `PackedLayout.packInput` at a time. Unchecked Sendable: workers write disjoint
/// channels of the packed block and only read the source; `isCancelled` is thread-safe.
private struct PackJob: @unchecked Sendable {
    let layout: PackedLayout
    let source: UnsafePointer<Float>, packed: UnsafeMutablePointer<Float>
    let rowSource: [Int], columnSource: [Int]
    /// Padded columns that are the source row's own columns, in order (stride 1 only).
    let inside: Range<Int>
    let isCancelled: () -> Bool

    /// Packs channel c; false when cancelled.
    func pack(channel c: Int) -> Bool {
        if isCancelled() { return false }
        let (h, w, s) = (layout.height.size, layout.width.size, layout.width.stride)
        let plane = source + c * h * w
        let paddedWidth = layout.width.paddedSize, rowStride = layout.rowStride
        for r in 0..<s {
            for i in 0..<layout.storedRows {
                let row = packed + c * layout.planeStride + r * layout.phaseStride + i * rowStride
                let sy = rowSource[i]
                if sy < 0 { row.update(repeating: 0, count: rowStride); continue }
                let sourceRow = plane + sy * w
                var j = 0
                var px = r
                while px < paddedWidth {
                    if px == inside.lowerBound && !inside.isEmpty {
                        (row + j).update(from: sourceRow + (px - layout.width.padding.before), count: inside.count)
                        j += inside.count
                        px += inside.count
                        continue
                    }
                    let sx = columnSource[px]
                    row[j] = sx < 0 ? 0 : sourceRow[sx]
                    j += 1
                    px += s
                }
                (row + j).update(repeating: 0, count: rowStride - j)
            }
        }
        return true
    }
}
