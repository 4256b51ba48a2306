import Testing
@testable import ConvCore

/// A ConvTranspose1d explained as the height-1 ConvTranspose2d it equals: its direct form (zeros
/// inserted, padded, flipped kernel) gives every output of torch's conv_transpose1d.
struct TransposedSequenceTests {
    static let cases = FamilyFixtureFile.shared.layers1d.filter { $0.layer.hasPrefix("ConvTranspose1d") && $0.output != nil }

    @Test func theFixturesHoldEnoughTransposedSequences() {
        #expect(Self.cases.count >= 15)
        #expect(Self.cases.contains { $0.layer.contains("output_padding") } && Self.cases.contains { $0.layer.contains("groups=2") || $0.layer.contains("groups=3") })
    }

    @Test(arguments: cases)
    func theDirectFormGivesEveryOutputOfTorch(_ c: FamilyFixtureFile.Layer) throws {
        guard case let .convTranspose(layer) = try FamilyLayerParser.parse(c.layer) else { Issue.record("not transposed"); return }
        let length = c.input_shape[2]
        let explained = TransposedAsDirect(layer.asHeightOne, inputHeight: 1, inputWidth: length)
        #expect([1, layer.outChannels, 1, layer.outputSize(input: length, axis: 0)] == [1, c.output_shape![1], 1, c.output_shape![2]])
        let input = TensorN(shape: c.input_shape, storage: c.input!).asHeightOneMap
        let weight = Tensor4(shape: layer.asHeightOne.weightShape, storage: c.weight!)
        let direct = try explained.run(input: input, weight: weight, bias: c.bias)
        #expect(direct.storage == c.output!)
        #expect(direct.shape == [1, c.output_shape![1], 1, c.output_shape![2]])
    }
}
