import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The explain key on the course screen's depthwise-separable pair: the pointwise layer's stage,
/// the depthwise output above the 1×1 Conv2d's output, with torch's values.
@Suite("Pointwise maps on the course screen")
struct PointwiseScreenTests {
    struct Fixture: Decodable {
        struct Pointwise: Decodable { let output_shape: [Int], output: [Float] }
        let pointwise: Pointwise
    }

    static let torch: Fixture.Pointwise = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/transposed_node_torch.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).pointwise
    }()

    /// Conv2d(3, 6, 3, padding=1) on the 1×3×8×8 ramp, made depthwise-separable, the explain key pressed.
    static func state(columns: Int, rows: Int) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        for (id, value) in [(ParameterID.inChannels, 3), (.outChannels, 6), (.hIn, 8), (.wIn, 8), (.paddingH, 1), (.paddingW, 1)] {
            s = update(s, .set(id, value))
        }
        let explain = KeyMap.bindings.first { $0.actions.contains(.cycleTransposedView) }!.pairs.first { $0.action == .cycleTransposedView }!.key
        s = update(s, .key(.character("G")))
        return update(s, .key(explain))
    }

    @Test func theExplainKeyShowsThePointwiseOutputWithTorchsValues() throws {
        let s = Self.state(columns: 200, rows: 60)
        #expect(s.pointwiseMapsShown && s.pointwiseOutputs == 6)
        let maps = try ComputedMaps(ConvExperiment(s.parameters))
        let depthwise = try maps.experiment.output.get()
        let out = PointwiseScreenView.output(depthwise: depthwise, outChannels: 6)
        #expect(out.shape == Self.torch.output_shape && out.storage == Self.torch.output)
        let text = TransposedScreenTests.text(s)
        #expect(text.contains("depthwise output 1×3×8×8") && text.contains("pointwise output 1×6×8×8"))
        #expect(text.contains("Conv2d(3, 6, 1), weights all ones"))
        #expect(text.contains(" 108 "))
        // Again: the depthwise layer's maps.
        let back = update(s, .cycleTransposedView)
        #expect(!back.pointwiseMapsShown && !TransposedScreenTests.text(back).contains("pointwise output"))
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                assertSnapshot(TransposedScreenTests.text(Self.state(columns: columns, rows: rows), language),
                               named: "pointwise-\(language == .en ? "en" : "ru")-\(columns)x\(rows)")
            }
        }
    }
}
