import CConvKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A (1, C, H, W) stack of feature maps in which channels holding the same values share one
/// stored plane: the course notes' ramp repeats one plane C_in times and all-ones kernels give
/// C_out identical outputs, so memory and scans grow with what differs, not with C.
public struct FeatureMaps: Equatable, Sendable {
    /// [1, C, H, W], as the tensor it stands for.
    public let shape: [Int]
    /// For each channel, the index of the stored plane holding its values.
    public let planeOfChannel: [Int]
    /// The distinct planes, H·W values each, row-major, back to back.
    public let storage: [Float]
    /// How many planes are stored.
    public let distinctPlaneCount: Int
    /// Each plane's range, when whoever made the maps knew it without a scan (an input made in
    /// part, mostly zeros never written: a scan would fault in hundreds of MB of them).
    var knownPlaneRanges: KnownPlaneRanges?

    /// Maps from distinct planes and the plane each channel reads.
    public init(shape: [Int], planeOfChannel: [Int], storage: [Float]) {
        let planeSize = shape[2] * shape[3]
        precondition(shape.count == 4 && shape[0] == 1 && planeOfChannel.count == shape[1])
        precondition(storage.count == planeSize * (planeOfChannel.max().map { $0 + 1 } ?? 0))
        self.shape = shape
        self.planeOfChannel = planeOfChannel
        self.storage = storage
        distinctPlaneCount = planeOfChannel.max().map { $0 + 1 } ?? 0
    }

    /// The maps of a (1, C, H, W) tensor, each distinct channel stored once (compared bit for bit).
    public init(_ tensor: Tensor4) {
        precondition(tensor.shape[0] == 1)
        let planeSize = tensor.shape[2] * tensor.shape[3]
        let (planeOfChannel, distinct) = Self.distinctPlanes(tensor.storage, count: tensor.shape[1], planeSize: planeSize)
        self.shape = tensor.shape
        self.planeOfChannel = planeOfChannel
        distinctPlaneCount = distinct.count
        if distinct.count == tensor.shape[1] {
            storage = tensor.storage
        } else {
            var kept = [Float]()
            kept.reserveCapacity(distinct.count * planeSize)
            for c in distinct { kept += tensor.storage[c * planeSize..<(c + 1) * planeSize] }
            storage = kept
        }
    }

    /// The maps of a (1, C, H, W) tensor, one stored plane per channel: no scan for equal
    /// planes, no copy (the storage is shared), for tensors drawn every frame.
    public init(everyChannelOf tensor: Tensor4) {
        precondition(tensor.shape[0] == 1)
        shape = tensor.shape
        planeOfChannel = Array(0..<tensor.shape[1])
        storage = tensor.storage
        distinctPlaneCount = tensor.shape[1]
    }

    /// Channels (counted within `values`) that are the first of their values, and for each
    /// channel the index of its first equal among them.
    static func distinctPlanes(_ values: [Float], count: Int, planeSize: Int) -> (planeOfChannel: [Int], distinct: [Int]) {
        var planeOfChannel = [Int](repeating: 0, count: count)
        // Empty planes are all equal.
        guard planeSize > 0 else { return (planeOfChannel, count > 0 ? [0] : []) }
        var distinct: [Int] = []
        var candidates: [Int: [Int]] = [:]
        values.withUnsafeBytes { raw in
            let bytes = planeSize * MemoryLayout<Float>.stride
            // A plain multiply-xor hash in C: SipHash (Hasher) took ~10 ms for a 64·64·32·32
            // kernel's slices, and every output of a key is hashed too, its planes in pieces the cores take in turn.
            let hashes = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
                let (out, base) = (buffer.baseAddress!, raw.baseAddress!)
                WindowSums.inParallel(count, parts: min(count, WindowSums.pieces(forValues: count * planeSize))) { channels in
                    for c in channels {
                        out[c] = Int(truncatingIfNeeded: convscope_hash_bytes(base + c * bytes, Int64(bytes)))
                    }
                }
                initialized = count
            }
            for c in 0..<count {
                let start = raw.baseAddress! + c * bytes, hash = hashes[c]
                // Bitwise: -0 and 0 stay apart, NaNs match themselves.
                let match = candidates[hash]?.first { memcmp(raw.baseAddress! + distinct[$0] * bytes, start, bytes) == 0 }
                if let match { planeOfChannel[c] = match } else {
                    planeOfChannel[c] = distinct.count
                    candidates[hash, default: []].append(distinct.count)
                    distinct.append(c)
                }
            }
        }
        return (planeOfChannel, distinct)
    }

    /// Index in `storage` of element (n, c, y, x).
    @inline(__always)
    public func offset(_ n: Int, _ c: Int, _ y: Int, _ x: Int) -> Int {
        (planeOfChannel[c] * shape[2] + y) * shape[3] + x
    }

    /// Element (n, c, y, x).
    public subscript(n: Int, c: Int, y: Int, x: Int) -> Float { storage[offset(n, c, y, x)] }

    /// The values of stored plane `plane`.
    public func plane(_ plane: Int) -> ArraySlice<Float> {
        let size = shape[2] * shape[3]
        return storage[plane * size..<(plane + 1) * size]
    }

    /// The dense tensor these maps stand for (every channel written out): its channels in pieces
    /// of about 128 K values the cores take in turn, in 2 MB pages (a stack's and a graph's maps are written out whole, one
    /// plane copied C times: vgg16 at 224² wrote 114 MB, mostly page faults on one core).
    public var tensor: Tensor4 {
        let channels = shape[1], size = shape[2] * shape[3], count = channels * size
        if distinctPlaneCount == channels, planeOfChannel == Array(0..<channels) {
            return Tensor4(shape: shape, storage: storage)
        }
        let values = HugePageArray.make(count: count) { base in
            storage.withUnsafeBufferPointer { planes in
                WindowSums.inParallel(channels, parts: min(channels, WindowSums.pieces(forValues: count))) { part in
                    for c in part {
                        (base + c * size).initialize(from: planes.baseAddress! + planeOfChannel[c] * size, count: size)
                    }
                }
            }
        }
        return Tensor4(shape: shape, storage: values)
    }

    /// The smallest and largest value of each stored plane ((0, 0) for an empty plane), in one pass.
    public func planeRanges() -> [(min: Float, max: Float)] {
        if let known = knownPlaneRanges?.ranges, known.count == distinctPlaneCount { return known }
        let size = shape[2] * shape[3]
        let planes = distinctPlaneCount
        var ranges = [(min: Float, max: Float)](repeating: (0, 0), count: planes)
        guard size > 0 else { return ranges }
        storage.withUnsafeBufferPointer { values in
            ranges.withUnsafeMutableBufferPointer { ranges in
                let out = ranges.baseAddress!
                // Plain comparisons (no NaN rules), vectorised in C; the planes in pieces the cores take in turn.
                WindowSums.inParallel(planes, parts: min(planes, WindowSums.pieces(forValues: planes * size))) { part in
                    for plane in part {
                        convscope_min_max(values.baseAddress! + plane * size, Int64(size), &out[plane].min, &out[plane].max)
                    }
                }
            }
        }
        return ranges
    }
}

/// Plane ranges stored with maps (`FeatureMaps.knownPlaneRanges`): the values' own ranges, so
/// they take no part in comparing maps.
struct KnownPlaneRanges: Equatable, Sendable {
    let ranges: [(min: Float, max: Float)]
    static func == (_: Self, _: Self) -> Bool { true }
}
