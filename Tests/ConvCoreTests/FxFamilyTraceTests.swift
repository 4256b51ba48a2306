import Foundation
import Testing
@testable import ConvCore

/// torch.fx prints of small 1-D and 3-D models (Fixtures/fx_family, scripts/make_fx_family_prints.py):
/// every node's shape and values (the course notebook's weights, the ramp input) equal PyTorch's.
struct FxFamilyTraceTests {
    struct Node: Decodable {
        let name: String
        let `class`: String?
        let shape: [Int]
        let values: [Float]
    }

    struct Prints: Decodable {
        let input_shape: [Int]
        let nodes: [Node]
    }

    static let directory = StackFixtureFile.directory.appendingPathComponent("fx_family")

    @Test(arguments: ["sequence_net", "volume_head"])
    func everyNodesShapeAndValuesArePyTorchs(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
        let torch = try JSONDecoder().decode(Prints.self, from: Data(contentsOf: Self.directory.appendingPathComponent(name + ".json")))
        let model = try FxModelReader.read(text)
        let trace = GraphTrace(model, inputShape: torch.input_shape)
        #expect(trace.failure == nil)
        #expect(trace.steps.map(\.node.name) == torch.nodes.map(\.name))
        #expect(trace.steps.map(\.outputShape) == torch.nodes.map(\.shape))
        let ramp = TensorN.ramp(shape: torch.input_shape)
        let values = GraphForward.run(trace, inputName: model.inputName, input: GraphTensor(shape: ramp.shape, storage: ramp.storage))
        for (value, node) in zip(values, torch.nodes) {
            guard case let .tensor(tensor) = value else { Issue.record("\(node.name) is not a tensor"); continue }
            #expect(tensor.shape == node.shape)
            #expect(zip(tensor.storage, node.values).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }, "\(name) \(node.name)")
        }
        #expect(values.count == torch.nodes.count)
    }

    @Test func aModuleNotTracedOnSequencesIsNamed() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("sequence_head.txt"), encoding: .utf8)
        do {
            _ = try FxModelReader.read(text)
            Issue.record("sequence_head was read")
        } catch {
            #expect(error.message.hasPrefix("line 13: bn = self.bn(conv): at column 1: BatchNorm1d is not traced"), "\(error.message)")
        }
    }
}
