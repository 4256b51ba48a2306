/// SplitMix64 (Steele, Lea and Flood, 2014): the documented generator behind `random[:N]`
/// inputs and kernels, so a command line reproduces its tensor anywhere.
///
/// state ← state + 0x9E3779B97F4A7C15; z ← state;
/// z ← (z ⊕ (z >> 30)) · 0xBF58476D1CE4E5B9; z ← (z ⊕ (z >> 27)) · 0x94D049BB133111EB;
/// next = z ⊕ (z >> 31) (all arithmetic modulo 2^64). The state begins at the given start number.
public struct SplitMixRandom: Sendable {
    private var state: UInt64

    /// A generator whose state starts at `start`.
    public init(start: UInt64) { state = start }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`, as `lowerBound + next() mod count` (the bias of the modulo is below
    /// 2^-60 for the small ranges used here).
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// `count` integers in `range` as floats: small integers keep every sum exact in float32.
    public mutating func floats(_ count: Int, in range: ClosedRange<Int>) -> [Float] {
        (0..<count).map { _ in Float(integer(in: range)) }
    }
}
