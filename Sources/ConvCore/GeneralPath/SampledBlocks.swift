import CConvKernels
import Dispatch
import Synchronization

/// A first look at a whole map too large to compute at once: the output's exact value at one
/// cell of each square of `pitch` × `pitch` cells (its middle cell), drawn over the whole square.
/// It is a sample, not the square's mean, and the screen says so until the exact means arrive.
public struct SampledGrid: Equatable, Sendable {
    /// The output rows and columns the squares tile (from their first row and column, cut at the end).
    public let rows: Range<Int>, columns: Range<Int>
    /// Cells per square side: a multiple of the screen's block, so each block lies in one square.
    public let pitch: Int

    /// Squares down and across.
    public var squareRows: Int { (rows.count + pitch - 1) / pitch }
    public var squareColumns: Int { (columns.count + pitch - 1) / pitch }
    /// Samples in all.
    public var count: Int { squareRows * squareColumns }
    /// The output rows of square row i, and its sampled (middle) row.
    func rows(ofSquareRow i: Int) -> Range<Int> { span(rows, i) }
    func columns(ofSquareColumn j: Int) -> Range<Int> { span(columns, j) }
    func sampleRow(_ i: Int) -> Int { middle(span(rows, i)) }
    func sampleColumn(_ j: Int) -> Int { middle(span(columns, j)) }
    private func span(_ range: Range<Int>, _ i: Int) -> Range<Int> {
        let first = range.lowerBound + i * pitch
        return first..<min(first + pitch, range.upperBound)
    }
    private func middle(_ span: Range<Int>) -> Int { span.lowerBound + (span.count - 1) / 2 }

    /// Input values one sample may read in all (its receptive field over every input channel) so
    /// that the input a sampled first frame needs is drawn in a few tens of milliseconds.
    public static let inputValueBudget = 8_000_000

    /// The grid for a whole-map `region` (block > 1) of the layer `spec`: one sample per block when
    /// the samples' receptive fields fit `inputValueBudget`, else squares of several blocks.
    public init(region: OutputRegion, spec: Conv2dSpec, inputValueBudget: Int = SampledGrid.inputValueBudget) {
        let (h, w) = (spec.heightAxis, spec.widthAxis)
        rows = region.rows.clamped(to: 0..<h.outputSize); columns = region.columns.clamped(to: 0..<w.outputSize)
        let block = max(1, region.block)
        // A sample's input is drawn over its field's whole span (a dilated kernel's rows and its
        // columns a few apart are drawn as runs), so the span, not the taps, is what it costs.
        let perSample = max(1, spec.parameters.inChannels * h.effectiveKernel * w.effectiveKernel)
        let samples = max(1, inputValueBudget / perSample)
        let side = max(1, Int(Double(samples).squareRoot()))
        let blocks = max((rows.count + block - 1) / block, (columns.count + block - 1) / block)
        pitch = block * max(1, (blocks + side - 1) / side)
    }

    /// The input rows and columns its samples read (through any padding mode), as runs; columns
    /// up to 64 apart are joined into one run.
    func inputReads(_ spec: Conv2dSpec) -> (rows: [Range<Int>], columns: [Range<Int>]) {
        func reads(_ axis: PaddedAxis, _ outputs: [Int]) -> [Range<Int>] {
            var read = [Bool](repeating: false, count: axis.size)
            for o in outputs {
                for k in 0..<axis.kernel { if let i = axis.source(of: axis.index(output: o, tap: k)) { read[i] = true } }
            }
            return Conv2dSettings.runs(of: read)
        }
        // Columns a few apart (a dilated kernel reads every d-th) are drawn as one run: a value
        // costs about what zeroing it does, a run per value costs a call and a range each.
        var columns: [Range<Int>] = []
        for run in reads(spec.widthAxis, (0..<squareColumns).map(sampleColumn)) {
            if let last = columns.last, run.lowerBound - last.upperBound <= 64 {
                columns[columns.count - 1] = last.lowerBound..<run.upperBound
            } else {
                columns.append(run)
            }
        }
        return (reads(spec.heightAxis, (0..<squareRows).map(sampleRow)), columns)
    }
}

