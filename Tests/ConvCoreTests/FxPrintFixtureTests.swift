import Foundation
import Testing
@testable import ConvCore

/// A model's `print(torch.fx.symbolic_trace(model))` and what torch 2.13's ShapeProp says of each
/// node (`scripts/make_fx_fixtures.py`, torchvision 0.28).
struct FxPrintFixture: PrintFixture, CustomTestStringConvertible, Sendable {
    struct Node: Decodable, Sendable {
        let name: String
        let op: String
        let target: String
        let inputs: [String]
        let shape: [Int]?
        let params: Int
    }

    let id: String
    let input_shape: [Int]
    let nodes: [Node]
    let output_shape: [Int]
    let params: Int
    let placeholder: String
    var text = ""

    enum CodingKeys: String, CodingKey { case id, input_shape, nodes, output_shape, params, placeholder }

    var testDescription: String { id }

    static let all = loadAll("fx_prints")
}

@Suite struct FxPrintFixtureTests {
    @Test func twelveRealModelsAndAUNet() {
        #expect(FxPrintFixture.all.count >= 16)
    }

    /// Every node's name, inputs, shape and parameters equal torch's; the totals too.
    @Test(arguments: FxPrintFixture.all)
    func tracedGraphMatchesShapeProp(_ f: FxPrintFixture) throws {
        let model = try FxModelReader.read(f.text)
        #expect(model.inputName == f.placeholder)
        #expect(model.nodes.map(\.name) == f.nodes.map(\.name))
        let trace = GraphTrace(model, inputShape: f.input_shape)
        #expect(trace.failure == nil, "\(String(describing: trace.failure))")
        // A parameter read by get_attr counts where it is read; one whose shape the print does not
        // give (ConvNeXt's layer_scale) is a broadcast number of unknown size, left out of the total.
        var unsized = 0
        for (step, node) in zip(trace.steps, f.nodes) {
            #expect(step.node.inputs == node.inputs, "\(node.name)")
            if node.op == "get_attr" {
                #expect(step.node.target == node.target, "\(node.name)")
                if case .parameter(shape: nil) = step.node.operation {
                    unsized += (node.shape ?? []).reduce(1, *)
                    continue
                }
                #expect(step.parameterCount == (node.shape ?? []).reduce(1, *), "\(node.name)")
            } else {
                #expect(step.parameterCount == node.params, "\(node.name)")
            }
            #expect(step.outputShape == node.shape, "\(node.name)")
            if node.op == "call_module" { #expect(step.node.target == node.target, "\(node.name)") }
        }
        #expect(trace.outputShape == f.output_shape)
        #expect(trace.parameterCount == f.params - unsized)
    }
}

/// Receptive fields through a traced graph, against the independent figures (gradient support of
/// one output cell of an all-ones copy): VGG16's pool5 212, AlexNet's last pool 195.
@Suite struct FxReceptiveFieldTests {
    static func field(_ id: String, node: String) throws -> Field? {
        let f = try #require(FxPrintFixture.all.first { $0.id == id })
        let trace = GraphTrace(try FxModelReader.read(f.text), inputShape: f.input_shape)
        return trace.steps.first { $0.node.name == node }?.field
    }

    @Test func vggAndAlexNetLastPools() throws {
        #expect(try Self.field("vgg16", node: "features_30")?.h.size == Fraction(212))
        #expect(try Self.field("alexnet", node: "features_12")?.h.size == Fraction(195))
    }

    /// ConvNeXt's block runs channels-last between two permutes: the field is carried through its
    /// LayerNorm and Linear layers and back: stem 4/4 (r 4) then a 7×7 depthwise conv at jump 4 (r 28).
    @Test func convNeXtsFieldCrossesItsChannelsLastBlock() throws {
        #expect(try Self.field("convnext_tiny", node: "permute_2") == nil)
        #expect(try Self.field("convnext_tiny", node: "permute_3")?.h.size == Fraction(28))
        #expect(try Self.field("convnext_tiny", node: "add")?.h.size == Fraction(28))
    }

    /// After a transposed convolution the field depends on the cell: the table gives its range,
    /// the widest being r; a ResNet's every cell has the same field.
    @Test func aFieldThatDependsOnTheCellHasARange() throws {
        let f = try #require(FxPrintFixture.all.first { $0.id == "unet_small" })
        let trace = GraphTrace(try FxModelReader.read(f.text), inputShape: f.input_shape)
        let head = try #require(trace.steps.first { $0.node.name == "head" })
        let range = try #require(head.fieldRange)
        #expect(range.h == 22...26 && range.w == 22...26)
        #expect(head.field?.h.size == Fraction(26))
        let r18 = try #require(FxPrintFixture.all.first { $0.id == "resnet18" })
        #expect(GraphTrace(try FxModelReader.read(r18.text), inputShape: r18.input_shape).steps.allSatisfy { $0.fieldRange == nil })
    }

    /// After an addition a cell depends on both paths: the toy's conv branch (5) and its skip (3).
    @Test func anAdditionTakesTheUnionOfItsPaths() throws {
        #expect(try Self.field("toy_residual", node: "relu")?.h.size == Fraction(3))
        #expect(try Self.field("toy_residual", node: "add")?.h.size == Fraction(5))
        #expect(try Self.field("toy_residual", node: "flatten") == nil)
    }
}
