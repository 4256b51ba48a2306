import CConvKernels
import Dispatch
import Synchronization

extension OutputPreview {
    /// `planes` planes, those in `painting` holding over each square of `grid` its sample's
    /// value (`values[k · grid.count + i · squareColumns + j]`); zeros elsewhere.
    static func squarePlanes(_ values: [Float], painting: Set<Int>, planes total: Int, grid: SampledGrid, planeSize: Int,
                             width: Int) -> [Float] {
        // Planes no shown channel reads (5 of a block of 8) are zeros never written: 1024² planes
        // written out cost their page faults, a good part of a sampled frame.
        var planes = [Float](unsafeUninitializedCapacity: total * planeSize) { buffer, initialized in
            if let base = buffer.baseAddress { convscope_zero_floats(base, Int64(total * planeSize)) }
            initialized = total * planeSize
        }
        for k in painting.sorted() {
            for i in 0..<grid.squareRows {
                for j in 0..<grid.squareColumns {
                    let value = values[k * grid.count + i * grid.squareColumns + j]
                    let columns = grid.columns(ofSquareColumn: j)
                    for y in grid.rows(ofSquareRow: i) {
                        let start = k * planeSize + y * width
                        for x in columns { planes[start + x] = value }
                    }
                }
            }
        }
        return planes
    }
}

extension OutputPreview {
    /// The range of each of `total` planes `squarePlanes` paints: its samples' (0 counted when
    /// the squares leave part of the plane 0); (0, 0) for the planes left 0. Known without a scan.
    static func squareRanges(_ values: [Float], painting: Set<Int>, planes total: Int, grid: SampledGrid,
                             planeSize: Int) -> [(min: Float, max: Float)] {
        let hasZeros = grid.rows.count * grid.columns.count < planeSize
        return (0..<total).map { k in
            guard painting.contains(k), grid.count > 0 else { return (0, 0) }
            var lo: Float = 0, hi: Float = 0
            values.withUnsafeBufferPointer { convscope_min_max($0.baseAddress! + k * grid.count, Int64(grid.count), &lo, &hi) }
            return hasZeros ? (min(lo, 0), max(hi, 0)) : (lo, hi)
        }
    }
}

extension Conv2dSettings {
    /// The input a sampled first frame (`OutputPreview.run(sampledOn:)`) reads, made in part: of a random
    /// input, only the rows × columns its samples read (through any padding mode), the rest 0;
    /// their values are the whole input's. Nil for another input: `makeInputMaps` then.
    public func makeSampledInputMaps(for grid: SampledGrid) -> FeatureMaps? {
        guard case .generated(.random(let start)) = input, spec.validate() == nil else { return nil }
        let (rows, columns) = grid.inputReads(spec)
        let shape = spec.inputShape
        let (values, ranges) = IndexedRandom.floats(channels: shape[1], height: shape[2], width: shape[3], rows: rows,
                                                    columns: columns, start: start, in: InputSource.randomValues)
        var maps = FeatureMaps(everyChannelOf: Tensor4(shape: shape, storage: values))
        maps.knownPlaneRanges = KnownPlaneRanges(ranges: ranges)
        return maps
    }
}

extension IndexedRandom {
    /// A random [channels, height, width] tensor's values with only `rows` × `columns` of every
    /// channel drawn (runs in increasing order) and the rest 0, channels spread over the cores;
    /// with each plane's smallest and largest value (the zeros counted when any value is not drawn).
    static func floats(channels: Int, height: Int, width: Int, rows: [Range<Int>], columns: [Range<Int>], start: UInt64,
                       in range: ClosedRange<Int>, threads: Int = ProcessorCount.online)
        -> (values: [Float], ranges: [(min: Float, max: Float)]) {
        let planeSize = height * width, count = channels * planeSize
        let whole = rows.reduce(0) { $0 + $1.count } * columns.reduce(0) { $0 + $1.count } == planeSize
        let ranges = Mutex([(min: Float, max: Float)](repeating: (0, 0), count: channels))
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { initialized = 0; return }
            // Zeroed at once (its pages handed back: they read 0 and cost nothing until written),
            // so the runs drawn fault in only the pages they write, not the rows between them that
            // a dilated kernel skips (written out, those were half a sampled frame's input).
            if !whole { convscope_zero_floats(base, Int64(count)) }
            let job = RectangleJob(base: base)
            let next = WorkCounter()
            Workers.perform(iterations: max(1, min(threads, channels))) { _ in
                while case let c = next.take(), c < channels {
                    var extent: (min: Float, max: Float)? = whole ? nil : (0, 0)
                    for span in rows {
                        for y in span {
                            for run in columns {
                                let first = (c * height + y) * width + run.lowerBound
                                fill(job.base + first, start: start, first: first, count: run.count, in: range)
                                var lo: Float = 0, hi: Float = 0
                                convscope_min_max(job.base + first, Int64(run.count), &lo, &hi)
                                extent = extent.map { (Swift.min($0.min, lo), Swift.max($0.max, hi)) } ?? (lo, hi)
                            }
                        }
                    }
                    let found = extent ?? (0, 0)
                    ranges.withLock { $0[c] = found }
                }
            }
            initialized = count
        }
        return (values, ranges.withLock { $0 })
    }
}

/// The output pointer the workers of `IndexedRandom.floats(…columns:…)` share: each writes only
/// its own channels' planes.
private struct RectangleJob: @unchecked Sendable {
    let base: UnsafeMutablePointer<Float>
}
