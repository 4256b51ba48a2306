import CConvKernels

/// The part of a layer's output a screen shows: some channels, a window of rows and columns, and
/// whether each element is drawn (block 1) or the mean of each block × block square (the whole
/// map; blocks start at the window's first row and column and are cut at its end).
public struct OutputRegion: Equatable, Hashable, Sendable {
    public var channels: Range<Int>
    public var rows: Range<Int>, columns: Range<Int>
    public var block: Int
    /// The input rows the screen shows beside it as values, when it does; nil when the whole
    /// input may be shown (a preview then builds all of it).
    public var inputRows: Range<Int>?

    /// The same region of the output, the input's rows left unsaid (as a section's layout gives it).
    public var withoutInputRows: OutputRegion { OutputRegion(channels: channels, rows: rows, columns: columns, block: block) }

    /// A region; `block` is at least 1.
    public init(channels: Range<Int>, rows: Range<Int>, columns: Range<Int>, block: Int) {
        self.channels = channels; self.rows = rows; self.columns = columns; self.block = max(1, block)
    }
}

/// What a screen shows of a slow layer before the whole of it is computed: the values of a region
/// (PyTorch's, bit for bit, as the whole layer gives them) or its block means (from block sums,
/// without the output: see `BlockSums`).
public enum OutputPreview {
    /// Multiply-adds the general path does for the layer once channels sharing a plane are shared;
    /// 0 when the window-sum path takes it (that one is fast at every size).
    public static func multiplyAdds(input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec) -> Int {
        guard spec.validate() == nil else { return 0 }
        let layer = EffectiveLayer(input: input, kernels: kernels, bias: bias, spec: spec)
        return layer.takesGeneralPath ? layer.multiplyAdds : 0
    }

    /// Maps of the layer's output shape holding `region`: its channels' values in its rows and
    /// columns (block 1), or each block's mean in every element of the block (block > 1); zeros
    /// elsewhere and in every other channel. Throws the spec's `Conv2dError`, or
    /// `ComputationCancelled` when `isCancelled` (polled from every worker) says so. With
    /// `sampledOn`, a whole map's first frame instead: over each square of the grid, the output's
    /// exact value at the square's middle cell (`SampledGrid`).
    public static func run(
        input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec, region: OutputRegion,
        sampledOn sampleGrid: SampledGrid? = nil, threads: Int = ProcessorCount.online,
        workspace: Conv2dWorkspace = Conv2dWorkspace(), isCancelled: () -> Bool = { false }
    ) throws -> FeatureMaps {
        if let error = spec.validate() { throw error }
        let layer = EffectiveLayer(input: input, kernels: kernels, bias: bias, spec: spec)
        let (outH, outW) = (spec.heightAxis.outputSize, spec.widthAxis.outputSize)
        let outChannels = spec.parameters.outChannels
        let rows = region.rows.clamped(to: 0..<outH), columns = region.columns.clamped(to: 0..<outW)
        let (shown, needed, zeroPlanes) = shownChannels(region, layer: layer, outChannels: outChannels)
        let planeSize = outH * outW
        let planes: [Float], planeOfHeld: [Int?]
        var knownRanges: [(min: Float, max: Float)]?
        if region.block == 1 && sampleGrid == nil {
            (planes, planeOfHeld) = try GeneralConvolution.window(
                input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec, channels: needed,
                rows: rows, columns: columns, threads: threads, workspace: workspace, spareZeroPlane: zeroPlanes == 1,
                isCancelled: isCancelled)
        } else {
            // One value per square (a sample) or per block (a sum), painted over it.
            let grid = BlockSums.Grid(rows: rows, columns: columns, block: region.block)
            let values: [Float]
            if let sampleGrid {
                (values, planeOfHeld) = try SampledBlocks.compute(
                    input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec, channels: needed,
                    grid: sampleGrid, threads: threads, workspace: workspace, isCancelled: isCancelled)
            } else {
                (values, planeOfHeld) = try BlockSums.compute(
                    input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec, channels: needed,
                    grid: grid, threads: threads, workspace: workspace, isCancelled: isCancelled)
            }
            let count = planeOfHeld.compactMap { $0 }.count
            // Only the planes a shown channel reads are painted (3 of a block of 8 at 200×60).
            let painted = Set(shown.compactMap { planeOfHeld[layer.channel(holding: $0)] })
            knownRanges = sampleGrid.map { squareRanges(values, painting: painted, planes: count + zeroPlanes, grid: $0, planeSize: planeSize) }
            planes = sampleGrid.map { squarePlanes(values, painting: painted, planes: count + zeroPlanes, grid: $0, planeSize: planeSize, width: outW) }
                ?? meanPlanes(values, count: count, planes: count + zeroPlanes, grid: grid, planeSize: planeSize, width: outW)
        }
        return maps(planes, planeOfHeld: planeOfHeld, zeroPlanes: zeroPlanes, shown: shown, outChannels: outChannels,
                    written: (rows, columns), layer: layer, knownRanges: knownRanges)
    }

