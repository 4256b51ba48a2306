import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The course screen's cost, formula and code panels for a ConvTranspose2d: PyTorch's parameter
/// count and output size, both multiplication counts, and `nn.ConvTranspose2d(...)` code that
/// gives the screen's numbers when pasted into PyTorch.
@Suite("ConvTranspose2d panels")
struct TransposedPanelTests {
    struct Panels: Decodable {
        struct Layer: Decodable { let repr: String, parameters: Int, output_shape: [Int] }
        let panels: [Layer]
    }

    static let torch: [Panels.Layer] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/transposed_node_torch.json")
        return try! JSONDecoder().decode(Panels.self, from: Data(contentsOf: url)).panels
    }()

    /// The fixture's two layers set through the course screen's rows: the course notes' example,
    /// and a grouped, dilated one with a bias on a 1×4×5×5 input.
    static func states(columns: Int = 200, rows: Int = 60) -> [AppState] {
        var grouped = sizedState(columns: columns, rows: rows)
        for (id, value) in [(ParameterID.layerKind, 1), (.inChannels, 4), (.outChannels, 6), (.hIn, 5), (.wIn, 5),
                            (.strideH, 2), (.strideW, 2), (.groups, 2), (.dilationH, 2), (.dilationW, 2), (.bias, 1)] {
            grouped = update(grouped, .set(id, value))
        }
        return [TransposedScreenTests.state(columns: columns, rows: rows), grouped]
    }

    static func lines(_ panel: Panel, _ s: AppState, _ language: Language = .en) -> [String] {
        TransposedPanelText.lines(panel, state: s, glyphs: .unicodeSet, width: 120, language: language).map(\.text)
    }

    @Test func theCostPanelCountsPyTorchsParametersAndBothMultiplications() {
        for (s, torch) in zip(Self.states(), Self.torch) {
            #expect(s.parameters.transposedLayer.pytorchRepr == torch.repr)
            let text = Self.lines(.cost, s).joined(separator: "\n")
            #expect(text.contains("= \(NumberText.grouped(torch.parameters, .en))\n"), "\(text)")
            // The scatter's count is the one the model screen reports for the same layer.
            let layer = s.parameters.transposedLayer, input = s.parameters.transposedInputSize
            let trace = StackTrace(inputShape: [1, layer.inChannels, input.h, input.w], layers: [.convTranspose2d(layer)])
            #expect(text.contains("= \(NumberText.grouped(trace.layers[0].multiplications, .en))\n"), "\(text)")
            let out = torch.output_shape
            let direct = layer.outChannels * (layer.inChannels / layer.groups) * 9 * out[2] * out[3]
            #expect(text.contains("= \(NumberText.grouped(direct, .en))\n"), "\(text)")
        }
    }

    @Test func theFormulaPanelReachesTorchsSizeTwoWays() {
        for (s, torch) in zip(Self.states(), Self.torch) {
            let text = Self.lines(.formula, s)
            let sizes = text.filter { $0.contains("H_out") || $0.contains("stride-1 conv") }
            #expect(sizes.allSatisfy { $0.hasSuffix("= \(torch.output_shape[2])") } || text.joined().contains("= \(torch.output_shape[2])"))
            #expect(text.filter { $0.hasSuffix(" = \(torch.output_shape[2])") }.count >= 4, "\(text.joined(separator: "\n"))")
        }
    }

    @Test(.enabled(if: CodePanelPythonTests.torchAvailable, "python3 with torch is not installed: the code panel's code is not run"))
    func theCodePanelGivesTheScreensNumbersInPyTorch() throws {
        var cases = Self.states()
        cases.append(update(cases[0], .set(.kernel, 3)))
        cases.append(update(cases[1], .set(.input, 4)))
        let programs = cases.map { s in
            let lines = Self.lines(.code, s)
            return lines[1..<lines.firstIndex(of: PanelWords.commandHeading(.en))!].joined(separator: "\n")
        }
        #expect(programs.allSatisfy { $0.contains("conv = nn.ConvTranspose2d(") })
        let outputs = try torchOutputs(of: programs)
        #expect(outputs.count == cases.count)
        for (i, (s, torch)) in zip(cases, outputs).enumerated() {
            let p = s.parameters, size = p.transposedInputSize
            let screen = try TransposedAsDirect(p.transposedLayer, inputHeight: size.h, inputWidth: size.w)
                .run(input: p.makeInput(), weight: p.transposedWeight(), bias: p.transposedBias).storage
            let close = screen.count == torch.count && zip(screen, torch).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) }
            #expect(close, "case \(i): the screen and PyTorch differ\n\(programs[i])")
        }
    }

    @Test func panelsOpenOnTheScreenInBothLanguages() {
        for (columns, rows) in [(80, 24), (200, 60)] {
            for language in [Language.en, .ru] {
                for panel in [Panel.cost, .formula, .code] {
                    var s = TransposedScreenTests.state(columns: columns, rows: rows)
                    s = update(s, .togglePanel(panel))
                    #expect(s.panel == panel)
                    let text = TransposedScreenTests.text(s, language)
                    assertSnapshot(text, named: "transposed-panel-\(panel.rawValue)-\(language == .en ? "en" : "ru")-\(columns)x\(rows)")
                }
            }
        }
    }
}

/// The animation keys on a ConvTranspose2d say where its forms are animated instead of doing nothing.
@Suite("ConvTranspose2d animation key")
struct TransposedAnimationKeyTests {
    @Test func playAndStepSayRenderAnimatesTheForms() {
        for action in [Action.togglePlay, .step(1)] {
            let s = update(TransposedScreenTests.state(columns: 120, rows: 40), action)
            #expect(!s.playing)
            #expect(s.message == "the screen animates a Conv2d's window; a ConvTranspose2d's forms animate in convscope render --view direct|scatter --animate")
        }
    }
}
