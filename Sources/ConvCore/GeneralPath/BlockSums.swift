import CConvKernels
import Dispatch
import Synchronization

/// The sums of a layer's output over B × B blocks, without computing the output.
///
/// A convolution is linear, so the sum of output channel o over a block of output rows R and
/// columns C is bias·|R|·|C| + Σ over taps (c, ky, kx) of w[o, c, ky, kx] · T, where T is the sum of
/// the padded input over the rows and columns that tap reads for R × C — a rectangle of input
/// (stride-spaced), which prefix sums give at once. That leaves one small matrix product per input
/// channel, [channels × taps] · [taps × blocks], done by the general path's own kernel: at 1024²
/// 64→64 k32 with 59 × 59 blocks it is ~2·10⁹ multiply-adds for a block of 8 channels, against
/// 6.6·10¹¹ for those channels' whole output.
///
/// T is summed in Double and rounded to float32 once; the products are float32. The sums are
/// for a preview's colours, not the values the layer gives (those come from the whole layer).
enum BlockSums {
    /// The grid of blocks over `rows` × `columns`: block (i, j) covers rows
    /// rows.lowerBound + i·B ..< min(that + B, rows.upperBound), and likewise columns.
    struct Grid {
        let rows: Range<Int>, columns: Range<Int>, block: Int
        var blockRows: Int { (rows.count + block - 1) / block }
        var blockColumns: Int { (columns.count + block - 1) / block }
        var count: Int { blockRows * blockColumns }
        func rows(ofBlockRow i: Int) -> Range<Int> { span(rows, i) }
        func columns(ofBlockColumn j: Int) -> Range<Int> { span(columns, j) }
        private func span(_ range: Range<Int>, _ i: Int) -> Range<Int> {
            let first = range.lowerBound + i * block
            return first..<min(first + block, range.upperBound)
        }
    }

    /// For every channel of the blocks holding `channels`, its sum over each block of `grid`
    /// (plane k's block (i, j) at k · grid.count + i · blockColumns + j); `planeOfChannel` says
    /// which plane is whose (nil: not summed).
    static func compute(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, channels: Range<Int>, grid: Grid,
        threads: Int, workspace: Conv2dWorkspace, isCancelled: () -> Bool
    ) throws -> (sums: [Float], planeOfChannel: [Int?]) {
        let layout = PackedLayout(spec)
        // The input is read where it is (padding through the axes' source tables): packing a
        // 1024² 64-channel input alone takes 0.2–0.3 s.
        let (blocks, summed, planeOfChannel) = layout.places(of: channels)
        guard let packedWeights = layout.packWeights(weights, into: &workspace.weights, only: blocks, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        guard grid.count > 0 else { return ([], planeOfChannel) }
        let inChannels = layout.inChannels
        let workers = max(1, min(threads, inChannels))
        // Each worker takes every workers-th input channel into sums of its own; they are added at the end.
        let results = Mutex([[Float]?](repeating: nil, count: workers))
        input.storage.withUnsafeBufferPointer { source in withoutActuallyEscaping(isCancelled) { isCancelled in
            let job = BlockSumJob(layout: layout, input: source.baseAddress!, weights: packedWeights, blocks: blocks,
                                  placeOfChannel: planeOfChannel, planes: summed.count, grid: grid, workers: workers,
                                  isCancelled: isCancelled)
            Workers.perform(iterations: workers) { w in
                let sums = job.run(worker: w)
                results.withLock { $0[w] = sums }
            }
        } }
        let partial = results.withLock { $0 }
        guard partial.allSatisfy({ $0 != nil }) else { throw ComputationCancelled() }
        var sums = [Float](repeating: 0, count: summed.count * grid.count)
        for (k, o) in summed.enumerated() {
            let start = bias?[o] ?? 0
            for i in 0..<grid.blockRows {
                for j in 0..<grid.blockColumns {
                    let elements = grid.rows(ofBlockRow: i).count * grid.columns(ofBlockColumn: j).count
                    sums[k * grid.count + i * grid.blockColumns + j] = start * Float(elements)
                }
            }
        }
        for share in partial {
            for i in sums.indices { sums[i] += share![i] }
        }
        return (sums, planeOfChannel)
    }
}

/// `BlockSums.compute` as its workers see it: worker w sums input channels w, w + workers, …
/// into planes of its own.
/// Unchecked Sendable: the input and packed weights are only read; `isCancelled` is documented
/// as callable from any thread.
private struct BlockSumJob: @unchecked Sendable {
    let layout: PackedLayout
    /// The input [C_in, H, W], unpadded.
    let input: UnsafePointer<Float>, weights: UnsafeMutablePointer<Float>
    let blocks: [PackedLayout.ChannelBlock]
    let placeOfChannel: [Int?]
    let planes: Int
    let grid: BlockSums.Grid
    let workers: Int
    let isCancelled: () -> Bool
    /// Blocks one kernel call sums.
    static let columnsPerCall = 256

