import CConvKernels

/// The Winograd path's stages, band by band: a band of output rows is the unit a worker takes.
/// It transforms the padded input rows the band reads (`WinogradInputRows`) into its own planes,
/// then computes the band `rowsPerCall` output rows at a time: for each point p, the convolution
/// of its transformed planes with its transformed kernel rows (a (kH × 1) kernel, the layer's
/// groups, height stride and dilation) by the direct path's row kernel
/// (`convscope_accumulate_rows`, blocks of B output channels, taps in order), then the output
/// transform of the rows from the n points' sums while they are in the cache.
///
/// A band's planes are [n][C_in][planeRows][tiles], so every tap of a row reads a contiguous run
/// of tiles: tap (j, i) of input channel j of the group and kernel row i is j·planeSize + i·d·tiles
/// floats from the output row's first input row. Bands bound the planes' memory: all of them at
/// once were twice the input (535 MB for a 1024² 64-channel input); a worker's band stays under
/// `bandBytes` where the overlap allows, else holds the rows of about four times the kernel's
/// reach (10 MB a worker for that input).
struct WinogradRows {
    let plan: WinogradPlan
    /// B: output channels one kernel call accumulates.
    let blockChannels = Int(convscope_block_channels())
    /// A'ᵀ as the output transform reads it.
    let outputTransform: [Double]
    /// Output rows of one band (the last may be shorter).
    let bandRows: Int

    /// The stages for `plan` on up to `threads` workers, in bands of `bandRows` output rows (by
    /// default `defaultBandRows`).
    init(plan: WinogradPlan, threads: Int, bandRows: Int? = nil) {
        self.plan = plan
        outputTransform = plan.matrices.output.map(Double.init)
        self.bandRows = min(plan.spec.heightAxis.outputSize, max(1, bandRows ?? Self.defaultBandRows(plan, threads: threads)))
    }

    /// Planes a band may hold, in bytes: below glibc's threshold for blocks mapped on their own
    /// (`Engine.returnedBlockBytes`), so a screen's bands come from the heap and not from fresh pages.
    static let bandBytes = 768 << 10

    /// Output rows of a band: as many as fit `bandBytes`, but at least about four times the rows
    /// two bands both read (the kernel's reach), so those add about a quarter to the input
    /// transform at most; then at most a share of the rows that leaves every one of `threads`
    /// workers two bands (all the cores before the overlap); in whole kernel calls where it can.
    static func defaultBandRows(_ plan: WinogradPlan, threads: Int) -> Int {
        let h = plan.spec.heightAxis, reach = (h.kernel - 1) * h.dilation, r = rowsPerCall(plan)
        let rowBytes = plan.matrices.points * plan.spec.parameters.inChannels * plan.tiles * MemoryLayout<Float>.stride
        let fitting = (Self.bandBytes / max(1, rowBytes) - reach - 1) / h.stride + 1
        let overlapBound = (4 * reach + h.stride - 1) / h.stride
        let share = (h.outputSize + 2 * max(1, threads) - 1) / (2 * max(1, threads))
        let rows = min(max(fitting, overlapBound, 1), share)
        return rows >= r ? rows / r * r : max(1, rows)
    }

    var n: Int { plan.matrices.points }
    var tiles: Int { plan.tiles }
    /// Padded input rows a band reads: (bandRows − 1)·stride + (kH − 1)·dilation + 1.
    var planeRows: Int {
        let h = plan.spec.heightAxis
        return min(plan.rows, (bandRows - 1) * h.stride + (h.kernel - 1) * h.dilation + 1)
    }
    var planeSize: Int { planeRows * tiles }
    var outChannels: Int { plan.spec.parameters.outChannels }
    var outPerGroup: Int { plan.spec.outChannelsPerGroup }
    var blocksPerGroup: Int { (outPerGroup + blockChannels - 1) / blockChannels }
    /// Taps of one output channel: its group's input channels × kernel rows.
    var taps: Int { plan.spec.inChannelsPerGroup * plan.spec.heightAxis.kernel }

