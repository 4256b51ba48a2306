import Testing
import ConvCore
@testable import ConvScopeApp

/// The course notebook titles each map with its tensor's shape: every section's title keeps it at
/// every window size from the smallest (50×17) to 300×100, in both languages, whatever the notes
/// (block sizes, page markers, facts) want of the room.
@Suite("Titles keep their shape")
struct TitleShapeTests {
    static let sizes: [(Int, Int)] = {
        var sizes = [(50, 17), (80, 24), (300, 100)]
        for columns in stride(from: 50, through: 300, by: 13) {
            for rows in stride(from: 17, through: 100, by: 11) { sizes.append((columns, rows)) }
        }
        return sizes
    }()

    static func settings(h: Int = 8, w: Int = 8, cin: Int = 3, cout: Int = 2, kernel: String = "ones") -> Conv2dSettings {
        var p = ConvParameters()
        p.hIn = h; p.wIn = w; p.inChannels = cin; p.outChannels = cout
        var s = Conv2dSettings(p)
        s.kernel = .preset(KernelPreset(argument: kernel)!)
        return s
    }

    static let cases: [(name: String, parameters: Conv2dSettings)] = [
        ("defaults", settings()),
        ("1024×1024", settings(h: 1024, w: 1024)),
        ("64 channels of 300×300", settings(h: 300, w: 300, cin: 64, cout: 64)),
        ("gauss kernel", settings(cin: 8, cout: 8, kernel: "gauss")),
    ]

    @Test(arguments: cases.indices)
    func courseScreenTitlesKeepTheirShape(_ index: Int) {
        let (name, p) = Self.cases[index]
        let maps = try! ComputedMaps(ConvExperiment(p))
        var missing: [String] = []
        for (i, (columns, rows)) in Self.sizes.enumerated() {
            let lang: Language = i % 2 == 0 ? .en : .ru
            var state = AppState(parameters: p)
            state.terminalSize = TerminalSize(columns: columns, rows: rows)
            state.environment = RenderEnvironment(language: lang)
            let layout = Layout.compute(state, environment: state.environment, widths: maps.widths)
            let text = view(state, maps: maps, environment: state.environment).text
            let g = state.environment.glyphs
            var titles = [ScreenText.sectionTitle(.input, shape: state.parameters.inputShape, lang, g),
                          ScreenText.sectionTitle(.output, shape: state.parameters.outputShape!, lang, g)]
            if layout.kernel != nil { titles.append(ScreenText.sectionTitle(.kernel, shape: state.parameters.kernelShape, lang, g)) }
            for title in titles where !text.contains(title) { missing.append("\(name) \(columns)×\(rows) \(lang): \(title)") }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5).joined(separator: "\n"))")
    }

    @Test func stackScreenTitlesKeepTheirShape() {
        var missing: [String] = []
        for (i, (columns, rows)) in Self.sizes.enumerated() {
            let lang: Language = i % 2 == 0 ? .en : .ru
            var s = ModelProgram(model: StackUpdateTests.model("encoder_decoder.txt", size: 64))
            s.environment = RenderEnvironment(language: lang)
            s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
            let text = view(s, maps: nil, environment: s.environment).text
            let stack = s.stack!, g = s.environment.glyphs
            let output = stack.trace.layers[stack.selected].outputShape!
            for title in [ScreenText.sectionTitle(.input, shape: stack.model.inputShape, lang, g),
                          ScreenText.sectionTitle(.output, shape: output, lang, g)] where !text.contains(title) {
                missing.append("\(columns)×\(rows) \(lang): \(title)")
            }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5).joined(separator: "\n"))")
    }
}
