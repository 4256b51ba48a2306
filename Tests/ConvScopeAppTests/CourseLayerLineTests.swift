import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The course screen's layer line (a ConvTranspose2d's or Conv1d's header, the code panel's
/// `conv = …`), its rows and its exports describe one layer, the one the rows ask for: for every
/// layer kind the kind row offers, every padding form and padding mode. An argument the kind
/// does not take is printed as PyTorch prints it (a ConvTranspose2d keeps a padding string as its
/// letters) beside PyTorch's refusal, never replaced by another value.
@Suite("The course layer's line, rows and exports agree")
struct CourseLayerLineTests {
    /// padding= as the rows set it: the padding row's choice, and padding_h and padding_w.
    enum PaddingForm: CaseIterable {
        case zero, square, perAxis, same, valid
        var choice: PaddingChoice { self == .same ? .same : self == .valid ? .valid : .explicit }
        /// The amounts typed into padding_h and padding_w (under a string: left from before, 1 and 3).
        var amounts: (h: Int, w: Int) { self == .zero ? (0, 0) : self == .square ? (1, 1) : (1, 3) }
    }

    /// What a user does: the sizes, the amounts, the padding row, the mode, then the kind row.
    static func state(_ kind: CourseLayerKind, _ form: PaddingForm, _ mode: PaddingMode) -> AppState {
        var s = sizedState(columns: 200, rows: 60)
        let settings: [(ParameterID, Int)] = [
            (.inChannels, 2), (.outChannels, 2), (.hIn, 8), (.wIn, 8), (.kernelSizeH, 5), (.kernelSizeW, 5),
            (.paddingH, form.amounts.h), (.paddingW, form.amounts.w),
            (.padding, PaddingChoice.allCases.firstIndex(of: form.choice)!),
            (.paddingMode, PaddingMode.allCases.firstIndex(of: mode)!),
            (.layerKind, CourseLayerKind.allCases.firstIndex(of: kind)!),
        ]
        for (id, value) in settings { s = update(s, .set(id, value)) }
        return s
    }

    /// The padding= argument PyTorch prints for what the rows ask (nil: none printed), worked out
    /// here from the test's own settings.
    static func printedPadding(_ kind: CourseLayerKind, _ form: PaddingForm) -> String? {
        let word = form == .same ? "same" : "valid"
        switch (kind, form) {
        case (_, .zero): return nil
        case (.conv1d, .square), (.conv1d, .perAxis): return "padding=(\(form.amounts.w),)"
        case (_, .square), (_, .perAxis): return "padding=(\(form.amounts.h), \(form.amounts.w))"
        case (.convTranspose2d, _): return "padding=(" + word.map { "'\($0)'" }.joined(separator: ", ") + ")"
        default: return "padding=\(word)"
        }
    }