    /// The transformed kernel rows `[n][C_out][C_in/g][kH]` packed [p][group][block][tap][B], zeros
    /// in the lanes past a block's last channel.
    func packWeights(_ rows: [Float], into buffer: inout ScratchBuffer<Float>) -> UnsafeMutablePointer<Float> {
        let (groups, blocks, b) = (plan.spec.groups, blocksPerGroup, blockChannels)
        let count = n * groups * blocks * taps * b
        let packed = buffer.reserve(count)
        packed.initialize(repeating: 0, count: count)
        for p in 0..<n {
            for o in 0..<outChannels {
                let (group, inGroup) = o.quotientAndRemainder(dividingBy: outPerGroup)
                let (block, lane) = inGroup.quotientAndRemainder(dividingBy: b)
                let first = (((p * groups + group) * blocks + block) * taps) * b + lane
                for t in 0..<taps { packed[first + t * b] = rows[(p * outChannels + o) * taps + t] }
            }
        }
        return packed
    }

    /// Each tap's distance from an output row's first input row, in floats.
    func tapOffsets(into buffer: inout ScratchBuffer<Int64>) -> UnsafeMutablePointer<Int64> {
        let h = plan.spec.heightAxis
        let offsets = buffer.reserve(taps)
        for j in 0..<plan.spec.inChannelsPerGroup {
            for i in 0..<h.kernel { offsets[j * h.kernel + i] = Int64(j * planeSize + i * h.dilation * tiles) }
        }
        return offsets
    }

    /// Output rows one kernel call computes: with a height stride of 1, the rows oy, oy + 1, …
    /// read consecutive runs of the planes, so R rows are one run of R·tiles columns (F(4, 5) on
    /// 256²: 4 rows of 63 tiles, where one row's 63 columns left the kernel's last 16 nearly idle).
    var rowsPerCall: Int { Self.rowsPerCall(plan) }
    static func rowsPerCall(_ plan: WinogradPlan) -> Int {
        plan.spec.heightAxis.stride == 1 ? max(1, columnsPerCall / plan.tiles) : 1
    }
    /// Columns a kernel call aims at.
    static let columnsPerCall = 256

    /// The layer's output [1, C_out, H_out, W_out], its bands spread over up to `threads` workers
    /// (one below `GeneralConvolution.parallelThreshold` multiply-adds), each worker's planes in
    /// its buffer of `bands`. Every worker polls `isCancelled` while it transforms a band and
    /// before every kernel call (at most 8 channels × 256 columns × `GeneralConvolution.tapsPerChunk` taps).
    func run(
        input: WinogradInputRows, weights: UnsafeMutablePointer<Float>, offsets: UnsafeMutablePointer<Int64>,
        bias: [Float]?, threads: Int, bands: inout [ScratchBuffer<Float>], isCancelled: () -> Bool
    ) throws -> Tensor4 {
        let (outH, outW) = (plan.spec.heightAxis.outputSize, plan.spec.widthAxis.outputSize)
        let count = outChannels * outH * outW
        let macs = n * outH * tiles * outChannels * taps
        let (r, heightStride) = (rowsPerCall, plan.spec.heightAxis.stride)
        let bandCount = (outH + bandRows - 1) / bandRows
        let workers = macs < GeneralConvolution.parallelThreshold ? 1 : max(1, min(threads, bandCount))
        // Each worker's planes, and the zeros the row kernel may read past the last point's end.
        let pointStride = plan.spec.parameters.inChannels * planeSize, slack = Int(CONVSCOPE_ROW_SLACK)
        while bands.count < workers { bands.append(ScratchBuffer()) }
        let planes = (0..<workers).map { worker in
            let points = bands[worker].reserve(n * pointStride + slack)
            (points + n * pointStride).initialize(repeating: 0, count: slack)
            return points
        }
        let nextBand = WorkCounter()
        var stopped = [Bool](repeating: false, count: workers)
        // Every value is written: in 2 MB pages, it faults 512 times less.
        let storage = HugePageArray.make(count: count) { output in
            stopped.withUnsafeMutableBufferPointer { flags in
                Workers.perform(iterations: workers) { worker in
                    let points = planes[worker]
                    var sums = [Float](repeating: 0, count: n * outChannels * r * tiles)
                    var sources = [UnsafePointer<Float>?](repeating: nil, count: n)
                    var (padded, targets) = input.scratch()
                    sums.withUnsafeMutableBufferPointer { sums in
                        while case let band = nextBand.take(), band < bandCount {
                            let outRows = (band * bandRows)..<min(outH, (band + 1) * bandRows)
                            let firstInputRow = outRows.lowerBound * heightStride
                            let inputRows = firstInputRow..<min(plan.rows, firstInputRow + planeRows)
                            guard input.transform(rows: inputRows, into: points, planeRows: planeRows, padded: &padded,
                                                  targets: &targets, isCancelled: isCancelled)
                            else { flags[worker] = true; return }
                            for first in stride(from: outRows.lowerBound, to: outRows.upperBound, by: r) {
                                let rows = first..<min(outRows.upperBound, first + r)
                                guard accumulate(rows: rows, firstInputRow: firstInputRow, points: points, weights: weights,
                                                 offsets: offsets, sums: sums.baseAddress!, isCancelled: isCancelled)
                                else { flags[worker] = true; return }
                                for oy in rows {
                                    transformBack(row: oy, sums: sums.baseAddress! + (oy - rows.lowerBound) * tiles, bias: bias,
                                                  sources: &sources, output: output)
                                }
                            }
                        }
                    }
                }
            }
        }
        if stopped.contains(true) { throw ComputationCancelled() }
        return Tensor4(shape: [1, outChannels, outH, outW], storage: storage)
    }

