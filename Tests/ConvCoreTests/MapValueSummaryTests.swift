import Testing
@testable import ConvCore

/// A map's summary, found once on its distinct planes, says what scanning the whole tensor says,
/// bit for bit: extremes as `min()`/`max()` give them (the first of equal zeros, a leading NaN),
/// whether a finite value has a fraction, each channel's `planeMax`.
@Suite struct MapValueSummaryTests {
    /// The whole tensor's scans, as the stack screen made them on every frame.
    static func scanned(_ t: Tensor4) -> [[UInt32]] {
        [[t.storage.min()?.bitPattern ?? 1, t.storage.max()?.bitPattern ?? 1],
         [t.storage.contains { $0.isFinite && $0 != $0.rounded(.towardZero) } ? 1 : 0],
         (0..<t.shape[1]).map { t.planeMax(0, $0).bitPattern }]
    }

    static func summarized(_ s: MapValueSummary) -> [[UInt32]] {
        [[s.lowest?.bitPattern ?? 1, s.highest?.bitPattern ?? 1], [s.hasFraction ? 1 : 0], s.channelMax.map(\.bitPattern)]
    }

    /// Planes of `values` (each `side`² long) read by channels in `planeOfChannel`.
    static func maps(_ values: [[Float]], _ planeOfChannel: [Int], side: Int) -> FeatureMaps {
        FeatureMaps(shape: [1, planeOfChannel.count, side, side], planeOfChannel: planeOfChannel, storage: values.flatMap { $0 })
    }

    static let cases: [(String, FeatureMaps)] = {
        var random = SplitMixRandom(start: 9)
        let fractions = (0..<3).map { _ in (0..<16).map { _ in Float(Int64(bitPattern: random.next()) >> 44) / 1000 } }
        let integers = (0..<2).map { _ in (0..<16).map { _ in Float(Int(random.next() % 9) - 4) } }
        return [
            ("fractions shared", maps(fractions, [2, 0, 2, 1, 0], side: 4)),
            ("integers shared", maps(integers, [1, 1, 0], side: 4)),
            ("signed zeros: -0 first", maps([[-0.0, 0, -0.0, 0], [0, -0.0, 0, 0]], [0, 1, 0], side: 2)),
            ("signed zeros: +0 first", maps([[0, -0.0, 0, -0.0], [-0.0, 0, 0, 0]], [1, 0], side: 2)),
            ("a leading NaN", maps([[.nan, 2, -3, 1.5], [7, -8, 0, 1]], [0, 1, 0], side: 2)),
            ("NaN later, infinities", maps([[1, .infinity, 2, 3], [.nan, -.infinity, 0.5, 4]], [0, 1], side: 2)),
            ("empty planes", FeatureMaps(shape: [1, 2, 0, 0], planeOfChannel: [0, 0], storage: [])),
        ]
    }()

    @Test(arguments: cases.indices)
    func summaryIsTheWholeTensorsScans(_ index: Int) {
        let (name, maps) = Self.cases[index]
        let whole = maps.tensor
        #expect(Self.summarized(MapValueSummary(maps)) == Self.scanned(whole), "\(name)")
        #expect(Self.summarized(MapValueSummary(whole)) == Self.scanned(whole), "\(name), from the tensor")
    }

    /// A stack's run carries its input and every output's summary: the ramp chain's one-plane maps
    /// summarized on their plane equal the whole tensors' scans.
    @Test func progressiveRunCarriesItsSummaries() throws {
        let layers = try ["Conv2d(4, 6, 3, padding=1)", "ReLU()", "Conv2d(6, 6, 3, stride=2)", "MaxPool2d(2)"]
            .map { try LayerParser.parse($0) }
        let model = Model(inputShape: [1, 4, 17, 17], layers: layers)
        let run = try #require(StackProgressiveRun.run(model, trace: model.trace, wanted: { 0 }, isCancelled: { false }) { _ in })
        let input = try #require(run.input)
        #expect(input == model.makeInput())
        #expect(Self.summarized(try #require(run.inputSummary)) == Self.scanned(input))
        for (output, summary) in zip(run.outputs, run.summaries) {
            let output = try #require(output)
            #expect(Self.summarized(try #require(summary)) == Self.scanned(output))
        }
        #expect(run.summaries == model.run().summaries)
    }
}
