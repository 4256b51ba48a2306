extension Conv2dSettings {
    /// The input a preview of `region` reads, made in part: of a random input shown as values
    /// (block 1), only the rows the region's output reads (through any padding mode) and the rows
    /// the screen shows of the input (`region.inputRows`), the rest 0; their values are the whole
    /// input's. Nil when the whole input is wanted (another input, whole maps, the rows unknown,
    /// or most of the rows read anyway): `makeInputMaps` then.
    public func makePreviewInputMaps(for region: OutputRegion) -> FeatureMaps? {
        guard case .generated(.random(let start)) = input, region.block == 1, let shown = region.inputRows,
              spec.validate() == nil else { return nil }
        let axis = spec.heightAxis, height = axis.size
        let outputRows = region.rows.clamped(to: 0..<axis.outputSize)
        var read = [Bool](repeating: false, count: height)
        // The input's section may show its padding ring: padded rows read their source rows too.
        for y in shown.clamped(to: axis.paddedRange) { if let source = axis.source(of: y) { read[source] = true } }
        for oy in outputRows {
            for ky in 0..<axis.kernel {
                if let y = axis.source(of: axis.paddedRange.lowerBound + oy * axis.stride + ky * axis.dilation) { read[y] = true }
            }
        }
        let rows = Self.runs(of: read)
        guard rows.reduce(0, { $0 + $1.count }) * 2 <= height else { return nil }
        let shape = spec.inputShape
        // Whole rows, channels spread over the cores.
        let (values, ranges) = IndexedRandom.floats(channels: shape[1], height: shape[2], width: shape[3], rows: rows,
                                                    columns: [0..<shape[3]], start: start, in: InputSource.randomValues)
        var maps = FeatureMaps(everyChannelOf: Tensor4(shape: shape, storage: values))
        maps.knownPlaneRanges = KnownPlaneRanges(ranges: ranges)
        return maps
    }

    /// The runs of true in `flags`, as ranges of their indices.
    static func runs(of flags: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = [], first: Int?
        for (i, flag) in flags.enumerated() {
            if flag, first == nil { first = i }
            if !flag, let f = first { runs.append(f..<i); first = nil }
        }
        if let f = first { runs.append(f..<flags.count) }
        return runs
    }
}
