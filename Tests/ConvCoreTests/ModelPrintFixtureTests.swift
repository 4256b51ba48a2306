import Foundation
import Testing
@testable import ConvCore

/// One model's print and what real torch 2.13 + torchvision 0.28 say of it
/// (`scripts/make_model_print_fixtures.py`).
struct ModelPrintFixture: PrintFixture, CustomTestStringConvertible, Sendable {
    struct Node: Decodable, Sendable {
        let name: String
        let module: String
        let line: Int
        let input_shape: [Int]
        let output_shape: [Int]
        let params: Int
        /// Arguments the print does not show and the model sets away from PyTorch's default.
        let print_hides: [String]?
    }

    let id: String
    let input_shape: [Int]
    let expect: String
    let container: String?
    let container_line: Int?
    let container_name: String?
    let nodes: [Node]?
    let output_shape: [Int]?
    let params: Int?
    var text = ""

    enum CodingKeys: String, CodingKey {
        case id, input_shape, expect, container, container_line, container_name, nodes, output_shape, params
    }

    var testDescription: String { id }

    static let all = loadAll("model_prints")
}

@Suite struct ModelPrintFixtureTests {
    @Test func thereAreEnoughRealModels() {
        #expect(ModelPrintFixture.all.count >= 15)
        #expect(ModelPrintFixture.all.contains { $0.expect == "trace" } && ModelPrintFixture.all.contains { $0.expect == "refuse" })
    }

    /// Every print either traces exactly as PyTorch ran it or is refused at its first container
    /// whose forward the print does not show: never a trace of another network.
    @Test(arguments: ModelPrintFixture.all)
    func printTracesExactlyOrIsRefusedByName(_ m: ModelPrintFixture) throws {
        if m.expect == "refuse" {
            let label = m.container_name!.isEmpty ? nil : m.container_name
            #expect(throws: LayerParseError.line(m.container_line!, .container(name: m.container!, label: label))) {
                try ModelParser.read(m.text)
            }
            return
        }
        let nodes = try #require(m.nodes)
        var printed = try ModelParser.read(m.text)
        #expect(printed.names == nodes.map(\.name))
        #expect(printed.layers.map(\.pytorchRepr) == nodes.map(\.module))
        // Where the print hid a setting, convscope says so; written into the line, it is PyTorch's trace.
        var lines = m.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, node) in nodes.enumerated() {
            let hidden = Set(printed.assumed[index].map(\.name))
            #expect(Set(node.print_hides ?? []).isSubset(of: hidden), "\(node.name) hides \(node.print_hides ?? [])")
            for argument in printed.assumed[index] where node.print_hides?.contains(argument.name) == true {
                let flipped = argument.assumed == "True" ? "False" : "True"
                lines[node.line - 1] = lines[node.line - 1].replacingOccurrences(of: ")", with: ", \(argument.name)=\(flipped))",
                                                                                 options: .backwards, range: nil)
            }
        }
        if nodes.contains(where: { $0.print_hides != nil }) {
            let plain = StackTrace(inputShape: m.input_shape, layers: printed.layers)
            #expect(plain.outputShape != m.output_shape, "the hidden settings change the trace, so the note matters")
            printed = try ModelParser.read(lines.joined(separator: "\n"))
        }
        let trace = StackTrace(inputShape: m.input_shape, layers: printed.layers, names: printed.names)
        #expect(trace.failure == nil)
        for (step, node) in zip(trace.layers, nodes) {
            #expect(step.inputShape == node.input_shape, "\(node.name)")
            #expect(step.outputShape == node.output_shape, "\(node.name)")
            #expect(step.parameterCount == node.params, "\(node.name)")
        }
        #expect(trace.outputShape == m.output_shape)
        #expect(trace.layers.reduce(0) { $0 + $1.parameterCount } == m.params)
    }
}
