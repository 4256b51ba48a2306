import Testing
@testable import ConvCore

/// The channels-last kernels on rows of one repeated value give the whole kernels' values.
@Suite struct GraphSharedRowsTests {
    /// A LayerNorm of a row of one repeated value, computed without writing the row out, is the
    /// whole kernel's bit for bit (ConvNeXt's channels-last blocks on rows of one value).
    @Test(arguments: [1, 3, 96, 384, 768])
    func layerNormOfARepeatedValueIsTheWholeKernels(_ width: Int) {
        var random = SplitMixRandom(start: UInt64(width))
        let values: [Float] = (0..<500).map { _ in Float(Int64(bitPattern: random.next()) >> 30) / 7_777 } + [0, -0.0, 1e-30, 3e38, .infinity, .nan]
        for v in values {
            let whole = GraphKernels.layerNorm(GraphTensor(shape: [width], storage: Array(repeating: v, count: width)), count: width, eps: 1e-6)
            #expect(whole.storage.allSatisfy { $0.bitPattern == GraphSharedRows.layerNormOfRepeated(v, count: width, eps: 1e-6).bitPattern },
                    "\(v) × \(width)")
        }
    }
}
