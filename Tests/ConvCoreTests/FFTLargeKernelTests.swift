import Testing
@testable import ConvCore

/// The FFT path on 32×32 kernels, the benchmark's 64→64 k32 layer's kernel, on planes small enough
/// for committed PyTorch fixtures (scripts/make_fft_k32_fixtures.py): integer layers bit for bit
/// PyTorch's float32 values, a normally distributed one within 1e-5 of PyTorch's float64 values.
@Suite("FFT path: 32×32 kernels as PyTorch computes them")
struct FFTLargeKernelTests {
    static let layers = FFTPathTests.torchCases("pytorch_fft_k32.json")

    @Test func fixturesHoldIntegerAndFloatLayers() {
        #expect(Self.layers.allSatisfy { $0.spec.heightAxis.kernel == 32 && $0.spec.widthAxis.kernel == 32 })
        #expect(Self.layers.filter { $0.exact == true }.count == 3)
        #expect(Self.layers.contains { $0.exact == false })
        #expect(Self.layers.contains { $0.padding == "same" } && Self.layers.contains { $0.spec.heightAxis.stride > 1 })
    }

    /// The 1024² 64→64 k32 layer takes 64² tiles, the first size these layers are checked on.
    @Test func benchmarkLayerTakesTheCheckedTileSize() throws {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (1024, 1024, 64, 64, 32, 32)
        let plan = try #require(FFTPlan.best(for: Conv2dSpec(p)))
        #expect(plan.n == 64)
    }

    @Test("each k32 fixture layer on tiles of 64² and 128², one core and two", arguments: layers)
    func layer(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        let input = fixture.makeInput(), weights = fixture.makeWeights()
        let bias = fixture.biasList ?? spec.biasVector
        let rounding = try #require(FFTRounding.of(input: input, weights: weights, bias: bias, spec: spec))
        // Integers round to their grid (the exact sums); normal values to the nearest float.
        #expect((rounding == .grid(bits: 0)) == (fixture.exact == true))
        let plans = (6...7).compactMap { FFTPlan(spec: spec, log2n: $0) }
        #expect(plans.count == 2)
        for plan in plans {
            for threads in [1, 2] {
                let output = try FFTConvolution.run(input: input, weights: weights, bias: bias, spec: spec, plan: plan,
                                                    rounding: rounding, threads: threads) { false }
                #expect(output.shape == fixture.output_shape)
                let wrong = Conv2dAgreementTests.mismatches(output.storage, fixture.output!, exact: fixture.exact == true)
                #expect(wrong == 0, "n=\(plan.n) threads=\(threads): \(wrong) of \(output.storage.count) differ")
                if fixture.exact == true { #expect(output.storage == fixture.output!, "n=\(plan.n) threads=\(threads)") }
            }
        }
    }
}
