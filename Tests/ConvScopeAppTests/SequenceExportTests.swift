import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// Exports of the course screen's Conv1d (text, ansi, svg, html pictures and the json values)
/// carry its one-row maps, layer line and values as torch 2.13 computes them
/// (scripts/make_course_sequence_fixture.py), never the Conv2d reading of the rows.
@Suite("Exporting the course screen's Conv1d")
struct SequenceExportTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            struct Rows: Decodable {
                let length: Int, cin: Int, cout: Int, k: Int, stride: Int, dilation: Int, groups: Int
                let padding: Int?, bias: Float?, mode: String, causal: Bool
            }
            let `case`: Rows
            let output_shape: [Int]?, output: [Float]?
        }
        let cases: [Case]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ConvCoreTests/Fixtures/course_sequence_torch.json")
        // 'same'/'valid' cases decode with padding nil; the cases used here give an amount.
        let data = try! Data(contentsOf: url)
        let raw = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        var cases = raw["cases"] as! [[String: Any]]
        for i in cases.indices where !((cases[i]["case"] as! [String: Any])["padding"] is Int) {
            var rows = cases[i]["case"] as! [String: Any]
            rows["padding"] = NSNull()
            cases[i]["case"] = rows
        }
        return try! JSONDecoder().decode(Fixture.self, from: JSONSerialization.data(withJSONObject: ["cases": cases]))
    }()

    /// The course state of a fixture case (explicit padding), causal by its key as a user turns it on.
    static func state(_ c: Fixture.Case, columns: Int = 200, rows: Int = 60) -> AppState {
        let r = c.case
        var p = Conv2dSettings()
        p.layerKind = .conv1d
        p.geometry.wIn = r.length; p.geometry.inChannels = r.cin; p.geometry.outChannels = r.cout
        p.geometry.kernelSizeW = r.k; p.geometry.strideW = r.stride; p.geometry.dilationW = r.dilation
        p.geometry.paddingW = r.padding!
        p.groups = r.groups; p.bias = r.bias; p.paddingMode = PaddingMode(rawValue: r.mode)!
        var s = AppState(parameters: p)
        s.terminalSize = TerminalSize(columns: columns, rows: rows)
        if r.causal { s = update(s, .key(.character("T"))) }
        return s
    }

    /// Fixture cases 3 (stride 2, padding 2, bias 5, four outputs) and 1 (causal).
    static let cases = [fixture.cases[3], fixture.cases[1]]

    /// The numbers on the line labelled `label` of a text export.
    static func numbers(after label: String, in text: String) -> [Float] {
        // On the whole screen the line starts with the parameter panel's row.
        guard let line = text.split(separator: "\n").first(where: { $0.contains("  \(label) ") }),
              let start = line.range(of: "  \(label) ") else { return [] }
        return line[start.upperBound...].split(separator: " ").compactMap { Float($0.filter { $0 != "*" }) }
    }

    @Test(arguments: [ExportFrame.screen, .maps])
    func theTextExportShowsTheConv1dsValues(frame: ExportFrame) throws {
        for c in Self.cases {
            let s = Self.state(c)
            let env = RenderEnvironment(language: .en)
            let text = ExportFormat.text.export(frame.canvas(s, maps: nil, environment: env), language: .en)
            let length = c.output_shape![2]
            #expect(text.contains(s.sequence.layer.pytorchRepr))
            #expect(c.case.causal == text.contains("F.pad(x, ("))
            #expect(text.contains("L_out = ") && !text.contains("H_out") && !text.contains("Conv2d"), "\(text)")
            for o in 0..<c.output_shape![1] {
                // Output channel 0 leads (the inspected one); the others follow in order.
                #expect(Self.numbers(after: "out \(o)", in: text) == Array(c.output![(o * length)..<((o + 1) * length)]), "\(text)")
            }
        }
    }

    @Test(arguments: [(80, 24), (50, 17)])
    func theMapsFrameShowsTheWholeConv1dOnASmallScreen(size: (columns: Int, rows: Int)) {
        for c in Self.cases {
            var s = Self.state(c, columns: size.columns, rows: size.rows)
            s = update(s, .focusNext)
            let text = ExportFormat.text.export(ExportFrame.maps.canvas(s, maps: nil, environment: RenderEnvironment(language: .en)),
                                                language: .en)
            // The layer line wraps at its arguments where the maps area is narrower than it.
            #expect(text.filter { !$0.isWhitespace }.contains(s.sequence.layer.pytorchRepr.filter { !$0.isWhitespace }), "\(text)")
            let length = c.output_shape![2]
            for o in 0..<c.output_shape![1] {
                #expect(Self.numbers(after: "out \(o)", in: text) == Array(c.output![(o * length)..<((o + 1) * length)]), "\(text)")
            }
        }
    }

    @Test func theMapsFrameOfAConvTranspose2dKeepsItsOwnRules() {
        var s = sizedState(columns: 50, rows: 17)
        for (id, value) in [(ParameterID.layerKind, CourseLayerKind.allCases.firstIndex(of: .convTranspose2d)!), (.inChannels, 2),
                            (.outChannels, 2), (.hIn, 5), (.wIn, 5), (.strideH, 2), (.strideW, 2)] {
            s = update(s, .set(id, value))
        }
        let text = ExportFormat.text.export(ExportFrame.maps.canvas(s, maps: nil, environment: RenderEnvironment(language: .en)),
                                            language: .en)
        // nn.ConvTranspose2d(2, 2, 3, stride=2) on 5×5: (5 − 1)·2 + 3 = 11 each way; both rules whole, on their own lines.
        #expect(text.contains("\n H_out = (5−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 11\n W_out = (5−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 11\n"), "\(text)")
        #expect(text.contains("ConvTranspose2d(2, 2, kernel_size=(3, 3), stride=(2, 2), bias=False)"))
        #expect(!text.contains("⌊"))
    }

    @Test func everyPictureFormatIsTheSameConv1dPicture() throws {
        let s = Self.state(Self.cases[0])
        var env = RenderEnvironment(language: .ru)
        env.colorDepth = .trueColor
        let canvas = ExportFrame.screen.canvas(s, maps: nil, environment: env)
        let title = ConvSlide.title(s, environment: env)
        #expect(title == "Conv1d · вход 1×2×12 → выход 1×4×7")
        let text = ExportFormat.text.export(canvas, language: .ru)
        let ansi = ExportFormat.ansi.export(canvas, language: .ru)
        let plain = ansi.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(plain.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
                == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for format in [ExportFormat.svg, .html] {
            let file = format.export(canvas, theme: s.theme, title: title, language: .ru)
            #expect(file.contains(title), "\(format)")
            #expect(file.contains("Conv1d(2, 4, kernel_size=(3,)"), "\(format)")
            #expect(!file.contains("H_out"), "\(format)")
        }
    }

    @Test func theJSONCarriesTheConv1dsShapeAndValues() throws {
        for c in Self.cases {
            var bytes: [UInt8] = []
            var writer = TensorJSONWriter { bytes += $0 }
            writer.writeCourseSequence(Self.state(c).sequence)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let layer = try #require((json["layers"] as? [[String: Any]])?.first)
            #expect(json["input_shape"] as? [Int] == [1, c.case.cin, c.case.length])
            #expect(json["causal"] as? Bool == c.case.causal)
            #expect(layer["output_shape"] as? [Int] == c.output_shape)
            #expect((layer["output"] as? [NSNumber])?.map(\.floatValue) == c.output)
        }
    }

    @Test func anExportNeverWaitsForTheConv2dsMaps() {
        #expect(!ExportFrame.waitsForMaps(Self.state(Self.cases[0]), maps: nil))
    }
}
