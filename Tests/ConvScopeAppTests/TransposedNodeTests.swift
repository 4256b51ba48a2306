import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// What torch 2.13 computed for a ConvTranspose2d inside a model (scripts/make_transposed_node_fixture.py).
struct TransposedNodeFixture: Decodable {
    let input_shape: [Int], input: [Float], output_shape: [Int], output: [Float], direct: [Float]

    static let shared: TransposedNodeFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/transposed_node_torch.json")
        return try! JSONDecoder().decode(TransposedNodeFixture.self, from: Data(contentsOf: url))
    }()
}

/// A ConvTranspose2d of a model explained on its actual input: the model screen's and the graph
/// screen's view key, the inspector's two sums, and the maps scrolling where they do not fit.
@Suite("ConvTranspose2d in a model")
struct TransposedNodeTests {
    /// Conv2d(1, 8, 3, padding=1) → ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on a 1×1×6×6 ramp.
    static func modelState(columns: Int, rows: Int, language: Language = .en) -> ModelProgram {
        let layers = try! ["Conv2d(1, 8, 3, padding=1)", "ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)"]
            .map { try LayerParser.parse($0) }
        var s = ModelProgram(model: Model(inputShape: [1, 1, 6, 6], layers: layers))
        s.environment = RenderEnvironment(language: language)
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        return update(s, .stack(.selectLayer(1)))
    }

    static func keys(_ s: ModelProgram, _ keys: [Key]) -> ModelProgram { keys.reduce(s) { update($0, .key($1)) } }

    static func text(_ s: ModelProgram) -> String { view(s, maps: nil, environment: s.environment).text }

    /// The view key of the model screen's table (the coverage key, which on a ConvTranspose2d shows its forms first).
    static var viewKey: Key { KeyMap.stackBindings(.en).first { $0.actions.contains(.stack(.toggleCoverage)) }!.keys[0] }

    @Test func theLayersInputAndOutputAreTorchs() throws {
        let s = Self.modelState(columns: 200, rows: 60)
        let run = try #require(s.stack?.run)
        let torch = TransposedNodeFixture.shared
        #expect(run.outputs[0]?.shape == torch.input_shape && run.outputs[0]?.storage == torch.input)
        #expect(run.outputs[1]?.shape == torch.output_shape && run.outputs[1]?.storage == torch.output)
        // The direct form of the explanation gives torch's output, cell for cell.
        let layer = try #require({ if case let .convTranspose2d(l) = s.stack!.layer { l } else { nil } }())
        let explained = TransposedAsDirect(layer, inputHeight: 6, inputWidth: 6)
        let direct = try explained.run(input: run.outputs[0]!, weight: Model.notebookWeights(.convTranspose2d(layer))!.weight, bias: nil)
        #expect(direct.storage == torch.direct)
    }

    @Test func theViewKeyCyclesOutputDirectScatterCoverage() {
        var s = Self.modelState(columns: 200, rows: 60)
        s = Self.keys(s, [Self.viewKey])
        #expect(s.stack?.transposedView == .direct)
        #expect(Self.text(s).contains("as a direct convolution"))
        s = Self.keys(s, [Self.viewKey])
        #expect(s.stack?.transposedView == .scatter)
        #expect(Self.text(s).contains("as a scatter"))
        s = Self.keys(s, [Self.viewKey])
        #expect(s.stack?.transposedView == nil && s.stack?.coverage == true)
        s = Self.keys(s, [Self.viewKey])
        #expect(s.stack?.transposedView == nil && s.stack?.coverage == false)
        // On another layer the key is the coverage map alone; leaving the layer drops the form.
        var other = Self.keys(Self.modelState(columns: 200, rows: 60), [Self.viewKey])
        other = update(other, .stack(.selectLayer(-1)))
        #expect(other.stack?.transposedView == nil)
        other = Self.keys(other, [Self.viewKey])
        #expect(other.stack?.transposedView == nil && other.stack?.coverage == true)
    }

