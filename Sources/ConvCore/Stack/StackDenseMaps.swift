#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stack's layer outputs written out whole from the planes its forward shares: the stack screen
/// keeps every layer's dense tensor, and with the notebook's all-ones weights each is one plane
/// copied C times. vgg16 at 224² wrote 114 MB of them, in 4 KB pages on one core, and the page
/// faults took most of the 88 ms it took to open on its last layer. So an output bit for bit
/// equal to the one before it (a ReLU after a convolution of the ramp, whose sums are never
/// negative) shares that output's storage, and the others are copied on the cores into huge pages.
struct StackDenseMaps {
    /// The last maps written out and their dense tensor.
    private var last: (maps: FeatureMaps, tensor: Tensor4)?
    /// False when the caller keeps no output after handing it on (`StackForward.stream`): the
    /// last tensor is then not held either, so no more than one dense map is alive at a time.
    private let remembers: Bool

    /// Starts from the forward's input: `maps` its planes (nil when not kept as planes), `tensor`
    /// its values; `remembers` false never shares (and so never holds) a tensor written before.
    init(input maps: FeatureMaps?, tensor: Tensor4, remembers: Bool = true) {
        self.remembers = remembers
        last = remembers ? maps.map { ($0, tensor) } : nil
    }

    /// The dense [1, C, H, W] tensor of `maps`, the same values as `maps.tensor`: the last one
    /// written when `maps` holds the same bits.
    mutating func tensor(_ maps: FeatureMaps) -> Tensor4 {
        if let last, Self.sameBits(last.maps, maps) { return last.tensor }
        let tensor = Self.written(maps)
        if remembers { last = (maps, tensor) }
        return tensor
    }

    /// True when both maps hold the same channels bit for bit (their distinct planes compared once).
    static func sameBits(_ a: FeatureMaps, _ b: FeatureMaps) -> Bool {
        guard a.shape == b.shape, a.planeOfChannel == b.planeOfChannel, a.storage.count == b.storage.count else { return false }
        return a.storage.withUnsafeBytes { x in b.storage.withUnsafeBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// Every channel of `maps` written out, on the cores.
    static func written(_ maps: FeatureMaps) -> Tensor4 {
        let channels = maps.shape[1], size = maps.shape[2] * maps.shape[3], count = channels * size
        if maps.distinctPlaneCount == channels, maps.planeOfChannel == Array(0..<channels) {
            return Tensor4(shape: maps.shape, storage: maps.storage)
        }
        // Every value is written below, so 2 MB pages are faulted in once each.
        let storage = HugePageArray.make(count: count) { base in
            maps.storage.withUnsafeBufferPointer { planes in
                // Channels split among the cores, each writing its own.
                WindowSums.inParallel(channels, parts: WindowSums.parts(forValues: count)) { part in
                    for c in part {
                        (base + c * size).initialize(from: planes.baseAddress! + maps.planeOfChannel[c] * size, count: size)
                    }
                }
            }
        }
        return Tensor4(shape: maps.shape, storage: storage)
    }
}
