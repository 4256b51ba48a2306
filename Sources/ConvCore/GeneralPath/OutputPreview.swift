/// The part of a layer's output a screen shows: some channels, a window of rows and columns, and
/// whether each element is drawn (block 1) or the mean of each block × block square (the whole
/// map; blocks start at the window's first row and column and are cut at its end).
public struct OutputRegion: Equatable, Hashable, Sendable {
    public var channels: Range<Int>
    public var rows: Range<Int>, columns: Range<Int>
    public var block: Int

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
    /// `ComputationCancelled` when `isCancelled` (polled from every worker) says so.
    public static func run(
        input: FeatureMaps, kernels: FeatureMaps, bias: [Float]?, spec: Conv2dSpec, region: OutputRegion,
        threads: Int = ProcessorCount.online, workspace: Conv2dWorkspace = Conv2dWorkspace(),
        isCancelled: () -> Bool = { false }
    ) throws -> FeatureMaps {
        if let error = spec.validate() { throw error }
        let layer = EffectiveLayer(input: input, kernels: kernels, bias: bias, spec: spec)
        let (outH, outW) = (spec.heightAxis.outputSize, spec.widthAxis.outputSize)
        let outChannels = spec.parameters.outChannels
        let rows = region.rows.clamped(to: 0..<outH), columns = region.columns.clamped(to: 0..<outW)
        let shown = region.channels.clamped(to: 0..<outChannels)
        // The effective layer's channels that hold the shown ones.
        let held = shown.map(layer.channel(holding:))
        let needed = (held.min() ?? 0)..<((held.max() ?? -1) + 1)
        let planeSize = outH * outW
        var planes: [Float], planeOfHeld: [Int?]
        if region.block == 1 {
            (planes, planeOfHeld) = try GeneralConvolution.window(
                input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec, channels: needed,
                rows: rows, columns: columns, threads: threads, workspace: workspace, isCancelled: isCancelled)
        } else {
            let grid = BlockSums.Grid(rows: rows, columns: columns, block: region.block)
            let sums: [Float]
            (sums, planeOfHeld) = try BlockSums.compute(
                input: layer.input, weights: layer.weights, bias: layer.bias, spec: layer.spec, channels: needed,
                grid: grid, threads: threads, workspace: workspace, isCancelled: isCancelled)
            planes = meanPlanes(sums, count: planeOfHeld.compactMap { $0 }.count, grid: grid, planeSize: planeSize, width: outW)
        }
        // Every other channel reads one plane of zeros after the computed ones.
        let zeroPlane = planes.count / max(1, planeSize)
        let planeOfChannel = (0..<outChannels).map { o in
            shown.contains(o) ? planeOfHeld[layer.channel(holding: o)] ?? zeroPlane : zeroPlane
        }
        if planeOfChannel.contains(zeroPlane) { planes += repeatElement(0, count: planeSize) }
        return FeatureMaps(shape: [1, outChannels, outH, outW], planeOfChannel: planeOfChannel, storage: planes)
    }

    /// Planes whose every element of a block holds that block's mean (sum / elements).
    static func meanPlanes(_ sums: [Float], count: Int, grid: BlockSums.Grid, planeSize: Int, width: Int) -> [Float] {
        var planes = [Float](repeating: 0, count: count * planeSize)
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
