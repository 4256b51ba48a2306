import Testing
@testable import ConvCore

/// A preview draws only the random weights of the output channels it computes (the channel
/// blocks holding the channels shown); its values must still be the whole layer's bit for bit.
@Suite("Preview kernels: only the shown channels' random weights")
struct PreviewKernelsTests {
    /// Random layers with more output channels than one block holds, every padding mode,
    /// dilation, stride and grouping.
    static var layers: [Conv2dSettings] {
        SampledPreviewTests.randomLayers(size: (37, 29), perGroup: (2, 19), geometries: [(1, 1, 1), (2, 1, 2), (1, 3, 3), (2, 2, 1)],
                                         bias: -0.75, seed: 70)
    }

    /// Shown channels inside one block, across two blocks, and the last channel alone.
    static func channelSubsets(_ outChannels: Int) -> [Range<Int>] {
        [1..<2, 6..<11, (outChannels - 1)..<outChannels]
    }

    @Test("the computed channels' weights are the whole tensor's, the rest 0, each slice's range known")
    func partOfTheWeights() throws {
        for layer in Self.layers {
            let whole = layer.makeKernelMaps(), s = layer.kernelShape
            for shown in Self.channelSubsets(s[0]) {
                let region = OutputRegion(channels: shown, rows: 0..<3, columns: 0..<4, block: 1)
                let computed = layer.previewOutputChannels(for: region)
                #expect(computed.contains(shown.lowerBound) && computed.contains(shown.upperBound - 1))
                #expect(computed.count < s[0], "\(layer.spec) \(shown)")
                let part = try #require(layer.makePreviewKernelMaps(for: region), "\(layer.spec)")
                #expect(part.shape == whole.shape)
                var differ = 0
                for o in 0..<s[0] {
                    for j in 0..<s[1] {
                        for ky in 0..<s[2] {
                            for kx in 0..<s[3] {
                                let expected = computed.contains(o) ? whole[0, o * s[1] + j, ky, kx] : 0
                                if part[0, o * s[1] + j, ky, kx].bitPattern != expected.bitPattern { differ += 1 }
                            }
                        }
                    }
                }
                #expect(differ == 0, "\(layer.spec) \(shown)")
                let scanned = FeatureMaps(everyChannelOf: Tensor4(shape: part.shape, storage: part.storage)).planeRanges()
                #expect(part.planeRanges().map(\.min) == scanned.map(\.min) && part.planeRanges().map(\.max) == scanned.map(\.max))
            }
        }
    }

    @Test("a window and a sampled whole map from part of the input and weights equal the whole layer's")
    func previewsFromPartEqualTheLayer() throws {
        for layer in Self.layers {
            let spec = layer.spec
            let (outH, outW) = (spec.heightAxis.outputSize, spec.widthAxis.outputSize)
            let whole = try SharedPlaneConvolution.run(input: layer.makeInputMaps(), kernels: layer.makeKernelMaps(),
                                                       bias: spec.biasVector, spec: spec)
            for shown in Self.channelSubsets(spec.parameters.outChannels) {
                var window = OutputRegion(channels: shown, rows: 1..<min(4, outH), columns: 0..<outW, block: 1)
                window.inputRows = spec.heightAxis.paddedRange.lowerBound..<0
                let fromPart = try OutputPreview.run(
                    input: try #require(layer.makePreviewInputMaps(for: window)),
                    kernels: try #require(layer.makePreviewKernelMaps(for: window)), bias: spec.biasVector, spec: spec,
                    region: window)
                var wrong = 0
                for c in 0..<whole.shape[1] { for y in 0..<outH { for x in 0..<outW {
                    let inside = shown.contains(c) && window.rows.contains(y)
                    if fromPart[0, c, y, x].bitPattern != (inside ? whole[0, c, y, x] : 0).bitPattern { wrong += 1 }
                } } }
                #expect(wrong == 0, "window \(spec) \(shown)")

                let region = OutputRegion(channels: shown, rows: 0..<outH, columns: 0..<outW, block: 2)
                let grid = SampledGrid(region: region, spec: spec, inputValueBudget: spec.parameters.inChannels * 15 * 9)
                let sampled = try OutputPreview.run(
                    input: try #require(layer.makeSampledInputMaps(for: grid)),
                    kernels: try #require(layer.makePreviewKernelMaps(for: region)), bias: spec.biasVector, spec: spec,
                    region: region, sampledOn: grid)
                var wrongSamples = 0
                for c in 0..<whole.shape[1] { for y in 0..<outH { for x in 0..<outW {
                    guard shown.contains(c) else { if sampled[0, c, y, x] != 0 { wrongSamples += 1 }; continue }
                    let (i, j) = (y / grid.pitch, x / grid.pitch)
                    let expected = whole[0, c, grid.sampleRow(i), grid.sampleColumn(j)]
                    if sampled[0, c, y, x].bitPattern != expected.bitPattern { wrongSamples += 1 }
                } } }
                #expect(wrongSamples == 0, "sampled \(spec) \(shown)")
                // The sampled planes' ranges, known without a scan, are the ones a scan finds.
                let scanned = FeatureMaps(shape: sampled.shape, planeOfChannel: sampled.planeOfChannel,
                                          storage: sampled.storage).planeRanges()
                #expect(sampled.planeRanges().map(\.min) == scanned.map(\.min)
                        && sampled.planeRanges().map(\.max) == scanned.map(\.max), "\(spec) \(shown)")
            }
        }
    }

    @Test("other weights or inputs, or every channel computed: the whole kernels")
    func wholeKernelsWhenNeeded() {
        var layer = Self.layers[0]
        let some = OutputRegion(channels: 0..<1, rows: 0..<2, columns: 0..<2, block: 1)
        #expect(layer.makePreviewKernelMaps(for: some) != nil)
        let every = OutputRegion(channels: 0..<layer.spec.parameters.outChannels, rows: 0..<2, columns: 0..<2, block: 1)
        #expect(layer.makePreviewKernelMaps(for: every) == nil)
        layer.kernel = .preset(.sobelX)
        #expect(layer.makePreviewKernelMaps(for: some) == nil)
        layer = Self.layers[0]
        layer.input = .generated(.rampX)
        #expect(layer.makePreviewKernelMaps(for: some) == nil)
    }
}
