import Testing
import ConvCore
@testable import ConvScopeApp

/// Esc backs out one level and never quits; typing holds the keyboard; K, theme and panel keys.
@Suite("Lab keys: Esc, typing, K, theme, panel scrolling")
struct LabKeysTests {
    /// A state with the inspector on, the cost panel open and a value being typed: four levels.
    static func deepState() -> AppState {
        var s = press([.tab, .right, .character("c"), .character("1"), .character("2")])
        s.terminalSize = TerminalSize(columns: 120, rows: 40)
        return s
    }

    @Test func escBacksOutOneLevelAtATimeAndNeverQuits() {
        var s = Self.deepState()
        #expect(s.typing == "12" && s.panel == .cost && s.focus == .output)
        s = press(.escape, s)
        #expect(s.typing == nil && s.panel == .cost && s.focus == .output, "first the typed value")
        s = press(.escape, s)
        #expect(s.panel == nil && s.focus == .output, "then the panel")
        s = press(.escape, s)
        #expect(s.focus == .parameters, "then the inspector")
        #expect(!quits([.escape, .escape, .escape], s), "and then nothing, however often")
        for _ in 0..<3 { s = press(.escape, s) }
        #expect(s.message == "nothing to close · q quits")
        #expect(s.outputCursor == CellCursor(channel: 0, y: 0, x: 1), "the cursor is kept for the next Tab")
    }

    @Test func escClosesHelpBeforeAnythingElse() {
        var s = press([.tab, .character("f"), .character("?")])
        #expect(s.showHelp)
        s = press(.escape, s)
        #expect(!s.showHelp && s.panel == .formula && s.focus == .output)
    }

    @Test func escStopsTheAnimation() {
        let playing = press(.character(" "))
        #expect(playing.playing)
        let stopped = press(.escape, playing)
        #expect(!stopped.playing && stopped.focus == .parameters && !quits([.escape], playing))
    }

    /// While a value is typed nothing but digits, Backspace, Enter and Esc acts (Ctrl-C still quits).
    @Test(arguments: KeyMap.bindings.flatMap(\.keys).filter { $0 != .escape && $0 != .control("c") }
        + [Key.character("x"), .tab, .backTab, .unknown])
    func otherKeysWaitWhileTyping(key: Key) {
        let typing = press(digits("12"), AppState())
        #expect(KeyMap.action(for: key, in: typing) == nil, "\(key) acts while typing")
    }

    @Test func ctrlCQuitsFromEveryLevel() {
        #expect(quits([.control("c")], Self.deepState()))
        #expect(quits([.character("?"), .control("c")], Self.deepState()))
    }

    @Test func digitsInTheCostPanelSetK() {
        var s = press([.character("c")] + digits("300"))
        #expect(s.typing == "300")
        #expect(s.parameters.hIn == 8, "h_in is not being typed")
        s = press(.enter, s)
        #expect(s.denseOutputs == 300)
        let heading = CostPanelText.lines(s.parameters.applied, denseOutputs: s.denseOutputs, glyphs: .unicodeSet, width: 200, language: .en)[0]
        #expect(heading.text.contains("K = 300 outputs, set by ( ) or typed"))
        // Out of range: a message naming K and the range, nothing changed.
        let refused = press(digits("0") + [.enter], s)
        #expect(refused.denseOutputs == 300)
        #expect(refused.message?.hasPrefix("K 0 is out of range: allowed 1") == true)
    }

    @Test func typingPromptNamesKInTheCostPanel() {
        var s = press([.character("c")] + digits("12"))
        s.terminalSize = TerminalSize(columns: 80, rows: 24)
        let canvas = view(s, maps: nil, environment: RenderEnvironment(language: .en))
        #expect(canvas.line(23).hasPrefix(" K = 12_ · Enter set · Esc cancel"))
        #expect(!canvas.text.contains("12_ ━"), "the parameter row shows no typed value")
    }

    @Test func tTogglesTheTheme() {
        let light = press(.character("t"))
        #expect(light.theme == .light)
        #expect(light.message == "light theme")
        #expect(press([.character("t"), .character("t")]).theme == .dark)
    }

    @Test func panelScrollsWithUAndDAndStopsAtItsEnds() {
        var s = AppState()
        s.terminalSize = TerminalSize(columns: 80, rows: 24)
        s = press(.character("c"), s)
        let layout = Layout.compute(s, environment: s.environment)
        let content = PanelOverlay.content(.cost, state: s, layout: layout, glyphs: s.environment.glyphs)
        #expect(content.maxScroll > 0, "the cost panel is taller than 80x24 allows")
        s = press(Array(repeating: .character("d"), count: 50), s)
        #expect(s.panelScroll == content.maxScroll)
        s = press(Array(repeating: .character("u"), count: 50), s)
        #expect(s.panelScroll == 0)
        // Reopening starts from the top.
        s = press([.character("d"), .character("c"), .character("c")], s)
        #expect(s.panelScroll == 0)
    }
}
