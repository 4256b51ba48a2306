import Foundation
import Testing
@testable import ConvCore

/// Stacks run as true convolutions (`render --layer … --flip --kernel PRESET`): every Conv2d's
/// preset kernel flipped gives PyTorch's conv2d with `weight.flip(-1, -2)`, layer by layer
/// (Fixtures/pytorch_flip_stacks.json, made by scripts/make_flip_stack_fixtures.py).
@Suite struct FlippedStackTests {
    struct Case: Decodable {
        let layers: [String]
        let preset: String
        let input_shape: [Int]
        let output_shapes: [[Int]]
        let outputs: [[Float]]
        let unflipped_last: [Float]
    }

    struct File: Decodable { let cases: [Case] }

    static let cases = try! JSONDecoder().decode(
        File.self, from: Data(contentsOf: StackFixtureFile.directory.appendingPathComponent("pytorch_flip_stacks.json"))).cases

    static func ramp(_ shape: [Int]) -> Tensor4 {
        var p = ConvParameters()
        p.inChannels = shape[1]; p.hIn = shape[2]; p.wIn = shape[3]
        return InputSource.rampX.makeInput(p)
    }

    static func close(_ a: [Float], _ b: [Float]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }
    }

    @Test func everyLayerEqualsPyTorchsFlippedConv2d() throws {
        var changed = 0
        for c in Self.cases {
            let layers = try c.layers.map { try LayerParser.parse($0) }
            let preset = try #require(KernelPreset(argument: c.preset))
            let run = StackForward.run(input: Self.ramp(c.input_shape), layers: layers,
                                       weights: layers.map { FlippedStack.weights($0, preset: preset) })
            for (index, output) in run.outputs.enumerated() {
                let tensor = try #require(output, "\(c.layers) layer \(index)")
                #expect(tensor.shape == c.output_shapes[index])
                #expect(Self.close(tensor.storage, c.outputs[index]), "\(c.layers) (\(c.preset)) layer \(index)")
            }
            if !Self.close(c.outputs.last!, c.unflipped_last) { changed += 1 }
        }
        #expect(Self.cases.count == 60 && changed >= 20, "the flip matters in the fixture's stacks with sobel kernels")
    }

    @Test func onlyConv2dKernelsAreFlipped() throws {
        let transposed = try LayerParser.parse("ConvTranspose2d(1, 1, 3)")
        #expect(FlippedStack.weights(transposed, preset: .sobelX) == Model.notebookWeights(transposed))
        let conv = try LayerParser.parse("Conv2d(1, 1, 3, bias=False)")
        let flipped = try #require(FlippedStack.weights(conv, preset: .sobelX))
        #expect(flipped.weight.storage == [1, 0, -1, 2, 0, -2, 1, 0, -1] && flipped.bias == nil)
    }
}
