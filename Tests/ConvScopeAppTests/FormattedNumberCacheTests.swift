import Foundation
import Testing
@testable import ConvCore
@testable import ConvScopeApp

/// The remembered spellings of fractional numbers against the formatting they stand in for:
/// byte for byte, on first sight and on every repeat, and the text reads back as the same Float.
@Suite("JSON numbers: the cache of spellings")
struct FormattedNumberCacheTests {
    static func written(_ v: Float, _ cache: FormattedNumberCache) -> String {
        var bytes = [UInt8](repeating: 0, count: NumberFormat.maxBytes)
        let count = bytes.withUnsafeMutableBufferPointer { cache.write(v, to: $0.baseAddress!) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    /// What JSON readers make of the text (JavaScript's spellings of NaN and the infinities).
    static func parsed(_ text: String) -> Float? {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text).map(Float.init)
        }
    }

    @Test("random values, repeated and colliding, are spelled as before and read back exactly")
    func randomValuesRoundTrip() {
        let cache = FormattedNumberCache()
        var generator = SplitMixRandom(start: 61)
        var pool: [Float] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                             .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, .infinity, -.infinity, 0.1, 1 / 3]
        for i in 0..<100_000 {
            let bits = UInt32(truncatingIfNeeded: generator.next())
            let v: Float = switch i % 4 {
            case 0: Float(bitPattern: bits)
            case 1: Float(bitPattern: bits & 0x807F_FFFF)  // subnormals and ±0
            case 2: Float(Int(bits % 2_000_001) - 1_000_000) / 1000
            default: Float(Int(bits % 64) - 32) / Float(1 + bits % 7).squareRoot()
            }
            pool.append(v)
        }
        var mismatches: [Float] = [], unreadable: [Float] = []
        // Twice over: the first pass fills the slots, the second reads them (and meets collisions).
        for _ in 0..<2 {
            for v in pool {
                let text = Self.written(v, cache)
                if text != NumberFormatTests.reference(v) { mismatches.append(v) }
                let back = Self.parsed(text)
                let same = back.map { v.isNaN ? $0.isNaN : ($0 == v) } ?? false
                if !same { unreadable.append(v) }
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
        #expect(unreadable.isEmpty, "first: \(unreadable.prefix(5))")
    }
}
