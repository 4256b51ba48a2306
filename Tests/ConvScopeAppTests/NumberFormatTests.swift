import Testing
@testable import ConvCore
@testable import ConvScopeApp

/// The JSON exporters' number writing against the formatting it replaced (a String per number):
/// byte for byte, over special values and many random ones.
@Suite("JSON numbers: byte-identical to the String-based formatting")
struct NumberFormatTests {
    /// The formatting before the byte buffer: integral values below 10^15 without a fraction,
    /// others as `Double(v).description`, NaN and infinities as JavaScript spells them.
    static func reference(_ v: Float) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        if v.isFinite { return Double(v).description }
        return v.isNaN ? "NaN" : (v > 0 ? "Infinity" : "-Infinity")
    }

    static func formatted(_ v: Float) -> String {
        var bytes = [UInt8](repeating: 0, count: NumberFormat.maxBytes)
        let count = bytes.withUnsafeMutableBufferPointer { NumberFormat.write(v, to: $0.baseAddress!) }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }

    @Test("special values")
    func specialValues() {
        let values: [Float] = [
            // The smallest subnormal and normal Floats by name, and integers past Float's precision converted at
            // run time from Double: as literals they would round silently with a compiler warning.
            0, -0.0, 1, -1, 9, 10, 99, 100, 101, 0.1, -0.1, 0.5, 1.5, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            .leastNormalMagnitude, 3e38, -3e38, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e15,
            Float(999_999_999_999_999 as Double), 1e16, Float(123_456_789 as Double), 16_777_216,
            Float(16_777_217 as Double), 0.0001, 0.00001, 1e-7, 123.456, 2.5e10, .nan, .infinity, -.infinity, 1 / 3, 2 / 3,
        ]
        for v in values { #expect(Self.formatted(v) == Self.reference(v), "\(v)") }
        #expect(Self.formatted(-0.0) == "0" && Self.formatted(.leastNonzeroMagnitude) == "1.401298464324817e-45")
    }

    @Test("random bit patterns, integers and decimals")
    func randomValues() {
        var generator = SplitMixRandom(start: 85)
        var mismatches: [Float] = []
        for i in 0..<200_000 {
            let bits = UInt32(truncatingIfNeeded: generator.next())
            let v: Float = switch i % 4 {
            case 0: Float(bitPattern: bits)
            case 1: Float(Int32(bitPattern: bits) >> Int32(bits % 31))
            case 2: Float(Int(bits % 2_000_001) - 1_000_000) / 1000
            default: Float(Int(bits % 64) - 32) * 0.1
            }
            if Self.formatted(v) != Self.reference(v) { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
    }

    @Test("a document of shared planes reads as the written-out tensor's")
    func sharedPlanesDocument() {
        var values: [Float] = []
        for i in 0..<60 { values.append(i % 7 == 0 ? 0.1 * Float(i) : Float(i % 5)) }
        let tensor = Tensor4(shape: [1, 5, 3, 4], storage: values)
        // Channels 0, 2 and 4 equal, rows 0 and 1 equal inside them.
        var shared = tensor
        for c in [2, 4] { for i in 0..<12 { shared.storage[c * 12 + i] = shared.storage[i] } }
        for i in 0..<4 { shared.storage[4 + i] = shared.storage[i]; shared.storage[24 + 4 + i] = shared.storage[i]; shared.storage[48 + 4 + i] = shared.storage[i] }
        func document(_ write: (inout TensorJSONWriter) -> Void) -> String {
            var bytes: [UInt8] = []
            var writer = TensorJSONWriter { bytes += $0 }
            write(&writer)
            writer.flush()
            return String(decoding: bytes, as: UTF8.self)
        }
        let expected = "[[" + (0..<5).map { c in
            "[" + (0..<3).map { y in
                "[" + (0..<4).map { x in Self.reference(shared[0, c, y, x]) }.joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "]]"
        #expect(document { $0.appendMaps(FeatureMaps(shared)) } == expected)
        #expect(document { $0.appendTensor(shared) } == expected)
        #expect(FeatureMaps(shared).distinctPlaneCount == 3)
    }
}
