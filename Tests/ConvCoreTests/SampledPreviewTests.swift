import Testing
@testable import ConvCore

/// A sampled first frame of whole maps draws, over each square, the layer's own value at the
/// square's middle cell; its input is made only where the samples read. Every padding mode,
/// dilation, stride and grouping is tried, and the values must be the whole layer's bit for bit.
@Suite("Sampled preview: one exact cell per square of a whole map")
struct SampledPreviewTests {
    /// Every padding mode × dilation × stride × groups, on a random input and random weights.
    static var layers: [Conv2dSettings] {
        let geometries = [1, 2].flatMap { d in [1, 3].flatMap { s in [1, 2].map { g in (d, s, g) } } }
        return randomLayers(size: (61, 47), perGroup: (2, 3), geometries: geometries, bias: 1.25, seed: 40)
    }

    /// Random layers, kernel 5×3 with padding (4, 2), in every padding mode × `geometries`
    /// (dilation, stride, groups): `perGroup` (in, out) channels a group, `bias` when ungrouped.
    static func randomLayers(size: (Int, Int), perGroup: (Int, Int), geometries: [(Int, Int, Int)], bias: Float,
                             seed first: UInt64) -> [Conv2dSettings] {
        var layers: [Conv2dSettings] = [], seed = first
        for mode in PaddingMode.allCases {
            for (dilation, stride, groups) in geometries {
                var p = ConvParameters()
                (p.hIn, p.wIn) = size
                (p.inChannels, p.outChannels) = (perGroup.0 * groups, perGroup.1 * groups)
                (p.kernelSizeH, p.kernelSizeW) = (5, 3)
                (p.strideH, p.strideW, p.dilationH, p.dilationW) = (stride, stride, dilation, dilation)
                (p.paddingH, p.paddingW) = (4, 2)
                var layer = Conv2dSettings(p)
                layer.paddingMode = mode
                layer.groups = groups
                layer.bias = groups == 1 ? bias : nil
                seed += 2
                layer.input = .generated(.random(start: seed))
                layer.kernel = .preset(.random(start: seed + 1))
                layers.append(layer)
            }
        }
        return layers
    }

    @Test("each square holds the whole layer's value at its middle cell, from the input made in part")
    func samplesEqualTheLayer() throws {
        for layer in Self.layers {
            let spec = layer.spec
            try #require(spec.validate() == nil, "\(spec)")
            let (outH, outW) = (spec.heightAxis.outputSize, spec.widthAxis.outputSize)
            let region = OutputRegion(channels: 1..<spec.parameters.outChannels, rows: 1..<outH, columns: 0..<outW, block: 2)
            // A budget of a few samples: squares of several blocks.
            let grid = SampledGrid(region: region, spec: spec, inputValueBudget: spec.parameters.inChannels * 15 * 9)
            #expect(grid.pitch % region.block == 0 && grid.pitch > region.block, "\(spec)")
            let part = try #require(layer.makeSampledInputMaps(for: grid))
            let kernels = layer.makeKernelMaps()
            let whole = try SharedPlaneConvolution.run(input: layer.makeInputMaps(), kernels: kernels,
                                                       bias: spec.biasVector, spec: spec)
            let sampled = try OutputPreview.run(input: part, kernels: kernels, bias: spec.biasVector, spec: spec,
                                                region: region, sampledOn: grid)
            #expect(sampled.shape == whole.shape)
            var wrong = 0
            for c in 0..<whole.shape[1] {
                for y in 0..<outH {
                    for x in 0..<outW {
                        let inside = region.channels.contains(c) && grid.rows.contains(y) && grid.columns.contains(x)
                        guard inside else { if sampled[0, c, y, x] != 0 { wrong += 1 }; continue }
                        let (i, j) = ((y - grid.rows.lowerBound) / grid.pitch, (x - grid.columns.lowerBound) / grid.pitch)
                        let expected = whole[0, c, grid.sampleRow(i), grid.sampleColumn(j)]
                        if sampled[0, c, y, x].bitPattern != expected.bitPattern { wrong += 1 }
                    }
                }
            }
            #expect(wrong == 0, "\(spec)")
            // The input made in part holds the whole input's values where drawn, zeros elsewhere,
            // and the ranges a scan of it finds.
            let input = layer.makeInputMaps()
            let (rows, columns) = grid.inputReads(spec)
            var differ = 0
            for c in 0..<spec.parameters.inChannels {
                for y in 0..<spec.heightAxis.size {
                    for x in 0..<spec.widthAxis.size {
                        let drawn = rows.contains { $0.contains(y) } && columns.contains { $0.contains(x) }
                        if part[0, c, y, x] != (drawn ? input[0, c, y, x] : 0) { differ += 1 }
                    }
                }
            }
            #expect(differ == 0, "\(spec)")
            let scanned = FeatureMaps(everyChannelOf: Tensor4(shape: part.shape, storage: part.storage)).planeRanges()
            #expect(part.planeRanges().map(\.min) == scanned.map(\.min) && part.planeRanges().map(\.max) == scanned.map(\.max))
        }
    }

    @Test("a window's values from the rows read equal the whole layer's for every mode, dilation, stride and groups")
    func windowFromPartEqualsTheLayer() throws {
        for layer in Self.layers {
            let spec = layer.spec
            let outW = spec.widthAxis.outputSize
            let region = { () -> OutputRegion in
                var r = OutputRegion(channels: 0..<2, rows: 0..<2, columns: 1..<outW, block: 1)
                r.inputRows = spec.heightAxis.paddedRange.lowerBound..<0
                return r
            }()
            let part = try #require(layer.makePreviewInputMaps(for: region), "\(spec)")
            let kernels = layer.makeKernelMaps()
            let fromPart = try OutputPreview.run(input: part, kernels: kernels, bias: spec.biasVector, spec: spec, region: region)
            let whole = try SharedPlaneConvolution.run(input: layer.makeInputMaps(), kernels: kernels,
                                                       bias: spec.biasVector, spec: spec)
            var wrong = 0
            for c in region.channels { for y in region.rows { for x in region.columns {
                if fromPart[0, c, y, x].bitPattern != whole[0, c, y, x].bitPattern { wrong += 1 }
            } } }
            #expect(wrong == 0, "\(spec)")
        }
    }

    @Test("one sample per block when the budget allows; squares of blocks when it does not")
    func pitchFollowsTheBudget() {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (1024, 1024, 64, 64, 32, 32)
        let large = Conv2dSettings(p).spec
        let region = OutputRegion(channels: 0..<3, rows: 0..<993, columns: 0..<993, block: 20)
        let coarse = SampledGrid(region: region, spec: large)
        #expect(coarse.pitch > 20 && coarse.pitch % 20 == 0)
        #expect(coarse.count * 64 * 32 * 32 <= 2 * SampledGrid.inputValueBudget)
        (p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (16, 16, 8, 8)
        #expect(SampledGrid(region: region, spec: Conv2dSettings(p).spec).pitch == 20)
    }
}
