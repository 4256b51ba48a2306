import CConvKernels

/// The Winograd path of `Conv2dForward`: 1-D Winograd F(m, r) along each output row, the kernel's
/// rows direct. Each padded input row is transformed into n points per tile of m outputs; for
/// each output row, each point's planes are convolved with its transformed kernel rows by the
/// direct path's row kernel (`WinogradRows`) and the row is transformed back while its sums are
/// in the cache. n multiplications per m·r: 6 instead of 10 for F(2, 5).
///
/// Taken only where `WinogradPlan.transformedWeights` proves every intermediate an exact float32
/// integer of the data's grid, so every output is the exact sum rounded once — bit for bit the
/// direct path's value, and PyTorch's wherever that is exact.
enum WinogradConvolution {
    /// Convolves on up to `threads` cores, reusing `workspace`; nil when the values do not allow
    /// an exact result (the caller then takes the direct path). Throws `ComputationCancelled` when
    /// `isCancelled` (polled from every worker, so thread-safe) says so.
    static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, plan: WinogradPlan, threads: Int,
        workspace: Conv2dWorkspace, isCancelled: () -> Bool
    ) throws -> Tensor4? {
        guard let kernelRows = plan.transformedWeights(input: input, weights: weights, bias: bias) else { return nil }
        let points = try transformInput(input, plan: plan, into: &workspace.input, threads: threads,
                                        isCancelled: isCancelled)
        let rows = WinogradRows(plan: plan)
        let packed = rows.packWeights(kernelRows, into: &workspace.weights)
        let offsets = rows.tapOffsets(into: &workspace.offsets)
        return try rows.run(points: points, weights: packed, offsets: offsets, bias: bias, threads: threads,
                            isCancelled: isCancelled)
    }

    /// Each point's transformed planes, [n][C_in][padded H][tiles] and `CONVSCOPE_ROW_SLACK` zeros
    /// the row kernel may read past the end: every padded row (the height's padding resolved here,
    /// so the point convolutions need none) through the width's source table.
    static func transformInput(
        _ input: Tensor4, plan: WinogradPlan, into buffer: inout ScratchBuffer<Float>, threads: Int,
        isCancelled: () -> Bool
    ) throws -> UnsafeMutablePointer<Float> {
        let h = plan.spec.heightAxis, w = plan.spec.widthAxis
        let (m, n, tiles, rows) = (plan.matrices.outputs, plan.matrices.points, plan.tiles, plan.rows)
        let channels = plan.spec.parameters.inChannels
        let length = m * tiles + n - 1
        let columns = (0..<length).map { i in i < w.paddedSize ? Int32(w.source(of: i - w.padding.before) ?? -1) : -1 }
        // The input's own columns, copied whole: padded columns before ..< before + W.
        let interior = w.padding.before..<min(length, w.padding.before + w.size)
        let sourceRows = (0..<rows).map { h.source(of: $0 - h.padding.before) }
        let transform = plan.matrices.input.map(Float.init)
        let pointStride = channels * rows * tiles, slack = Int(CONVSCOPE_ROW_SLACK)
        let points = buffer.reserve(n * pointStride + slack)
        (points + n * pointStride).initialize(repeating: 0, count: slack)
        var cancelled = false
        input.storage.withUnsafeBufferPointer { source in
            let base = source.baseAddress!
            forEachShare(of: channels * rows, threads: threads, isCancelled: isCancelled, cancelled: &cancelled) { share in
                var padded = [Float](repeating: 0, count: length + 16 * m + 16)
                var targets = [UnsafeMutablePointer<Float>?](repeating: nil, count: n)
                for row in share {
                    let (c, y) = row.quotientAndRemainder(dividingBy: rows)
                    let from = sourceRows[y].map { base + (c * h.size + $0) * w.size }
                    for p in 0..<n { targets[p] = points + p * pointStride + row * tiles }
                    convscope_winograd_input_row(
                        from, columns, Int64(interior.lowerBound), Int64(max(0, interior.count)), transform, Int32(m), Int32(n),
                        Int64(tiles), &padded, targets)
                }
            }
        }
        if cancelled { throw ComputationCancelled() }
        return points
    }

    /// Rows a worker transforms between two polls of `isCancelled`.
    static let rowsPerPoll = 64

    /// Splits `0..<count` into one contiguous share per worker (one worker for fewer than 256
    /// rows), each run in slices of `rowsPerPoll` with a poll of `isCancelled` before each.
    private static func forEachShare(
        of count: Int, threads: Int, isCancelled: () -> Bool, cancelled: inout Bool, _ body: (Range<Int>) -> Void
    ) {
        let workers = count < 256 ? 1 : max(1, min(threads, count))
        var stopped = [Bool](repeating: false, count: workers)
        stopped.withUnsafeMutableBufferPointer { flags in
            Workers.perform(iterations: workers) { worker in
                let share = (count * worker / workers)..<(count * (worker + 1) / workers)
                for start in stride(from: share.lowerBound, to: share.upperBound, by: rowsPerPoll) {
                    if isCancelled() { flags[worker] = true; return }
                    body(start..<min(start + rowsPerPoll, share.upperBound))
                }
            }
        }
        cancelled = stopped.contains(true)
    }
}
