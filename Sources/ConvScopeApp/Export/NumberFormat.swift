/// The JSON exporters' numbers, written as bytes into memory the caller owns: integral values
/// below 10^15 as integers (digit pairs, no allocation), other finite values exactly as Swift's
/// `Double(value).description` spells them (Python's float repr), NaN and infinities as
/// JavaScript does.
enum NumberFormat {
    /// The most bytes one number takes ("-1.4012984643248171e-45" is 23).
    static let maxBytes = 32

    /// Writes `v` at `out` (at least `maxBytes` of room); returns how many bytes it wrote.
    @inline(__always)
    static func write(_ v: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if v == v.rounded(), abs(v) < 1e15 { return writeInteger(Int64(v), to: out) }
        if v.isFinite {
            // Swift's shortest round-trip spelling. Up to 15 bytes it lives inside the String
            // value (no allocation); longer spellings cost one. The runtime's C entry point
            // swift_float64ToString is no substitute: in Swift 6.3 it garbles 17-digit values.
            var text = Double(v).description
            return text.withUTF8 { bytes in
                out.update(from: bytes.baseAddress!, count: bytes.count)
                return bytes.count
            }
        }
        return copy(v.isNaN ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"), to: out)
    }

    /// Two decimal digits per entry, "00" to "99".
    private static let digitPairs: [UInt8] = (0..<100).flatMap { (n: Int) -> [UInt8] in
        let tens = UInt8(truncatingIfNeeded: n / 10), ones = UInt8(truncatingIfNeeded: n % 10)
        return [48 + tens, 48 + ones]
    }

    /// The decimal digits of `value`, with a minus sign when negative.
    @inline(__always)
    static func writeInteger(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { raw in
            let digits = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = raw.count
            digitPairs.withUnsafeBufferPointer { pairs in
                while magnitude >= 100 {
                    let pair = Int(magnitude % 100) * 2
                    magnitude /= 100
                    i -= 2
                    digits[i] = pairs[pair]; digits[i + 1] = pairs[pair + 1]
                }
                if magnitude >= 10 {
                    i -= 2
                    digits[i] = pairs[Int(magnitude) * 2]; digits[i + 1] = pairs[Int(magnitude) * 2 + 1]
                } else {
                    i -= 1
                    digits[i] = UInt8(48 + magnitude)
                }
            }
            var count = 0
            if value < 0 { out[0] = UInt8(ascii: "-"); count = 1 }
            (out + count).update(from: digits + i, count: raw.count - i)
            return count + raw.count - i
        }
    }

    private static func copy(_ text: StaticString, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return text.utf8CodeUnitCount
    }
}

/// One row of numbers as JSON (`[v, v, …]`), formatted into memory kept between rows.
final class RowFormatter {
    private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    private var capacity = 64
    private var count = 0
    private let cache = FormattedNumberCache()

    deinit { base.deallocate() }

    /// Makes room for a row of `width` numbers.
    func reserve(_ width: Int) {
        let needed = width * (NumberFormat.maxBytes + 2) + 2
        guard needed > capacity else { return }
        base.deallocate()
        base = .allocate(capacity: needed)
        capacity = needed
    }

    /// Formats `count` values starting at `values` as `[a, b, …]`; `reserve` must have made room.
    func format(_ values: UnsafePointer<Float>, count width: Int) {
        precondition(width * (NumberFormat.maxBytes + 2) + 2 <= capacity)
        var at = 0
        base[at] = UInt8(ascii: "["); at += 1
        for x in 0..<width {
            if x > 0 { base[at] = UInt8(ascii: ","); base[at + 1] = UInt8(ascii: " "); at += 2 }
            at += cache.write(values[x], to: base + at)
        }
        base[at] = UInt8(ascii: "]"); at += 1
        count = at
    }

    /// The last formatted row.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
