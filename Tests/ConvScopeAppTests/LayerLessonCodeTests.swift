import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The code panel of a model's layer open in the course screen, pasted into Python with torch,
/// gives the screen's numbers for that layer: the model as an nn.Sequential, every Conv2d weighed
/// as the model weighs it, the forward up to the layer. Skipped, saying so, without torch.
@Suite("Code panel of a model's layer in PyTorch")
struct LayerLessonCodeTests {
    /// The panel's Python lines: under its heading.
    static func python(_ s: ModelProgram) -> String {
        let lines = CodePanelText.lines(s.lesson!, glyphs: .unicodeSet, width: 70, language: .en).map(\.text)
        #expect(lines.first == PanelWords.pytorchHeading(.en))
        return lines.dropFirst().joined(separator: "\n")
    }

    /// Layer `index` of `model` open in the course screen.
    static func lesson(_ model: Model, _ index: Int) -> ModelProgram {
        var s = update(ModelProgram(model: model), .start(TerminalSize(columns: 120, rows: 40)))
        s = update(s, .stack(.chooseLayer(index)))
        return update(s, .key(LayerLesson.key))
    }

    static var cases: [ModelProgram] {
        get throws {
            var vgg = try LayerLessonScreenTests.lesson(columns: 120, rows: 40)  // sobel-x at features.3
            var odd = lesson(LayerLessonTests.model.settingWeightSource(LayerWeightSource(kernel: .preset(.random(start: 4)), bias: 2),
                                                                        at: 0), 2)
            vgg = update(vgg, .togglePanel(.code))
            odd = update(odd, .togglePanel(.code))
            return [vgg, odd]
        }
    }

    @Test func theCodeNamesTheModelAndMarksTheLayer() throws {
        let code = Self.python(try Self.cases[0])
        #expect(code.contains("model = nn.Sequential(") && code.contains("# (3) features.3 ◀ on screen"), "\(code)")
        #expect(code.contains("y = model[3](x_in)"), "\(code)")
        let odd = Self.python(try Self.cases[1])
        #expect(odd.contains("padding_mode='reflect'") && odd.contains("groups=2"), "strings quoted as Python takes them\n\(odd)")
    }

    /// Without torch: the layer on screen gives what PyTorch gave for the code's model (a committed
    /// fixture, scripts/make_lesson_fixture.py): features.3 weighed by sobel-x on its input.
    @Test func theLayerOnScreenIsPyTorchsLayer() throws {
        let data = try Data(contentsOf: LayerLessonScreenTests.fixtures.appendingPathComponent("lesson_vgg_like_torch.json"))
        let torch = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let layer = (torch["sobel-x"] as! [[String: Any]])[3]
        let screen = try ConvExperiment(try Self.cases[0].lesson!.parameters).output.get().tensor
        #expect(screen.shape == layer["shape"] as? [Int])
        #expect(screen.storage == (layer["values"] as! [Double]).map(Float.init))
    }

    @Test(.enabled(if: CodePanelPythonTests.torchAvailable, "python3 with torch is not installed: the code panel's code is not run"))
    func theCodeGivesTheScreensNumbers() throws {
        let cases = try Self.cases
        let programs = cases.map(Self.python)
        let outputs = try torchOutputs(of: programs)
        #expect(outputs.count == cases.count)
        for (i, (s, torch)) in zip(cases, outputs).enumerated() {
            let values = try ConvExperiment(s.lesson!.parameters).output.get().tensor.storage
            let close = values.count == torch.count && zip(values, torch).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) }
            #expect(close, "case \(i): the screen and PyTorch differ\n\(programs[i])\nscreen \(values.prefix(8))\ntorch  \(torch.prefix(8))")
        }
    }
}
