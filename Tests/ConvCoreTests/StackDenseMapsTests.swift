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
        let written = maps.tensor
        let expected = Tensor4(shape: maps.shape, storage: maps.planeOfChannel.flatMap { maps.plane($0) })
        #expect(written.shape == expected.shape)
        #expect(written.storage.map(\.bitPattern) == expected.storage.map(\.bitPattern))
    }

    /// A ReLU after a convolution of the ramp (sums never negative) holds its input's values: its
    /// output shares the convolution's storage instead of a second copy, in a run and in the
    /// layer-by-layer run alike; a ReLU of a random input's convolution is written apart.
    @Test func anOutputEqualToTheOneBeforeSharesItsStorage() throws {
        let layers = try ["Conv2d(3, 8, 3, padding=1)", "ReLU()", "MaxPool2d(2)", "ReLU()"].map { try LayerParser.parse($0) }
        var model = Model(inputShape: [1, 3, 12, 12], layers: layers)
        model.input = .generated(.rampX)
        func storageAddress(_ tensor: Tensor4?) -> UnsafePointer<Float>? { tensor?.storage.withUnsafeBufferPointer(\.baseAddress) }
        let run = StackForward.run(input: model.makeInput(), layers: layers, weights: layers.map { _ in nil })
        let progressive = try #require(StackProgressiveRun.run(model, trace: model.trace, wanted: { 0 }, isCancelled: { false }) { _ in })
        for outputs in [run.outputs, progressive.outputs] {
            #expect(outputs[1] == outputs[0] && storageAddress(outputs[1]) == storageAddress(outputs[0]))
            #expect(outputs[3] == outputs[2] && storageAddress(outputs[3]) == storageAddress(outputs[2]))
        }
        #expect(progressive.outputs == run.outputs)
        var random = SplitMixRandom(start: 3)
        let signed = Tensor4(shape: [1, 3, 12, 12], storage: random.floats(3 * 144, in: -5...5))
        let mixed = StackForward.run(input: signed, layers: layers, weights: layers.map { _ in nil })
        #expect(mixed.outputs[1] != mixed.outputs[0] && storageAddress(mixed.outputs[1]) != storageAddress(mixed.outputs[0]))
    }

    /// A caller that frees each output once handed on (`StackForward.stream`) gets equal outputs
    /// written apart: the writer holds no tensor of its own between two outputs.
    @Test func aWriterThatDoesNotRememberSharesNothing() {
        let maps = Self.maps(channels: 16, side: 32, planes: 1)
        func address(_ tensor: Tensor4) -> UnsafePointer<Float>? { tensor.storage.withUnsafeBufferPointer(\.baseAddress) }
        var remembering = StackDenseMaps(input: nil, tensor: Tensor4(shape: [1, 1, 1, 1]))
        let a = remembering.tensor(maps), b = remembering.tensor(maps)
        #expect(address(a) == address(b))
        var forgetting = StackDenseMaps(input: nil, tensor: Tensor4(shape: [1, 1, 1, 1]), remembers: false)
        let c = forgetting.tensor(maps), d = forgetting.tensor(maps)
        #expect(address(c) != address(d))
        #expect(c.storage.map(\.bitPattern) == d.storage.map(\.bitPattern))
    }
}
