import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// What torch 2.13 computed for the course screen's family views
/// (scripts/make_course_family_fixture.py).
struct CourseFamilyFixture: Decodable {
    struct Transposed: Decodable { let output_shape: [Int], output: [Float] }
    struct Refusal: Decodable { let type: String, message: String }
    struct Flip: Decodable { let output_shape: [Int], correlation: [Float], convolution: [Float] }
    let transposed: Transposed
    let refusal: Refusal
    let flip: Flip

    static let shared: CourseFamilyFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/course_family_torch.json")
        return try! JSONDecoder().decode(CourseFamilyFixture.self, from: Data(contentsOf: url))
    }()
}

/// The course screen's ConvTranspose2d: the layer_kind row, output_padding, `v`'s three views and
/// the inspected cell's sum in both forms.
@Suite("ConvTranspose2d on the course screen")
struct TransposedScreenTests {
    /// ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on a 1×8×4×4 ramp, set
    /// through the rows as a user would.
    static func state(columns: Int, rows: Int) -> AppState {
        var s = sizedState(columns: columns, rows: rows)
        for (id, value) in [(ParameterID.layerKind, 1), (.inChannels, 8), (.outChannels, 4), (.hIn, 4), (.wIn, 4),
                            (.paddingH, 1), (.paddingW, 1), (.strideH, 2), (.strideW, 2),
                            (.outputPaddingH, 1), (.outputPaddingW, 1)] {
            s = update(s, .set(id, value))
        }
        return s
    }

    static func text(_ s: AppState, _ language: Language = .en) -> String {
        let maps = try! ComputedMaps(ConvExperiment(s.parameters))
        return view(s, maps: maps, environment: RenderEnvironment(language: language)).text
    }

    static func keys(_ s: AppState, _ keys: [Key]) -> AppState { keys.reduce(s) { update($0, .key($1)) } }

