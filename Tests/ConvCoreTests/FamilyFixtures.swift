import Foundation
@testable import ConvCore

/// scripts/make_family_fixtures.py's file: the convolution family run through torch 2.13.
struct FamilyFixtureFile: Decodable {
    struct Transposed: Decodable, CustomStringConvertible {
        let in_channels: Int, out_channels: Int, groups: Int
        let kernel_size: [Int], stride: [Int], padding: [Int], output_padding: [Int], dilation: [Int]
        let input_shape: [Int], input: [Float], weight: [Float], bias: [Float]?
        let output_shape: [Int], output: [Float]

        var layer: ConvTranspose2dLayer {
            ConvTranspose2dLayer(in_channels, out_channels, kernelSize: SpatialPair(kernel_size[0], kernel_size[1]),
                                 stride: SpatialPair(stride[0], stride[1]), padding: SpatialPair(padding[0], padding[1]),
                                 outputPadding: SpatialPair(output_padding[0], output_padding[1]), groups: groups,
                                 bias: bias != nil, dilation: SpatialPair(dilation[0], dilation[1]))
        }
        var inputTensor: Tensor4 { Tensor4(shape: input_shape, storage: input) }
        var weightTensor: Tensor4 { Tensor4(shape: layer.weightShape, storage: weight) }
        var description: String { layer.pytorchRepr + " on \(input_shape)" }
    }

    struct Flip: Decodable, CustomStringConvertible {
        let kernel: String
        let input_shape: [Int], input: [Float], weight_shape: [Int], weight: [Float], padding: Int
        let correlation: [Float], convolution: [Float], output_shape: [Int]
        var description: String { "\(kernel) \(weight_shape) on \(input_shape) padding \(padding)" }
    }

    struct Layer: Decodable, CustomStringConvertible {
        let layer: String
        let input_shape: [Int]
        let repr: String?
        let input: [Float]?, weight: [Float]?, bias: [Float]?
        let output_shape: [Int]?, output: [Float]?
        let error: String?, construction_error: String?, type: String?
        var description: String { "\(layer) on \(input_shape)" }
    }

    struct Causal: Decodable {
        struct Step: Decodable { let kernel_size: Int, dilation: Int }
        let channels: Int, length: Int
        let layers: [Step]
        let input: [Float], weights: [[Float]], output: [Float]
    }

    let torch: String
    let transposed: [Transposed]
    let flip: [Flip]
    let layers1d: [Layer]
    let layers3d: [Layer]
    let causal: [Causal]

    static let shared: FamilyFixtureFile = {
        let url = StackFixtureFile.directory.appendingPathComponent("pytorch_family.json")
        return try! JSONDecoder().decode(FamilyFixtureFile.self, from: Data(contentsOf: url))
    }()
}
