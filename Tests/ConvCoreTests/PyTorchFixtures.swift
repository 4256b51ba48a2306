import Foundation
@testable import ConvCore

/// One case recorded by scripts/make_fixtures.py from PyTorch 2.13.
struct FixtureCase: Decodable, CustomStringConvertible {
    let params: [Int]
    let error: String?
    let output_shape: [Int]?
    let output: [Float]?
    let input: [Float]?
    let weight: [Float]?

    var parameters: ConvParameters { ConvParameters(params) }
    var description: String { params.map(String.init).joined(separator: ",") }
}

struct FixtureFile: Decodable {
    let torch_version: String
    let random: [FixtureCase]
    let edge: [FixtureCase]
    let general: [FixtureCase]

    /// The committed fixture file, found next to this source file.
    static let shared: FixtureFile = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pytorch_conv2d.json")
        let data = try! Data(contentsOf: url)
        return try! JSONDecoder().decode(FixtureFile.self, from: data)
    }()
}