    @Test func theRowsReadAsPyTorchsLayerAndItsOutputIsTorchs() throws {
        let s = Self.state(columns: 200, rows: 60)
        #expect(s.parameters.transposedLayer.pytorchRepr
            == "ConvTranspose2d(8, 4, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1), bias=False)")
        let torch = CourseFamilyFixture.shared.transposed
        let size = s.parameters.transposedInputSize
        let out = try TransposedAsDirect(s.parameters.transposedLayer, inputHeight: size.h, inputWidth: size.w)
            .run(input: s.parameters.makeInput(), weight: s.parameters.transposedWeight(), bias: nil)
        #expect(out.shape == torch.output_shape)
        #expect(out.storage == torch.output)
        let text = Self.text(s)
        #expect(text.contains("nn.ConvTranspose2d"))
        #expect(text.contains("out 1×4×8×8"))
        #expect(text.contains("H_out = (4−1)·2 − 2·1 + 1·(3−1) + 1 + 1 = 8"))
    }

    @Test func vCyclesTheLayerTheDirectFormAndTheScatter() {
        var s = Self.state(columns: 200, rows: 60)
        s = Self.keys(s, [.character("v")])
        #expect(s.transposedView == .direct)
        let direct = Self.text(s)
        #expect(direct.contains("1. insert stride − 1 = (1, 1) zeros between input cells: 8×4×4 → 8×7×7"))
        #expect(direct.contains("flipped kernel 0←0"))
        s = Self.keys(s, [.character("v")])
        #expect(s.transposedView == .scatter)
        #expect(Self.text(s).contains("stamps per output cell"))
        s = Self.keys(s, [.character("v")])
        #expect(s.transposedView == nil)
    }

    /// The done-when case: one output cell's sum written both ways, equal, and equal to torch's value.
    @Test func theInspectedCellsSumIsTorchsInBothForms() {
        var s = Self.state(columns: 200, rows: 60)
        s = Self.keys(s, [.character("v"), .tab, .pageDown, .down, .down, .down, .right, .right, .right])
        #expect(s.focus == .output)
        #expect(s.outputCursor == CellCursor(channel: 1, y: 3, x: 3))
        let torch = CourseFamilyFixture.shared.transposed
        let expected = NumberText.cell(torch.output[(1 * 8 + 3) * 8 + 3])
        let lines = Self.text(s).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.contains("direct: out[1, 3, 3] = \(expected) = ") })
        #expect(lines.contains { $0.contains("scatter: out[1, 3, 3] = \(expected) = ") })
        #expect(lines.contains { $0.contains("both forms give the same sum") })
    }

    @Test func outputPaddingBeyondTheStrideIsPyTorchsRefusal() {
        var s = Self.state(columns: 120, rows: 40)
        s = update(s, .set(.outputPaddingH, 2))
        s = update(s, .set(.outputPaddingW, 2))
        let refusal = CourseFamilyFixture.shared.refusal
        #expect(s.parameters.transposedRefusal?.pythonType == refusal.type && s.parameters.transposedRefusal?.message == refusal.message)
        #expect(s.parameters.transposedRefusal?.culprits.contains(.outputPaddingW) == true)
        let text = Self.text(s).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("PyTorch refuses these parameters, no output: RuntimeError: output padding must be"))
        // No output: Tab stays on the rows.
        #expect(Self.keys(s, [.tab]).focus == .parameters)
    }

    @Test func padStringsAndOtherModesAreRefusedAsPyTorchDoes() {
        var s = Self.state(columns: 120, rows: 40)
        s = update(s, .set(.paddingMode, 1))
        #expect(s.parameters.transposedRefusal?.message == "Only \"zeros\" padding mode is supported for ConvTranspose2d")
        s = update(s, .set(.paddingMode, 0))
        s = update(s, .set(.padding, 1))
        #expect(s.parameters.transposedRefusal?.pythonType == "TypeError")
    }

    /// torch 2.13: `nn.ConvTranspose2d(4, 3, 4, stride=2, padding='same', dilation=2, groups=2)` is
    /// refused by its constructor (ValueError: out_channels must be divisible by groups) before
    /// the padding string's TypeError of the forward; with groups dividing both, the TypeError.
    @Test func theConstructorsGroupsRefusalComesBeforeThePaddingStrings() {
        var s = Self.state(columns: 120, rows: 40)
        for (row, value) in [(ParameterID.inChannels, 4), (.outChannels, 3), (.groups, 2), (.padding, 1)] { s = update(s, .set(row, value)) }
        #expect(s.parameters.paddingChoice == .same && s.parameters.groups == 2)
        #expect(s.parameters.transposedRefusal?.pythonType == "ValueError")
        #expect(s.parameters.transposedRefusal?.message == "out_channels must be divisible by groups")
        s = update(s, .set(.outChannels, 4))
        #expect(s.parameters.transposedRefusal?.pythonType == "TypeError")
        #expect(s.parameters.transposedRefusal?.culprits == [.padding])
    }

    @Test func vOnAConv2dSaysWhatItExplains() {
        let s = Self.keys(sizedState(columns: 80, rows: 24), [.character("v")])
        #expect(s.transposedView == nil)
        #expect(s.message == "this explains a ConvTranspose2d: set the layer row to ConvTranspose2d")
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                var s = Self.state(columns: columns, rows: rows)
                s = Self.keys(s, [.tab, .down, .right])
                for (name, view) in [("layer", nil), ("direct", TransposedView.direct), ("scatter", .scatter)] as [(String, TransposedView?)] {
                    s.transposedView = view
                    assertSnapshot(Self.text(s, language), named: "transposed-\(name)-\(language == .en ? "en" : "ru")-\(columns)x\(rows)")
                }
            }
        }
        // The smallest window: the two totals and whether they agree, without the terms.
        var small = Self.keys(Self.state(columns: 50, rows: 17), [.character("v"), .tab, .down, .right])
        small.transposedView = .direct
        let text = Self.text(small)
        assertSnapshot(text, named: "transposed-direct-en-50x17")
        #expect(text.contains("[0,1,1] direct 16") && text.contains("[0,1,1] scatter 16") && text.contains("sums equal"))
    }
}
