#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stack's layer outputs written out whole from the planes its forward shares: the stack screen
/// keeps every layer's dense tensor, and with the notebook's all-ones weights each is one plane
/// copied C times (vgg16 at 224²: 114 MB). An output bit for bit equal to the last one written
/// (a ReLU after a convolution of the ramp, whose sums are never negative) shares that output's
/// storage; the others are written out by `FeatureMaps.tensor`.
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
        let tensor = maps.tensor
        if remembers { last = (maps, tensor) }
        return tensor
    }

    /// True when both maps hold the same channels bit for bit (their distinct planes compared once).
    static func sameBits(_ a: FeatureMaps, _ b: FeatureMaps) -> Bool {
        guard a.shape == b.shape, a.planeOfChannel == b.planeOfChannel, a.storage.count == b.storage.count else { return false }
        return a.storage.withUnsafeBytes { x in b.storage.withUnsafeBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }
}
