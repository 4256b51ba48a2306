import Foundation
@testable import ConvCore

/// One layer run by scripts/make_conv2d_fixtures.py through a real `nn.Conv2d`.
struct Conv2dFixtureCase: Decodable, CustomStringConvertible {
    let tag: String
    let params: [Int]
    let padding: String
    let padding_mode: String
    let groups: Int
    let input: String?
    let input_values: [Float]?
    let kernel: String?
    let kernel_values: [Float]?
    let bias: Bias?
    let error: String?
    let error_type: String?
    let applied_padding: [Int]?
    let exact: Bool?
    let output_shape: [Int]?
    let output: [Float]?

    /// `bias=` as the case gave it: one value for every channel, or one per channel.
    enum Bias: Decodable {
        case constant(Float), perChannel([Float])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Float.self) { self = .constant(value) } else {
                self = .perChannel(try container.decode([Float].self))
            }
        }
    }

    var spec: Conv2dSpec {
        let padding: PaddingSpec? = switch self.padding {
        case "same": .same
        case "valid": .valid
        default: nil
        }
        var constant: Float?
        if case let .constant(value) = bias { constant = value }
        return Conv2dSpec(ConvParameters(params), padding: padding, paddingMode: PaddingMode(rawValue: padding_mode)!,
                          groups: groups, bias: constant)
    }

    /// The per-channel bias to pass explicitly (nil when the spec's constant covers it).
    var biasList: [Float]? {
        if case let .perChannel(values) = bias { return values }
        return nil
    }

    /// The input tensor: the named pattern rebuilt by ConvCore, or the case's values.
    func makeInput() -> Tensor4 {
        let p = spec.parameters
        guard let input else { return Tensor4(shape: p.inputShape, storage: input_values!) }
        let source = InputSource(argument: input)!
        // The notebook's tensor is (C, w_in, h_in): the sliders are the tensor's sizes swapped.
        let (hIn, wIn) = source == .notebook ? (p.wIn, p.hIn) : (p.hIn, p.wIn)
        return source.makeInput(channels: p.inChannels, hIn: hIn, wIn: wIn)
    }

    /// The weights: the named preset built by ConvCore, or the case's values.
    func makeWeights() -> Tensor4 {
        guard let kernel else { return Tensor4(shape: spec.kernelShape, storage: kernel_values!) }
        return KernelPreset(argument: kernel)!.makeWeights(spec)
    }

    var description: String { "\(tag) [\(params.map(String.init).joined(separator: ","))] \(padding) \(padding_mode) g=\(groups)" }
}

/// A tensor a named input pattern or kernel preset must produce.
struct PatternFixture: Decodable, CustomStringConvertible {
    let pattern: String?
    let preset: String?
    let channels: Int?
    let h_in: Int?
    let w_in: Int?
    let shape: [Int]
    let values: [Float]
    var description: String { "\(pattern ?? preset ?? "?") \(shape)" }
}

/// A file numpy (or the generator) wrote, and what reading it must give.
struct FileFixture: Decodable, CustomStringConvertible {
    let name: String
    let base64: String
    let problem: String?
    let shape: [Int]?
    let values: [Float]?
    var bytes: [UInt8] { [UInt8](Data(base64Encoded: base64)!) }
    var description: String { name }
}

struct Conv2dFixtureFile: Decodable {
    struct Patterns: Decodable {
        let inputs: [PatternFixture]
        let kernels: [PatternFixture]
    }

    let torch_version: String
    let cases: [Conv2dFixtureCase]
    let float_cases: [Conv2dFixtureCase]
    let full_range: [Conv2dFixtureCase]
    let patterns: Patterns
    let files: [FileFixture]

    /// The committed fixture file, found next to this source file.
    static let shared: Conv2dFixtureFile = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pytorch_conv2d_full.json")
        return try! JSONDecoder().decode(Conv2dFixtureFile.self, from: Data(contentsOf: url))
    }()
}