    /// The value a row shows in the parameter panel (the word after its name).
    static func row(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n") {
            guard let start = line.range(of: "│ \(name) ") ?? line.range(of: "│▸\(name) ") else { continue }
            return line[start.upperBound...].split(separator: " ").first.map(String.init)
        }
        return nil
    }

    static func occurrences(_ word: String, in text: String) -> Int { text.components(separatedBy: word).count - 1 }

    static func json(_ s: AppState) throws -> [String: Any] {
        var bytes: [UInt8] = []
        var writer = TensorJSONWriter { bytes += $0 }
        if s.parameters.layerKind == .conv1d { writer.writeCourseSequence(s.sequence) } else { writer.writeCourseTransposed(s.parameters) }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return try #require((json["layers"] as? [[String: Any]])?.first)
    }

    static func panel(_ panel: Panel, _ s: AppState) -> String {
        var open = s
        open.panel = panel
        let lines = open.isTransposed
            ? TransposedPanelText.lines(panel, state: open, glyphs: .unicodeSet, width: 190, language: .en)
            : CodePanelText.lines(open, glyphs: .unicodeSet, width: 190, language: .en)
        return lines.map(\.text).joined(separator: "\n")
    }

    @Test func everyKindAndPaddingFormPrintsTheLayerItsRowsDescribe() throws {
        let env = RenderEnvironment(language: .en)
        for kind in CourseLayerKind.allCases {
            for form in PaddingForm.allCases {
                for mode in [PaddingMode.zeros, .reflect] {
                    let s = Self.state(kind, form, mode), p = s.parameters, what = "\(kind) \(form) \(mode)"
                    #expect(p.layerKind == kind && p.paddingChoice == form.choice && p.paddingMode == mode, "\(what)")
                    // The line: the kind's module as PyTorch prints the rows' arguments.
                    let line = switch kind {
                    case .conv2d: p.layer.pytorchRepr
                    case .convTranspose2d: p.transposedRepr
                    case .conv1d: s.sequence.layer.pytorchRepr
                    }
                    let padding = Self.printedPadding(kind, form)
                    #expect(line.hasPrefix(kind.rawValue + "("), "\(what): \(line)")
                    #expect(Self.occurrences("padding=", in: line) == (padding == nil ? 0 : 1), "\(what): \(line)")
                    if let padding { #expect(line.contains(padding), "\(what): \(line)") }
                    #expect(line.contains("padding_mode=reflect") == (mode == .reflect), "\(what): \(line)")

                    // The rows say the same: the padding row's word, the amounts (or what the string applies), the mode.
                    let screen = view(s, maps: nil, environment: env).text
                    // A row PyTorch refuses is marked `!`.
                    #expect(Self.row("padding", in: screen)?.replacingOccurrences(of: "!", with: "") == form.choice.rawValue,
                            "\(what)\n\(screen)")
                    #expect(Self.row("padding_mode", in: screen)?.hasSuffix(mode.rawValue) == true, "\(what)\n\(screen)")
                    let amountRow = kind == .conv1d ? "padding_size" : "padding_w"
                    let shownW = Self.row(amountRow, in: screen)?.replacingOccurrences(of: "!", with: "")
                    switch (form.choice, kind) {
                    case (.explicit, _): #expect(shownW == "\(form.amounts.w)", "\(what)\n\(screen)")
                    // A ConvTranspose2d's padding string pads no amount: PyTorch refuses it.
                    case (_, .convTranspose2d): #expect(shownW == "-", "\(what)\n\(screen)")
                    case (.same, _): #expect(shownW == "2", "\(what)\n\(screen)")
                    case (.valid, _): #expect(shownW == "0", "\(what)\n\(screen)")
                    }

                    switch kind {
                    case .conv2d:
                        // The code panel's nn.Conv2d and the kernel line name the same padding and mode.
                        let code = Self.panel(.code, s)
                        let pythonPadding = form.choice == .explicit ? "padding=(\(form.amounts.h), \(form.amounts.w))"
                            : "padding='\(form.choice.rawValue)'"
                        #expect(code.contains(pythonPadding) && code.contains("padding_mode='reflect'") == (mode == .reflect),
                                "\(what)\n\(code)")
                        #expect(screen.contains("padding '\(form.choice.rawValue)'") == (form.choice != .explicit), "\(what)")
                        #expect(screen.contains("· padding_mode reflect") == (mode == .reflect), "\(what)")
                    case .convTranspose2d, .conv1d:
                        // The header on screen, in the text export and in the JSON is the line.
                        #expect(screen.contains(line), "\(what)\n\(screen)")
                        let text = ExportFormat.text.export(ExportFrame.screen.canvas(s, maps: nil, environment: env), language: .en)
                        #expect(text.contains(line), "\(what)\n\(text)")
                        let mapsText = ExportFormat.text.export(ExportFrame.maps.canvas(s, maps: nil, environment: env), language: .en)
                        #expect(mapsText.contains(line), "\(what)\n\(mapsText)")
                        #expect(try Self.json(s)["layer"] as? String == line, "\(what)")
                        let canvas = ExportFrame.screen.canvas(s, maps: nil, environment: env)
                        for format in [ExportFormat.svg, .html] {
                            let file = format.export(canvas, theme: s.theme, title: ConvSlide.title(s, environment: env), language: .en)
                            #expect(file.contains(SVGExporter.escape(line)), "\(what) \(format)")
                        }
                    }

                    guard kind == .convTranspose2d else { continue }
                    // A string or another mode: PyTorch's refusal beside the line, in the JSON too.
                    let refused = form.choice != .explicit || mode != .zeros
                    #expect(screen.contains("PyTorch refuses") == refused, "\(what)\n\(screen)")
                    #expect((try Self.json(s)["error"] != nil) == refused, "\(what)")
                    let code = Self.panel(.code, s)
                    let pythonPadding = switch form {
                    case .zero: "nn.ConvTranspose2d(2, 2, 5, bias=False"
                    case .square: "padding=1,"
                    case .perAxis: "padding=(1, 3),"
                    case .same, .valid: "padding='\(form.choice.rawValue)',"
                    }
                    #expect(code.contains(pythonPadding) && code.contains("padding_mode='reflect'") == (mode == .reflect), "\(what)\n\(code)")
                    #expect(code.contains("padding=") == (form != .zero), "\(what)\n\(code)")
                    // The output-size rule takes the padding the rows give; a string gives none to put in it.
                    let formula = Self.panel(.formula, s)
                    #expect(formula.contains("H_out") == (form.choice == .explicit), "\(what)\n\(formula)")
                    if form.choice == .explicit {
                        #expect(formula.contains("2·\(form.amounts.w) +"), "\(what)\n\(formula)")
                    }
                }
            }
        }
    }

    /// What torch 2.13 printed for each case (scripts/make_course_layer_line_fixture.py): the repr,
    /// or none where the constructor refused, and the refusal's type and message.
    struct TorchCase: Decodable {
        struct Refusal: Decodable { let type: String, message: String }
        let kind: String, form: String, mode: String
        let repr: String?
        let error: Refusal?
    }

    static let torch: [TorchCase] = {
        struct File: Decodable { let cases: [TorchCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/course_layer_line_torch.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }()

    @Test func theLineIsTorchsPrintAndTheRefusalTorchsRefusal() throws {
        #expect(Self.torch.count == CourseLayerKind.allCases.count * PaddingForm.allCases.count * 2)
        for torch in Self.torch {
            let kind = try #require(CourseLayerKind(rawValue: torch.kind))
            let form = try #require(PaddingForm.allCases.first { "\($0)" == torch.form })
            let mode = try #require(PaddingMode(rawValue: torch.mode))
            let s = Self.state(kind, form, mode), what = "\(kind) \(form) \(mode)"
            switch kind {
            case .conv2d:
                #expect(s.parameters.layer.pytorchRepr == torch.repr, "\(what)")
                #expect(s.parameters.validate() == nil && torch.error == nil, "\(what)")
            case .conv1d:
                #expect(s.sequence.layer.pytorchRepr == torch.repr, "\(what)")
                #expect(s.sequence.refusal == nil && torch.error == nil, "\(what)")
            case .convTranspose2d:
                // Where the constructor refuses there is no print to compare: the line is checked above.
                if let repr = torch.repr { #expect(s.parameters.transposedRepr == repr, "\(what)") }
                let refusal = s.parameters.transposedRefusal
                #expect(refusal?.pythonType == torch.error?.type && refusal?.message == torch.error?.message, "\(what)")
            }
        }
    }

    /// A causal Conv1d runs F.pad then the layer with padding=0 and zero padding, whatever the
    /// padding rows held: the rows show that layer's (dim), as its line prints it.
    @Test func aCausalConv1dsRowsAreTheLayerF_padFeeds() {
        for form in PaddingForm.allCases {
            for mode in [PaddingMode.zeros, .reflect] {
                var s = Self.state(.conv1d, form, mode)
                s = update(s, .key(.character("T")))
                let what = "\(form) \(mode)", line = s.sequence.layer.pytorchRepr
                #expect(s.sequence.causal && !line.contains("padding"), "\(what): \(line)")
                let screen = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
                #expect(screen.contains("F.pad(x, (4, 0)) → " + line), "\(what)\n\(screen)")
                #expect(Self.row("padding", in: screen) == "explicit", "\(what)\n\(screen)")
                #expect(Self.row("padding_size", in: screen) == "0", "\(what)\n\(screen)")
                #expect(Self.row("padding_mode", in: screen) == "zeros", "\(what)\n\(screen)")
            }
        }
    }

    /// The example: 'same' then ConvTranspose2d with reflect — PyTorch's own print of that call.
    @Test func aConvTranspose2dGivenSameAndReflectPrintsBothWithTheConstructorsRefusal() {
        let s = Self.state(.convTranspose2d, .same, .reflect)
        #expect(s.parameters.transposedRepr == "ConvTranspose2d(2, 2, kernel_size=(5, 5), stride=(1, 1), "
            + "padding=('s', 'a', 'm', 'e'), bias=False, padding_mode=reflect)")
        let screen = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(screen.contains("ValueError: Only \"zeros\" padding mode is supported for ConvTranspose2d"), "\(screen)")
        #expect(!screen.contains("padding=(1, 3)"), "\(screen)")
    }

    /// The refused ConvTranspose2d's line wraps like its refusal, so its padding and padding_mode show at every size.
    @Test(arguments: [(80, 24), (200, 60), (50, 17)])
    func theRefusedLayersLineWrapsAboveItsRefusal(size: (columns: Int, rows: Int)) {
        var s = Self.state(.convTranspose2d, .same, .reflect)
        s.terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
        let screen = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        assertSnapshot(screen, named: "transposed-same-reflect-\(size.columns)x\(size.rows)")
        #expect(screen.contains("padding=('s',"), "\(screen)")
        #expect(screen.contains("ValueError:"), "\(screen)")
    }
}
