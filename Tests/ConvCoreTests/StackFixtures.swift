import Foundation
@testable import ConvCore

/// A float as the stack fixtures store it: a number, or "-inf"/"inf"/"nan" which JSON cannot hold.
struct FixtureFloat: Decodable {
    let value: Float
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Float.self) { value = number; return }
        value = Float(try container.decode(String.self))!
    }
}

/// PyTorch's error at one layer of a stack.
struct StackFixtureError: Decodable {
    let layer: Int
    let message: String
    let type: String?
    /// What PyTorch's oneDNN kernel did instead for an empty transposed output (see DECISIONS.md).
    let onednn: String?
}

/// One layer's result from scripts/make_stack_fixtures.py.
struct StackFixtureResult: Decodable {
    let repr: String
    let output_shape: [Int]
    let exact: Bool
    let output: [FixtureFloat]
    /// r, j, start; nil when no output cell reads the input.
    let field_h: [String]?
    let field_w: [String]?
}

/// A random stack run through real PyTorch modules.
struct StackFixtureCase: Decodable, CustomStringConvertible {
    struct Weights: Decodable {
        let weight: [Float]
        let bias: [Float]?
    }

    let tag: String
    let input_shape: [Int]
    let input: [Float]?
    let layers: [String]
    let results: [StackFixtureResult]?
    let error: StackFixtureError?
    let construction_error: StackFixtureError?
    let weights: [Weights?]?
    var description: String { "\(tag): \(layers.joined(separator: " | "))" }

    /// The weights for `StackForward`, shaped by the parsed layers.
    func layerWeights(_ stack: [StackLayer]) -> [LayerWeights?] {
        zip(stack, weights!).map { layer, w in
            guard let w, let shape = layer.weightShape else { return nil }
            return LayerWeights(weight: Tensor4(shape: shape, storage: w.weight), bias: w.bias)
        }
    }
}

/// One layer drawn over wide ranges on a zero input: its shape or PyTorch's message.
struct SingleLayerFixture: Decodable, CustomStringConvertible {
    let layer: String
    let input_shape: [Int]
    let output_shape: [Int]?
    let construction_error: String?
    let error: String?
    let type: String?
    let onednn: String?
    var description: String { "\(layer) on \(input_shape)" }
}

/// A U-Net run on the meta device: shapes only.
struct UNetFixture: Decodable, CustomStringConvertible {
    let tag: String
    let input_shape: [Int]
    let layers: [String]
    let shapes: [[Int]]
    let error: StackFixtureError?
    var description: String { tag }
}

/// A model's print(model) saved as a file, and what reading it must give.
struct ModelFixture: Decodable, CustomStringConvertible {
    let file: String
    let reprs: [String]
    let input_shape: [Int]?
    let shapes: [[Int]]?
    let error: StackFixtureError?
    var description: String { file }

    var text: String {
        try! String(contentsOf: StackFixtureFile.directory.appendingPathComponent("models/\(file)"), encoding: .utf8)
    }
}

struct StackFixtureFile: Decodable {
    let torch: String
    let stacks: [StackFixtureCase]
    let single_layers: [SingleLayerFixture]
    let unets: [UNetFixture]
    let models: [ModelFixture]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh file from scripts/compare_stacks_with_torch.py replaces the committed one when
    /// CONVSCOPE_STACK_FIXTURES names it.
    static let override = ProcessInfo.processInfo.environment["CONVSCOPE_STACK_FIXTURES"]

    /// The committed fixture file (or the override).
    static let shared: StackFixtureFile = {
        let url = override.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("pytorch_stacks.json")
        return try! JSONDecoder().decode(StackFixtureFile.self, from: Data(contentsOf: url))
    }()
}
