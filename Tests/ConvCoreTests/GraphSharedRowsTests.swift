import Testing
@testable import ConvCore

/// The channels-last kernels on rows of one repeated value give the whole kernels' values.
@Suite struct GraphSharedRowsTests {
    /// A LayerNorm of a row of one repeated value, computed without writing the row out, is the
    /// whole kernel's bit for bit (ConvNeXt's channels-last blocks on rows of one value).
    @Test(arguments: [1, 3, 96, 384, 768])
    func layerNormOfARepeatedValueIsTheWholeKernels(_ width: Int) {
        var random = SplitMixRandom(start: UInt64(width))
        let values: [Float] = (0..<500).map { _ in Float(Int64(bitPattern: random.next()) >> 30) / 7_777 }
            + (0..<500).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: random.next())) } + [0, -0.0, 1e-30, 3e38, -3e38, .infinity, .nan]
        for v in values {
            for eps in [1e-6, 1e-5, 0] {
                let row = GraphTensor(shape: [width], storage: Array(repeating: v, count: width))
                let whole = GraphKernels.layerNorm(row, count: width, eps: eps)
                #expect(whole.storage.allSatisfy { $0.bitPattern == GraphSharedRows.layerNormOfRepeated(v, count: width, eps: eps).bitPattern },
                        "\(v) × \(width), eps \(eps)")
            }
        }
    }

    /// A Linear's row sum of one repeated value (all-ones weights) is the term-by-term Double sum.
    @Test(arguments: [0, 1, 3, 96, 384, 3072])
    func sumOfARepeatedValueIsTheTermByTermSum(_ count: Int) {
        var random = SplitMixRandom(start: UInt64(count) + 1)
        let values: [Float] = (0..<500).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: random.next())) }
            + [0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for v in values {
            var sum = 0.0
            for _ in 0..<count { sum += Double(v) }
            #expect(Float(sum).bitPattern == Float(GraphSharedRows.sumOfRepeated(v, count: count)).bitPattern, "\(v) × \(count)")
        }
    }
}
