import Testing
@testable import ConvCore

/// A preview of a large random input's layer reads an input made only in the rows it needs: its
/// region must be the one the whole input gives, bit for bit, through every padding mode.
@Suite("Preview input: only the rows a region reads")
struct PreviewInputTests {
    /// A random layer tall enough that a window of rows reads under half its input.
    static func randomLayer(_ generator: inout SplitMixRandom) -> Conv2dSettings {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        while true {
            let groups = [1, 1, 2][pick(0...2)]
            var p = ConvParameters()
            (p.hIn, p.wIn) = (pick(40...120), pick(1...40))
            (p.inChannels, p.outChannels) = (groups * pick(1...3), groups * pick(1...9))
            (p.kernelSizeH, p.kernelSizeW) = (pick(1...7), pick(1...7))
            (p.strideH, p.strideW, p.dilationH, p.dilationW) = (pick(1...3), pick(1...3), pick(1...2), pick(1...2))
            (p.paddingH, p.paddingW) = (pick(0...3), pick(0...3))
            var layer = Conv2dSettings(p)
            layer.paddingMode = PaddingMode.allCases[pick(0...3)]
            layer.paddingChoice = [.explicit, .explicit, .valid, .same][pick(0...3)]
            layer.groups = groups
            layer.bias = pick(0...1) == 0 ? nil : Float(pick(-20...20)) / 4
            layer.input = .generated(.random(start: generator.next()))
            layer.kernel = .preset(.random(start: generator.next()))
            guard layer.spec.validate() == nil, layer.spec.heightAxis.outputSize > 0 else { continue }
            return layer
        }
    }

    /// A window of a few output rows at a random place, and a few input rows (padding included).
    static func region(_ layer: Conv2dSettings, _ generator: inout SplitMixRandom) -> OutputRegion {
        func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        let spec = layer.spec, outH = spec.heightAxis.outputSize, outW = spec.widthAxis.outputSize
        let firstRow = pick(0...(outH - 1)), firstColumn = pick(0...(max(1, outW) - 1))
        let firstChannel = pick(0...(spec.parameters.outChannels - 1))
        var region = OutputRegion(channels: firstChannel..<min(spec.parameters.outChannels, firstChannel + pick(1...4)),
                                  rows: firstRow..<min(outH, firstRow + pick(1...5)),
                                  columns: firstColumn..<min(outW, firstColumn + pick(1...12)), block: 1)
        let padded = spec.heightAxis.paddedRange, firstShown = pick(padded.lowerBound...(padded.upperBound - 1))
        region.inputRows = firstShown..<(firstShown + pick(1...6))
        return region
    }

    @Test("the region's values from the rows read equal the whole input's, bit for bit")
    func regionFromPartEqualsRegionFromWhole() throws {
        var generator = SplitMixRandom(start: 2026_12_06)
        var madeInPart = 0
        for _ in 0..<150 {
            let layer = Self.randomLayer(&generator)
            let region = Self.region(layer, &generator)
            guard let part = layer.makePreviewInputMaps(for: region) else { continue }
            madeInPart += 1
            let whole = layer.makeInputMaps(), kernels = layer.makeKernelMaps(), spec = layer.spec
            let fromPart = try OutputPreview.run(input: part, kernels: kernels, bias: spec.biasVector, spec: spec, region: region)
            let fromWhole = try OutputPreview.run(input: whole, kernels: kernels, bias: spec.biasVector, spec: spec, region: region)
            #expect(fromPart.planeOfChannel == fromWhole.planeOfChannel, "\(spec) \(region)")
            #expect(fromPart.storage.map(\.bitPattern) == fromWhole.storage.map(\.bitPattern), "\(spec) \(region)")
            // The input rows on screen (padding ring included) are the input's.
            for c in 0..<spec.parameters.inChannels {
                for y in region.inputRows! where spec.heightAxis.paddedRange.contains(y) {
                    for x in spec.widthAxis.paddedRange {
                        #expect(spec.paddedValue(part, channel: c, y: y, x: x) == spec.paddedValue(whole, channel: c, y: y, x: x))
                    }
                }
            }
            // The ranges it carries are the ones a scan of it finds.
            let scanned = FeatureMaps(everyChannelOf: Tensor4(shape: part.shape, storage: part.storage)).planeRanges()
            #expect(part.planeRanges().map(\.min) == scanned.map(\.min))
            #expect(part.planeRanges().map(\.max) == scanned.map(\.max))
        }
        #expect(madeInPart > 50, "most windows read under half the rows")
    }

    @Test("whole maps, another input, or input rows not known: the whole input")
    func wholeInputWhenNeeded() {
        var generator = SplitMixRandom(start: 7)
        var layer = Self.randomLayer(&generator)
        var region = Self.region(layer, &generator)
        region.inputRows = nil
        #expect(layer.makePreviewInputMaps(for: region) == nil)
        region.inputRows = 0..<1
        region.block = 4
        #expect(layer.makePreviewInputMaps(for: region) == nil)
        region.block = 1
        layer.input = .generated(.rampX)
        #expect(layer.makePreviewInputMaps(for: region) == nil)
    }

    @Test("a tensor drawn in part: its rows are the whole tensor's, the rest zeros")
    func partlyDrawnTensor() {
        let (channels, height, width) = (3, 700, 1024)  // rows of 4 KB: gaps of whole pages
        let rows = [5..<9, 2..<3, 600..<700]
        let part = IndexedRandom.floats(channels: channels, height: height, width: width, rows: rows, start: 11,
                                        in: InputSource.randomValues)
        let whole = IndexedRandom.floats(channels * height * width, start: 11, in: InputSource.randomValues)
        var wrong = 0
        for c in 0..<channels {
            for y in 0..<height {
                let drawn = rows.contains { $0.contains(y) }
                for x in 0..<width {
                    let i = (c * height + y) * width + x
                    if part[i] != (drawn ? whole[i] : 0) { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
    }
}
