/// Remembers the bytes of recently written fractional numbers, keyed by their bit pattern.
///
/// A traced network's maps repeat a few thousand distinct fractions millions of times (a
/// BatchNorm's scale times small integers, a pooled window's means), and spelling each one as
/// `Double(v).description` was most of `render --format json`'s time. A hit copies the bytes
/// NumberFormat wrote the first time, so the text is the same by construction.
final class FormattedNumberCache {
    /// Slots in the direct-mapped table (a power of two).
    private static let slotCount = 1 << 16
    private static let slotBytes = NumberFormat.maxBytes
    /// Per slot: the Float's bits in the low half, 1 in bit 32 when the slot holds a number.
    private let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: slotCount)
    private let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount)
    private let text = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount * slotBytes)

    init() { keys.initialize(repeating: 0, count: Self.slotCount) }

    deinit { keys.deallocate(); lengths.deallocate(); text.deallocate() }

    /// Writes `v` at `out` (at least `NumberFormat.maxBytes` of room) exactly as
    /// `NumberFormat.write` does; returns how many bytes it wrote.
    @inline(__always)
    func write(_ v: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
        // Integers and non-finite values are cheap already; only fractions are remembered.
        if v == v.rounded() || !v.isFinite { return NumberFormat.write(v, to: out) }
        let bits = v.bitPattern
        let slot = Int((bits &* 0x9E37_79B1) >> 16)
        let key = UInt64(bits) | (1 << 32)
        let stored = text + slot * Self.slotBytes
        if keys[slot] == key {
            let count = Int(lengths[slot])
            out.update(from: stored, count: count)
            return count
        }
        let count = NumberFormat.write(v, to: out)
        stored.update(from: out, count: count)
        lengths[slot] = UInt8(count)
        keys[slot] = key
        return count
    }
}