    @Test func theInspectedCellsTwoSumsAreTorchsValue() throws {
        var s = Self.keys(Self.modelState(columns: 200, rows: 60), [Self.viewKey, .tab, .down, .down, .down, .right, .right])
        let torch = TransposedNodeFixture.shared
        #expect(s.stack?.cursor == CellCursor(channel: 0, y: 3, x: 2))
        let value = torch.output[3 * 12 + 2]
        let text = Self.text(s)
        #expect(text.contains("direct: out[0, 3, 2] = \(NumberText.cell(value)) ="))
        #expect(text.contains("scatter: out[0, 3, 2] = \(NumberText.cell(value)) ="))
        #expect(text.contains("both forms give the same sum"))
        s = Self.keys(s, [.pageDown])
        let second = torch.output[144 + 3 * 12 + 2]
        #expect(Self.text(s).contains("direct: out[1, 3, 2] = \(NumberText.cell(second)) ="))
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                var s = Self.keys(Self.modelState(columns: columns, rows: rows, language: language), [Self.viewKey, .tab, .down, .right])
                let suffix = "\(language == .en ? "en" : "ru")-\(columns)x\(rows)"
                assertSnapshot(Self.text(s), named: "model-transposed-direct-\(suffix)")
                s = Self.keys(s, [.tab, Self.viewKey])
                assertSnapshot(Self.text(s), named: "model-transposed-scatter-\(suffix)")
            }
        }
    }

    @Test func mapsTallerThanTheAreaScrollByAPage() {
        var s = Self.keys(Self.modelState(columns: 80, rows: 24), [Self.viewKey])
        let before = Self.text(s)
        #expect(before.contains("rows 1–"), "the maps do not fit, and the first line says where they are")
        s = Self.keys(s, [.shiftDown])
        #expect(s.transposedScroll.y > 0)
        let after = Self.text(s)
        #expect(after != before && after.contains("rows \(s.transposedScroll.y + 1)–"))
        for _ in 0..<50 { s = Self.keys(s, [.shiftDown, .shiftRight]) }
        let end = s.transposedScroll
        s = Self.keys(s, [.shiftDown, .shiftRight])
        #expect(s.transposedScroll == end, "scrolling stops at the maps' end")
        s = Self.keys(s, [Self.viewKey])
        #expect(s.transposedScroll == TransposedScroll(), "another form starts at its top")
    }

    @Test func theGraphScreensViewKeyExplainsAConvTranspose2dNode() throws {
        var s = GraphScreenTests.selecting("up2", in: GraphScreenTests.state("unet_small.txt", size: 8, columns: 200, rows: 60))
        let key = try #require(KeyMap.graphBindings.first { $0.actions.contains(.graph(.cycleTransposedView)) }?.keys.first)
        s = Self.keys(s, [key])
        #expect(s.graph?.transposedView == .direct)
        let g = try #require(s.graph)
        let output = try #require(g.tensor(g.outputStep.node.name))
        let text = Self.text(s)
        #expect(text.contains("ConvTranspose2d(64, 32, kernel_size=(2, 2), stride=(2, 2)) as a direct convolution"))
        #expect(text.contains("direct: out[0, 0, 0] = \(NumberText.cell(output.storage[0])) ="))
        #expect(text.contains("both forms give the same sum"))
        s = Self.keys(s, [key])
        #expect(s.graph?.transposedView == .scatter)
        s = Self.keys(s, [key])
        #expect(s.graph?.transposedView == nil)
        // A node that is no ConvTranspose2d says what the key explains.
        var conv = GraphScreenTests.selecting("head", in: GraphScreenTests.state("unet_small.txt", size: 8))
        conv = Self.keys(conv, [key])
        #expect(conv.graph?.transposedView == nil && conv.graph?.note == .notTransposed)
    }
}