    /// The block sums of worker `worker`'s input channels, one plane of `grid.count` per summed output channel,
    /// back to back; nil when cancelled.
    func run(worker: Int) -> [Float]? {
        let channels = stride(from: worker, to: layout.inChannels, by: workers)
        let (h, w) = (layout.height, layout.width)
        let (kH, kW) = (h.kernel, w.kernel)
        let paddedH = h.paddedSize, phaseWidth = layout.phaseWidth
        let (blockRows, blockColumns) = (grid.blockRows, grid.blockColumns)
        let kernelTaps = kH * kW
        let tStride = grid.count
        // Kernel column kx reads, for output column ox, padded column kx·d + ox·s: phase
        // (kx·d) mod s at index ox + (kx·d) div s of that phase.
        let phase = (0..<kW).map { $0 * w.dilation % w.stride }, shift = (0..<kW).map { $0 * w.dilation / w.stride }
        let firstColumns = (0..<blockColumns).map { grid.columns(ofBlockColumn: $0).lowerBound }
        let endColumns = (0..<blockColumns).map { grid.columns(ofBlockColumn: $0).upperBound }
        let rowSource = h.paddedRange.map { h.source(of: $0) ?? -1 }
        let columnSource = w.paddedRange.map { w.source(of: $0) ?? -1 }
        let (height, width) = (h.size, w.size)

        let prefix = UnsafeMutableBufferPointer<Double>.allocate(capacity: phaseWidth + 1)
        // Per kernel column, per padded row, per block column: the row's sum over the block's columns.
        let rowSums = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, kW * paddedH * blockColumns))
        // Tap sums by chunks of `columnsPerCall` blocks: [chunk][tap][block in chunk]. One kernel
        // call then reads 1 MB at k32 in one piece; with [tap][block] its rows lay 15 KB apart, a
        // page each, and the calls ran at a quarter of the speed.
        let chunkSize = Self.columnsPerCall, chunkStride = kernelTaps * Self.columnsPerCall
        let chunks = (tStride + chunkSize - 1) / chunkSize
        let taps = UnsafeMutableBufferPointer<Float>.allocate(capacity: chunks * chunkStride + Int(CONVSCOPE_ROW_SLACK))
        // Every tap sum is written before it is read, except in the last chunk's unused places (the
        // kernel's tiles read them; their results are not kept): only that chunk starts as zeros.
        UnsafeMutableBufferPointer(rebasing: taps[((chunks - 1) * chunkStride)...]).initialize(repeating: 0)
        let zeroRow = UnsafeMutablePointer<Double>.allocate(capacity: max(1, blockColumns))
        zeroRow.initialize(repeating: 0, count: max(1, blockColumns))
        var sums = [Float](repeating: 0, count: planes * tStride)
        defer { prefix.deallocate(); rowSums.deallocate(); taps.deallocate(); zeroRow.deallocate() }
        let offsets = (0..<kernelTaps).map { Int64($0 * chunkSize) }
        // Block n's channels are summed into planes placeOfChannel[o], in block order.
        let planeOfBlockChannel = blocks.map { block in layout.channels(of: block).map { placeOfChannel[$0]! } }
        for c in channels {
            if isCancelled() { return nil }
            let group = c / layout.inPerGroup, local = c % layout.inPerGroup
            guard blocks.contains(where: { $0.group == group }) else { continue }
            let plane = input + c * height * width
            for py in 0..<paddedH {
                // A channel takes ~10 ms at 1024² k32: polled every 64 rows and kernel columns too.
                if py % 64 == 63 && isCancelled() { return nil }
                let sy = rowSource[py]
                for r in 0..<w.stride {
                    var total = 0.0
                    if sy >= 0 {
                        let row = plane + sy * width
                        columnSource.withUnsafeBufferPointer { columns in
                            // The last phase row may end one column short of the others.
                            for j in 0..<phaseWidth {
                                prefix[j] = total
                                let px = r + j * w.stride
                                if px < columns.count, columns[px] >= 0 { total += Double(row[columns[px]]) }
                            }
                        }
                    } else {
                        for j in 0..<phaseWidth { prefix[j] = 0 }
                    }
                    prefix[phaseWidth] = total
                    for kx in 0..<kW where phase[kx] == r {
                        let out = rowSums.baseAddress! + (kx * paddedH + py) * blockColumns
                        let from = prefix.baseAddress! + shift[kx]
                        for j in 0..<blockColumns { out[j] = from[endColumns[j]] - from[firstColumns[j]] }
                    }
                }
            }
            // Running sums down each stride-spaced run of rows: a block's rows are then one difference.
            for kx in 0..<kW {
                for py in min(h.stride, paddedH)..<paddedH {
                    let at = rowSums.baseAddress! + (kx * paddedH + py) * blockColumns
                    let above = at - h.stride * blockColumns
                    for j in 0..<blockColumns { at[j] += above[j] }
                }
            }
            // Kernel column by kernel column, so that column's running sums (0.5 MB at 1024²) are
            // read while they are cached.
            for kx in 0..<kW {
                if isCancelled() { return nil }
                let column = rowSums.baseAddress! + kx * paddedH * blockColumns
                for ky in 0..<kH {
                    for i in 0..<blockRows {
                        let span = grid.rows(ofBlockRow: i)
                        let last = ky * h.dilation + (span.upperBound - 1) * h.stride
                        let before = ky * h.dilation + (span.lowerBound - 1) * h.stride
                        let tap = ky * kW + kx
                        let hi = column + last * blockColumns
                        // Rows before the first: none when `before` is negative.
                        let lo = before >= 0 ? column + before * blockColumns : zeroRow
                        // Block b = i · blockColumns + j goes to chunk b / chunkSize, place b % chunkSize.
                        var chunk = i * blockColumns / chunkSize, place = i * blockColumns % chunkSize
                        var target = taps.baseAddress! + chunk * chunkStride + tap * chunkSize
                        for j in 0..<blockColumns {
                            target[place] = Float(hi[j] - lo[j])
                            place += 1
                            if place == chunkSize {
                                (chunk, place) = (chunk + 1, 0)
                                target = taps.baseAddress! + chunk * chunkStride + tap * chunkSize
                            }
                        }
                    }
                }
            }
            // sums[o] += Σ_t w[o, c, t] · taps[t]: the general path's kernel with the blocks as columns,
            // 256 at a time so every block reuses that slice of `taps` (1 MB at k32) from the cache.
            let groupBlocks = blocks.indices.filter { blocks[$0].group == group }
            for first in stride(from: 0, to: tStride, by: Self.columnsPerCall) {
                if isCancelled() { return nil }
                let columns = min(Self.columnsPerCall, tStride - first)
                for n in groupBlocks {
                    let blockWeights = weights + (blocks[n].index * layout.taps + local * kernelTaps) * layout.blockChannels
                    let targets = planeOfBlockChannel[n]
                    sums.withUnsafeMutableBufferPointer { planes in
                        let pointers: [UnsafeMutablePointer<Float>?] = targets.map { planes.baseAddress! + $0 * tStride + first }
                        convscope_accumulate_rows(taps.baseAddress! + first / chunkSize * chunkStride, offsets, blockWeights, Int64(kernelTaps),
                                                  pointers, Int32(targets.count), Int64(columns), nil)
                    }
                }
            }
        }
        return sums
    }
}
