/// What the stack screen reads of a map's values on every frame, found once when the map is
/// computed: a 16×512² output scanned for its extremes and each channel's maximum three times a
/// frame (the layout, the clamp after a key, the paint) made half of that frame's time.
///
/// The figures are those the whole tensor's scans give, bit for bit (the sign of a zero and a
/// leading NaN included): `lowest`/`highest` are `Sequence.min()`/`max()` of the values in channel
/// order, `channelMax` each channel's `Tensor4.planeMax`. On maps sharing planes each distinct plane
/// is scanned once, at its first channel: a plane met again cannot change a running min or max.
public struct MapValueSummary: Equatable, Sendable {
    /// `min()` and `max()` of every value (nil for no values).
    public let lowest: Float?, highest: Float?
    /// True when some finite value is not a whole number.
    public let hasFraction: Bool
    /// Each channel's largest value (0 for an empty plane).
    public let channelMax: [Float]

    /// The summary of maps kept as distinct planes.
    public init(_ maps: FeatureMaps) {
        let size = maps.shape[2] * maps.shape[3]
        var planeMax = [Float?](repeating: nil, count: maps.distinctPlaneCount)
        var lowest: Float?, highest: Float?, hasFraction = false
        maps.storage.withUnsafeBufferPointer { all in
            for p in maps.planeOfChannel where planeMax[p] == nil {
                let plane = UnsafeBufferPointer(rebasing: all[p * size..<(p + 1) * size])
                guard let first = plane.first else { planeMax[p] = 0; continue }
                // One pass: the plane's own max() and the running min() and max() over the planes so far.
                var (lo, hi, own) = (lowest ?? first, highest ?? first, first)
                for v in plane {
                    if v < lo { lo = v }
                    if hi < v { hi = v }
                    if own < v { own = v }
                    if !hasFraction, v.isFinite, v != v.rounded(.towardZero) { hasFraction = true }
                }
                (lowest, highest, planeMax[p]) = (lo, hi, own)
            }
        }
        self.lowest = lowest
        self.highest = highest
        self.hasFraction = hasFraction
        channelMax = maps.planeOfChannel.map { planeMax[$0] ?? 0 }
    }

    /// The summary of a whole tensor (batch 1), its equal channels found first (a hash of each
    /// plane costs less than scanning it).
    public init(_ tensor: Tensor4) { self.init(FeatureMaps(tensor)) }
}
