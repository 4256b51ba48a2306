import Testing
@testable import ConvCore

/// A ConvTranspose2d equals its direct form: zeros inserted, padded by d·(k − 1) − p (+ output_padding),
/// flipped kernel with in/out swapped; checked on torch's outputs.
struct TransposedAsDirectTests {
    static let cases = FamilyFixtureFile.shared.transposed

    @Test func theFixturesCoverGroupsDilationAndOutputPadding() {
        #expect(Self.cases.filter { !$0.output.isEmpty }.count >= 200)
        #expect(Self.cases.contains { $0.groups > 1 })
        #expect(Self.cases.contains { $0.dilation.contains { $0 > 1 } })
        #expect(Self.cases.contains { $0.output_padding.contains { $0 > 0 } })
        #expect(Self.cases.contains { c in (0..<2).contains { c.padding[$0] > c.dilation[$0] * (c.kernel_size[$0] - 1) } })
    }

    @Test(arguments: cases)
    func theDirectFormGivesEveryOutputOfTorch(_ c: FamilyFixtureFile.Transposed) throws {
        let explained = TransposedAsDirect(c.layer, inputHeight: c.input_shape[2], inputWidth: c.input_shape[3])
        #expect([1, c.out_channels, explained.outputSize.h, explained.outputSize.w] == c.output_shape)
        let direct = try explained.run(input: c.inputTensor, weight: c.weightTensor, bias: c.bias)
        #expect(direct.shape == c.output_shape)
        #expect(direct.storage == c.output)
    }

    @Test(arguments: cases)
    func theScatterFormGivesEveryOutputOfTorch(_ c: FamilyFixtureFile.Transposed) {
        let scattered = FamilyForward.scatter(
            input: TensorN(shape: c.input_shape, storage: c.input),
            weight: TensorN(shape: c.layer.weightShape, storage: c.weight), bias: c.bias, stride: c.stride,
            padding: c.padding, dilation: c.dilation, groups: c.groups, output: c.output_shape)
        #expect(scattered.storage == c.output)
    }

    @Test(arguments: cases.prefix(60))
    func everyCellSumsTheSameInBothForms(_ c: FamilyFixtureFile.Transposed) {
        let explained = TransposedAsDirect(c.layer, inputHeight: c.input_shape[2], inputWidth: c.input_shape[3])
        let (h, w) = (c.output_shape[2], c.output_shape[3])
        for o in 0..<c.out_channels {
            for y in 0..<h {
                for x in 0..<w {
                    let sum = explained.cellSum(o: o, y: y, x: x, input: c.inputTensor, weight: c.weightTensor, bias: c.bias)
                    #expect(sum.directTotal == sum.scatterTotal)
                    #expect(Float(sum.directTotal) == c.output[(o * h + y) * w + x])
                    // The direct window's non-zero reads are exactly the scatter's stamps.
                    #expect(sum.direct.filter { $0.value != 0 }.count == sum.scatter.filter { $0.value != 0 }.count)
                    #expect(sum.scatter.count == explained.overlapCount(y: y, x: x) * (c.in_channels / c.groups))
                }
            }
        }
    }

    @Test func theCheckerboardComesFromUnevenOverlaps() {
        // ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on 4×4: even rows get
        // one stamp per axis, odd rows two, so the counts alternate 1, 2, 4.
        let layer = ConvTranspose2dLayer(8, 4, kernelSize: SpatialPair(square: 3), stride: SpatialPair(square: 2),
                                         padding: SpatialPair(square: 1), outputPadding: SpatialPair(square: 1))
        let explained = TransposedAsDirect(layer, inputHeight: 4, inputWidth: 4)
        #expect(explained.outputSize == SpatialPair(square: 8))
        #expect(explained.padBefore(.height) == 1 && explained.padAfter(.height) == 2)
        #expect(explained.directSize(.height) == 10)
        #expect(explained.overlapCounts[0] == [1, 2, 1, 2, 1, 2, 1, 1])
        #expect(explained.overlapCounts[1] == [2, 4, 2, 4, 2, 4, 2, 2])
        // With all-ones weights and input the scatter form counts the stamps itself.
        let ones = FamilyForward.scatter(input: TensorN(shape: [1, 1, 4, 4], repeating: 1),
                                         weight: TensorN(shape: [1, 1, 3, 3], repeating: 1), bias: nil, stride: [2, 2],
                                         padding: [1, 1], dilation: [1, 1], groups: 1, output: [1, 1, 8, 8])
        #expect(ones.storage == explained.overlapCounts.flatMap { $0.map(Float.init) })
    }

    @Test func theDirectWeightIsFlippedAndSwappedPerGroup() {
        let layer = ConvTranspose2dLayer(4, 2, kernelSize: SpatialPair(1, 2), groups: 2)
        let weight = Tensor4(shape: [4, 1, 1, 2], storage: [1, 2, 3, 4, 5, 6, 7, 8])
        let direct = TransposedAsDirect(layer, inputHeight: 1, inputWidth: 1).directWeight(weight)
        #expect(direct.shape == [2, 2, 1, 2])
        #expect(direct.storage == [2, 1, 4, 3, 6, 5, 8, 7])
    }
}
