import CConvKernels
import Dispatch
import Synchronization

extension OutputPreview {
    /// `planes` planes, those in `painting` holding over each square of `grid` its sample's
    /// value (`values[k · grid.count + i · squareColumns + j]`); zeros elsewhere.
    static func squarePlanes(_ values: [Float], painting: Set<Int>, planes total: Int, grid: SampledGrid, planeSize: Int,
                             width: Int) -> [Float] {
        var planes = [Float](repeating: 0, count: total * planeSize)
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
            let job = RectangleJob(base: base)
            let next = WorkCounter()
            Workers.perform(iterations: max(1, min(threads, channels))) { _ in
                while case let c = next.take(), c < channels {
                    var written = c * planeSize
                    var extent: (min: Float, max: Float)? = whole ? nil : (0, 0)
                    for span in rows {
                        for y in span {
                            for run in columns {
                                let first = (c * height + y) * width + run.lowerBound
                                convscope_zero_floats(job.base + written, Int64(first - written))
                                fill(job.base + first, start: start, first: first, count: run.count, in: range)
                                var lo: Float = 0, hi: Float = 0
                                convscope_min_max(job.base + first, Int64(run.count), &lo, &hi)
                                extent = extent.map { (Swift.min($0.min, lo), Swift.max($0.max, hi)) } ?? (lo, hi)
                                written = first + run.count
                            }
                        }
                    }
                    convscope_zero_floats(job.base + written, Int64((c + 1) * planeSize - written))
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
