import Testing
import ConvCore
@testable import ConvScopeApp

/// The screens as a teacher tries them in a lab, in both languages, at the size each problem was
/// seen: a 1024² input's titles, the model screen's U-Net notes, `w` on a refused layer, and the
/// indices at 160×50.
@Suite("Small windows in both languages")
struct SmallWindowSnapshotTests {
    static func course(_ p: Conv2dSettings, _ lang: Language, columns: Int, rows: Int,
                       _ actions: [Action] = []) -> String {
        var state = AppState(parameters: p)
        state.terminalSize = TerminalSize(columns: columns, rows: rows)
        state.environment = RenderEnvironment(language: lang)
        state = actions.reduce(state) { update($0, $1) }
        let maps = try? ComputedMaps(ConvExperiment(state.parameters))
        return view(state, maps: maps, environment: state.environment).text
    }

    @Test(arguments: [(Language.en, 80, 24), (.ru, 80, 24), (.en, 50, 17), (.ru, 50, 17)])
    func aLargeInputKeepsItsShape(_ lang: Language, columns: Int, rows: Int) {
        var geometry = ConvParameters()
        geometry.hIn = 1024; geometry.wIn = 1024
        let text = Self.course(Conv2dSettings(geometry), lang, columns: columns, rows: rows)
        assertSnapshot(text, named: "input-1024-\(lang.rawValue)-\(columns)x\(rows)")
        #expect(text.contains(lang.pick("input 1×3×1024×1024", "вход 1×3×1024×1024")))
        #expect(text.contains(lang.pick("output 1×2×1022×1022", "выход 1×2×1022×1022")))
    }

    @Test(arguments: [Language.en, .ru])
    func theWKeyOnARefusedLayer(_ lang: Language) {
        var geometry = ConvParameters()
        geometry.kernelSizeH = 9; geometry.kernelSizeW = 9
        let text = Self.course(Conv2dSettings(geometry), lang, columns: 80, rows: 24, [.toggleKernelSection])
        assertSnapshot(text, named: "w-refused-\(lang.rawValue)-80x24")
        #expect(!text.contains(lang.pick("hidden", "скрыт")))
    }

    @Test(arguments: [Language.en, .ru])
    func unetNotesAt80x24(_ lang: Language) {
        let text = ModelScreenWordsTests.screen(ModelScreenWordsTests.unet, size: 64, select: 3, lang: lang)
        assertSnapshot(text, named: "stack-unet-notes-\(lang.rawValue)-80x24")
    }

    @Test(arguments: [Language.en, .ru])
    func indicesAt160x50(_ lang: Language) {
        let text = Self.course(Conv2dSettings(), lang, columns: 160, rows: 50)
        assertSnapshot(text, named: "indices-\(lang.rawValue)-160x50")
        #expect(text.contains("   0   1   2   3   4   5   6   7"))
    }
}
