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
    /// `isCancelled` (polled from every worker, so thread-safe) says so. `bandRows` sets the output
    /// rows of a band (tests); by default `WinogradRows.defaultBandRows`.
    static func run(
        input: Tensor4, weights: Tensor4, bias: [Float]?, plan: WinogradPlan, threads: Int,
        workspace: Conv2dWorkspace, bandRows: Int? = nil, isCancelled: () -> Bool
    ) throws -> Tensor4? {
        guard let kernelRows = plan.transformedWeights(input: input, weights: weights, bias: bias) else { return nil }
        let rows = WinogradRows(plan: plan, threads: threads, bandRows: bandRows)
        let packed = rows.packWeights(kernelRows, into: &workspace.weights)
        let offsets = rows.tapOffsets(into: &workspace.offsets)
        return try input.storage.withUnsafeBufferPointer { source in
            try rows.run(input: WinogradInputRows(plan: plan, input: source.baseAddress!), weights: packed, offsets: offsets,
                         bias: bias, threads: threads, bands: &workspace.bands, isCancelled: isCancelled)
        }
    }
}

/// The input transform of padded rows: each into its n points' planes, through the width's source
/// table (the height's padding resolved here, so the point convolutions need none).
struct WinogradInputRows {
    let plan: WinogradPlan
    /// The input's first value (the caller keeps its storage alive while this is used).
    let input: UnsafePointer<Float>
    /// Each padded column's source column, −1 for a padding zero.
    let columns: [Int32]
    /// The input's own columns, copied whole: padded columns before ..< before + W.
    let interior: Range<Int>
    /// Each padded row's source row, nil for a row of padding zeros.
    let sourceRows: [Int?]
    /// B'ᵀ as the transform reads it.
    let transform: [Float]
    /// Padded columns one transformed row reads: m · tiles + n − 1.
    let length: Int

    init(plan: WinogradPlan, input: UnsafePointer<Float>) {
        let h = plan.spec.heightAxis, w = plan.spec.widthAxis
        let (m, n) = (plan.matrices.outputs, plan.matrices.points)
        self.plan = plan
        self.input = input
        length = m * plan.tiles + n - 1
        columns = (0..<length).map { i in i < w.paddedSize ? Int32(w.source(of: i - w.padding.before) ?? -1) : -1 }
        interior = w.padding.before..<min(length, w.padding.before + w.size)
        sourceRows = (0..<plan.rows).map { h.source(of: $0 - h.padding.before) }
        transform = plan.matrices.input.map(Float.init)
    }

    /// Transforms padded rows `rows` of every input channel into `points`, laid out
    /// [n][C_in][planeRows][tiles] with row `rows.lowerBound` first; `padded` and `targets` are the
    /// caller's scratch (`scratch()`). False when `isCancelled` (polled every `rowsPerPoll` rows) said stop.
    func transform(
        rows: Range<Int>, into points: UnsafeMutablePointer<Float>, planeRows: Int, padded: inout [Float],
        targets: inout [UnsafeMutablePointer<Float>?], isCancelled: () -> Bool
    ) -> Bool {
        let (m, n, tiles) = (plan.matrices.outputs, plan.matrices.points, plan.tiles)
        let channels = plan.spec.parameters.inChannels, height = plan.spec.heightAxis.size, width = plan.spec.widthAxis.size
        let pointStride = channels * planeRows * tiles
        var done = 0
        for c in 0..<channels {
            for y in rows {
                if done % Self.rowsPerPoll == 0, isCancelled() { return false }
                done += 1
                let row = c * planeRows + (y - rows.lowerBound)
                let from = sourceRows[y].map { input + (c * height + $0) * width }
                for p in 0..<n { targets[p] = points + p * pointStride + row * tiles }
                convscope_winograd_input_row(
                    from, columns, Int64(interior.lowerBound), Int64(max(0, interior.count)), transform, Int32(m), Int32(n),
                    Int64(tiles), &padded, targets)
            }
        }
        return true
    }

    /// A worker's scratch for `transform`: the padded row and the n points' row pointers.
    func scratch() -> (padded: [Float], targets: [UnsafeMutablePointer<Float>?]) {
        ([Float](repeating: 0, count: length + 16 * plan.matrices.outputs + 16), .init(repeating: nil, count: plan.matrices.points))
    }

    /// Rows transformed between two polls of `isCancelled`.
    static let rowsPerPoll = 64
}