/// The exact output values at a `SampledGrid`'s cells: for each sampled row, the taps' input
/// values gathered as [tap][sample] and summed by the general path's kernel with its packed
/// weights — bias first, then taps in order, float32 — so each equals the whole layer's value
/// at that cell bit for bit.
enum SampledBlocks {
    /// For every channel of the blocks holding `channels`, its value at each sample (plane k's
    /// sample (i, j) at k · grid.count + i · squareColumns + j); `planeOfChannel` says whose.
    static func compute(
        input: Tensor4, weights: Tensor4, bias: [Float]?, spec: Conv2dSpec, channels: Range<Int>, grid: SampledGrid,
        threads: Int, workspace: Conv2dWorkspace, isCancelled: () -> Bool
    ) throws -> (values: [Float], planeOfChannel: [Int?]) {
        let layout = PackedLayout(spec)
        let (blocks, computed, planeOfChannel) = layout.places(of: channels)
        guard let packedWeights = layout.packWeights(weights, into: &workspace.weights, only: blocks, isCancelled: isCancelled)
        else { throw ComputationCancelled() }
        var values = [Float](repeating: 0, count: computed.count * grid.count)
        for (k, o) in computed.enumerated() where bias != nil {
            for n in 0..<grid.count { values[k * grid.count + n] = bias![o] }
        }
        guard grid.count > 0 else { return (values, planeOfChannel) }
        let stopped = Atomic<Bool>(false)
        values.withUnsafeMutableBufferPointer { out in
            input.storage.withUnsafeBufferPointer { source in
                withoutActuallyEscaping(isCancelled) { isCancelled in
                    let job = SampleRowJob(layout: layout, grid: grid, input: source.baseAddress!, weights: packedWeights,
                                           blocks: blocks, planeOfChannel: planeOfChannel, output: out.baseAddress!,
                                           isCancelled: isCancelled)
                    let next = WorkCounter(), rows = grid.squareRows
                    let workers = max(1, min(threads, rows))
                    Workers.perform(iterations: workers) { _ in
                        let matrix = SampleMatrix(taps: layout.taps, samples: grid.squareColumns)
                        defer { matrix.free() }
                        while case let i = next.take(), i < rows {
                            if !job.run(row: i, matrix: matrix) { stopped.store(true, ordering: .relaxed); return }
                        }
                    }
                }
            }
        }
        if stopped.load(ordering: .relaxed) { throw ComputationCancelled() }
        return (values, planeOfChannel)
    }
}

/// One worker's [tap][sample] gather buffer, with the slack the kernel's tiles read past the end.
private struct SampleMatrix: @unchecked Sendable {
    let values: UnsafeMutablePointer<Float>, offsets: [Int64]
    init(taps: Int, samples: Int) {
        let count = taps * samples + Int(CONVSCOPE_ROW_SLACK)
        values = .allocate(capacity: count)
        values.initialize(repeating: 0, count: count)
        offsets = (0..<taps).map { Int64($0 * samples) }
    }
    func free() { values.deallocate() }
}

/// `SampledBlocks.compute` as its workers see it: one sampled output row at a time.
/// Unchecked Sendable: workers write disjoint sample rows and only read the input and weights.
private struct SampleRowJob: @unchecked Sendable {
    let layout: PackedLayout, grid: SampledGrid
    let input: UnsafePointer<Float>, weights: UnsafeMutablePointer<Float>
    let blocks: [PackedLayout.ChannelBlock]
    let planeOfChannel: [Int?]
    let output: UnsafeMutablePointer<Float>
    let isCancelled: () -> Bool

    /// Sums sampled row i for every block; false when cancelled.
    func run(row i: Int, matrix: SampleMatrix) -> Bool {
        let (h, w) = (layout.height, layout.width)
        let samples = grid.squareColumns, oy = grid.sampleRow(i)
        // For kernel column kx and sample j, the input column read (−1: a padding zero).
        let columnSource = (0..<w.kernel).flatMap { kx in
            (0..<samples).map { w.source(of: w.index(output: grid.sampleColumn($0), tap: kx)) ?? -1 }
        }
        let rowSource = (0..<h.kernel).map { h.source(of: h.index(output: oy, tap: $0)) ?? -1 }
        let planeSize = h.size * w.size
        var pointers = [UnsafeMutablePointer<Float>?](repeating: nil, count: layout.blockChannels)
        for group in Set(blocks.map(\.group)).sorted() {
            if isCancelled() { return false }
            var tap = 0
            for c in 0..<layout.inPerGroup {
                let plane = input + (group * layout.inPerGroup + c) * planeSize
                for ky in 0..<h.kernel {
                    let sy = rowSource[ky]
                    for kx in 0..<w.kernel {
                        let target = matrix.values + tap * samples
                        for j in 0..<samples {
                            let sx = columnSource[kx * samples + j]
                            target[j] = sy < 0 || sx < 0 ? 0 : plane[sy * w.size + sx]
                        }
                        tap += 1
                    }
                }
            }
            for block in blocks where block.group == group {
                let channels = layout.channels(of: block)
                for (k, o) in channels.enumerated() {
                    pointers[k] = output + planeOfChannel[o]! * grid.count + i * samples
                }
                matrix.offsets.withUnsafeBufferPointer { offsets in
                    convscope_accumulate_rows(matrix.values, offsets.baseAddress!, weights + block.index * layout.taps * layout.blockChannels,
                                              Int64(layout.taps), pointers, Int32(channels.count), Int64(samples), nil)
                }
            }
        }
        return true
    }
}