    /// The output channels `region` shows, the effective layer's channels holding them, and the
    /// planes of zeros the others read: every channel not shown reads one after the computed ones
    /// (made with them: appended, the planes would be copied and every page of them faulted in).
    static func shownChannels(_ region: OutputRegion, layer: EffectiveLayer, outChannels: Int)
        -> (shown: Range<Int>, needed: Range<Int>, zeroPlanes: Int) {
        let shown = region.channels.clamped(to: 0..<outChannels)
        let held = shown.map(layer.channel(holding:))
        return (shown, (held.min() ?? 0)..<((held.max() ?? -1) + 1), shown.count < outChannels ? 1 : 0)
    }

    /// The layer's output maps from `planes` (the held channels', then `zeroPlanes` of zeros):
    /// each shown channel its held plane, every other channel a plane of zeros. Only `written`
    /// (rows, columns) of a plane holds anything but zeros: its ranges are found there (scanning
    /// 9 planes of 1024² took 10 ms of a preview), unless `knownRanges` gives them (planes past
    /// its end are zeros).
    static func maps(_ planes: [Float], planeOfHeld: [Int?], zeroPlanes: Int, shown: Range<Int>, outChannels: Int,
                     written: (rows: Range<Int>, columns: Range<Int>), layer: EffectiveLayer,
                     knownRanges: [(min: Float, max: Float)]? = nil) -> FeatureMaps {
        var planes = planes
        let spec = layer.spec
        let (outH, outW) = (spec.heightAxis.outputSize, spec.widthAxis.outputSize)
        let planeSize = outH * outW
        let zeroPlane = planes.count / max(1, planeSize) - zeroPlanes
        let planeOfChannel = (0..<outChannels).map { o in
            shown.contains(o) ? planeOfHeld[layer.channel(holding: o)] ?? zeroPlane : zeroPlane
        }
        if zeroPlanes == 0 && planeOfChannel.contains(zeroPlane) { planes += repeatElement(0, count: planeSize) }
        var maps = FeatureMaps(shape: [1, outChannels, outH, outW], planeOfChannel: planeOfChannel, storage: planes)
        let hasZeros = written.rows.count * written.columns.count < planeSize, stored = maps.distinctPlaneCount
        if let knownRanges {
            maps.knownPlaneRanges = KnownPlaneRanges(ranges: (0..<stored).map { $0 < knownRanges.count ? knownRanges[$0] : (0, 0) })
            return maps
        }
        maps.knownPlaneRanges = KnownPlaneRanges(ranges: planes.withUnsafeBufferPointer { values in
            (0..<stored).map { k in
                var range: (min: Float, max: Float)? = hasZeros ? (0, 0) : nil
                for y in written.rows where !written.columns.isEmpty {
                    var lo: Float = 0, hi: Float = 0
                    convscope_min_max(values.baseAddress! + k * planeSize + y * outW + written.columns.lowerBound,
                                      Int64(written.columns.count), &lo, &hi)
                    range = range.map { (Swift.min($0.min, lo), Swift.max($0.max, hi)) } ?? (lo, hi)
                }
                return range ?? (0, 0)
            }
        })
        return maps
    }

    /// `planes` planes, the first `count` of which hold in every element of a block that block's
    /// mean (sum / elements); zeros elsewhere.
    static func meanPlanes(_ sums: [Float], count: Int, planes total: Int, grid: BlockSums.Grid, planeSize: Int,
                           width: Int) -> [Float] {
        var planes = [Float](repeating: 0, count: total * planeSize)
        for k in 0..<count {
            for i in 0..<grid.blockRows {
                let rows = grid.rows(ofBlockRow: i)
                for j in 0..<grid.blockColumns {
                    let columns = grid.columns(ofBlockColumn: j)
                    let mean = sums[k * grid.count + i * grid.blockColumns + j] / Float(rows.count * columns.count)
                    for y in rows { for x in columns { planes[k * planeSize + y * width + x] = mean } }
                }
            }
        }
        return planes
    }
}
