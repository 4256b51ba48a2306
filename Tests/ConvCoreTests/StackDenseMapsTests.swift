import Testing
@testable import ConvCore

/// A stack's outputs written out from shared planes hold what `FeatureMaps.tensor` holds, bit for
/// bit, on one core and split among them, whatever plane each channel reads.
@Suite struct StackDenseMapsTests {
    /// Maps of `channels` channels of `side`² reading `planes` distinct planes in a shuffled order,
    /// with a negative zero and a NaN among the values.
    static func maps(channels: Int, side: Int, planes: Int) -> FeatureMaps {
        let size = side * side
        var random = SplitMixRandom(start: 7)
        var values = random.floats(planes * size, in: -9...9)
        values[0] = -0.0
        values[values.count - 1] = .nan
        let planeOfChannel = (0..<channels).map { ($0 * 7 + 3) % planes }
        return FeatureMaps(shape: [1, channels, side, side], planeOfChannel: planeOfChannel, storage: values)
    }

    @Test(arguments: [(3, 5, 2), (64, 8, 1), (64, 96, 3), (100, 70, 100)])
    func writtenOutAsTheMapsTensor(channels: Int, side: Int, planes: Int) {
        let maps = Self.maps(channels: channels, side: side, planes: planes)
        let written = StackDenseMaps.written(maps), expected = maps.tensor
        #expect(written.shape == expected.shape)
        #expect(written.storage.map(\.bitPattern) == expected.storage.map(\.bitPattern))
    }
}
