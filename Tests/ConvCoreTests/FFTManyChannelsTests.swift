import Testing
@testable import ConvCore

/// The FFT path on the benchmark's layer shape, 16→16 channels of 8×8 kernels, on planes small
/// enough for committed PyTorch fixtures: every tile size up to the one the 1024² layer takes, on
/// one core and two, bit for bit.
@Suite("FFT path: 16→16 channels of 8×8 as PyTorch computes them")
struct FFTManyChannelsTests {
    static let layers = FFTPathTests.largeKernels.filter { $0.spec.parameters.inChannels == 16 }

    @Test func fixturesHoldTheBenchmarkShape() {
        #expect(Self.layers.count == 4)
        #expect(Self.layers.contains { $0.groups > 1 && $0.spec.heightAxis.stride > 1 })
        #expect(Self.layers.contains { $0.padding == "same" })
    }

    @Test("each 16→16 k8 fixture layer on tiles of 16², 32² and 64², one core and two", arguments: layers)
    func layer(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        let input = fixture.makeInput(), weights = fixture.makeWeights()
        let bias = fixture.biasList ?? spec.biasVector
        let plans = (4...6).compactMap { FFTPlan(spec: spec, log2n: $0) }
        #expect(plans.count == 3)
        for plan in plans {
            for threads in [1, 2] {
                let output = try #require(try FFTPathTests.fft(input, weights, bias, spec, plan, threads: threads))
                #expect(output.shape == fixture.output_shape)
                #expect(fixture.exact == true)
                #expect(output.storage == fixture.output!, "n=\(plan.n) threads=\(threads)")
            }
        }
    }
}