    /// The sums [n][C_out][rowsPerCall][tiles] of output rows `rows` (consecutive, at most
    /// `rowsPerCall`) from a band's planes, whose first row is padded row `firstInputRow`; false
    /// when `isCancelled` said stop.
    private func accumulate(
        rows: Range<Int>, firstInputRow: Int, points: UnsafeMutablePointer<Float>, weights: UnsafeMutablePointer<Float>,
        offsets: UnsafeMutablePointer<Int64>, sums: UnsafeMutablePointer<Float>, isCancelled: () -> Bool
    ) -> Bool {
        let (groups, blocks, b, r) = (plan.spec.groups, blocksPerGroup, blockChannels, rowsPerCall)
        let perGroup = plan.spec.inChannelsPerGroup
        let pointStride = plan.spec.parameters.inChannels * planeSize
        let firstRow = (rows.lowerBound * plan.spec.heightAxis.stride - firstInputRow) * tiles
        let zeros = [Float](repeating: 0, count: b)
        var rowPointers = [UnsafeMutablePointer<Float>?](repeating: nil, count: b)
        for p in 0..<n {
            for firstTap in stride(from: 0, to: taps, by: GeneralConvolution.tapsPerChunk) {
                let chunk = min(GeneralConvolution.tapsPerChunk, taps - firstTap)
                for group in 0..<groups {
                    let input = points + p * pointStride + group * perGroup * planeSize + firstRow
                    for block in 0..<blocks {
                        if isCancelled() { return false }
                        let first = group * outPerGroup + block * b
                        let channels = min(b, outPerGroup - block * b)
                        for lane in 0..<channels { rowPointers[lane] = sums + ((p * outChannels + first + lane) * r) * tiles }
                        let blockWeights = weights + ((((p * groups + group) * blocks + block) * taps) + firstTap) * b
                        zeros.withUnsafeBufferPointer { zeros in
                            convscope_accumulate_rows(
                                input, offsets + firstTap, blockWeights, Int64(chunk), rowPointers, Int32(channels),
                                Int64(rows.count * tiles), firstTap == 0 ? zeros.baseAddress : nil)
                        }
                    }
                }
            }
        }
        return true
    }

    /// Output row `oy` of every channel from its n points' sums (`sums` at the row's first tile of
    /// point 0, channel 0; channels `rowsPerCall` rows apart), its bias added last.
    private func transformBack(
        row oy: Int, sums: UnsafeMutablePointer<Float>, bias: [Float]?, sources: inout [UnsafePointer<Float>?],
        output: UnsafeMutablePointer<Float>
    ) {
        let (m, outH, outW) = (plan.matrices.outputs, plan.spec.heightAxis.outputSize, plan.spec.widthAxis.outputSize)
        let denominator = Double(plan.matrices.denominator)
        for o in 0..<outChannels {
            for p in 0..<n { sources[p] = UnsafePointer(sums + (p * outChannels + o) * rowsPerCall * tiles) }
            convscope_winograd_output_row(
                sources, outputTransform, Int32(m), Int32(n), denominator, Int64(tiles), Int64(outW), bias?[o] ?? 0,
                output + (o * outH + oy) * outW)
        }
    }
}
