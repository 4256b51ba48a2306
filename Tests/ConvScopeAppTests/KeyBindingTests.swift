import Testing
import ConvCore
@testable import ConvScopeApp

/// Each key, from the key through `KeyMap` and `update`, to the one change it promises and no
/// other: the whole state after the key is compared with the state before plus that change.
/// (Esc, z, t and q are left out here: their behaviour is being redesigned.)
@Suite("Key bindings: the right effect, nothing else")
struct KeyBindingTests {
    /// A session in the middle of things: a 4 × 5 output with six channels, kernel_size_w (3)
    /// selected, a 120 × 40 window, the animation at 4 cells/s.
    static var base: AppState {
        var s = AppState(parameters: ConvParameters([10, 12, 4, 6, 5, 3, 2, 1, 3, 2, 1, 2]))
        s.terminalSize = TerminalSize(columns: 120, rows: 40)
        s.selected = .kernelSizeW
        return s
    }

    /// The state after the keys, each looked up in the key table for the state it arrives in.
    static func after(_ keys: [Key], from state: AppState = base) -> AppState {
        keys.reduce(state) { s, key in KeyMap.action(for: key, in: s).map { update(s, $0) } ?? s }
    }

    /// Presses `keys` and expects exactly the state `change` makes of `start` (a message, when
    /// `message` is true, must be there but its words are not checked).
    static func expect(_ keys: [Key], from start: AppState = base, message: Bool = false,
                       sourceLocation: SourceLocation = #_sourceLocation, _ change: (inout AppState) -> Void) {
        let actual = after(keys, from: start)
        var expected = start
        expected.notice = nil
        change(&expected)
        if message {
            #expect(actual.message != nil, "\(keys) leaves a message", sourceLocation: sourceLocation)
            expected.notice = actual.notice
        }
        #expect(actual == expected, "\(keys)", sourceLocation: sourceLocation)
    }

    // MARK: parameters

    @Test func upAndKSelectThePreviousParameter() {
        for key in [Key.up, .character("k")] { Self.expect([key]) { $0.selected = .kernelSizeH } }
    }

    @Test func downAndJSelectTheNextParameter() {
        for key in [Key.down, .character("j")] { Self.expect([key]) { $0.selected = .paddingH } }
    }

    @Test func leftHAndMinusDecreaseTheSelectedParameterOnly() {
        for key in [Key.left, .character("h"), .character("-")] { Self.expect([key]) { $0.parameters.kernelSizeW = 2 } }
    }

    @Test func rightLPlusAndEqualsIncreaseTheSelectedParameterOnly() {
        for key in [Key.right, .character("l"), .character("+"), .character("=")] {
            Self.expect([key]) { $0.parameters.kernelSizeW = 4 }
        }
    }

    @Test func pageUpAndDownStepKernelsByFour() {
        var start = Self.base
        start.selected = .kernelSizeH  // 5
        Self.expect([.pageUp], from: start) { $0.parameters.kernelSizeH = 9 }
        Self.expect([.pageDown], from: start) { $0.parameters.kernelSizeH = 1 }
    }

    @Test func pageUpAndDownDoubleAndHalveSizes() {
        var start = Self.base
        start.selected = .wIn  // 12
        Self.expect([.pageUp], from: start) { $0.parameters.wIn = 24 }
        Self.expect([.pageDown], from: start) { $0.parameters.wIn = 6 }
    }

    @Test func homeAndEndGoToTheRangeEnds() {
        Self.expect([.home]) { $0.parameters.kernelSizeW = 1 }
        Self.expect([.end]) { $0.parameters.kernelSizeW = 32 }
    }

    @Test func digitsBackspaceAndEnterTypeAValue() {
        Self.expect([.character("1"), .character("7")]) { $0.typing = "17" }
        Self.expect([.character("1"), .character("7"), .backspace]) { $0.typing = "1" }
        Self.expect([.character("1"), .character("7"), .backspace, .character("2"), .enter]) {
            $0.parameters.kernelSizeW = 12
        }
        Self.expect([.character("3"), .character("3"), .enter], message: true) { _ in }  // 33 > 32: refused
    }

    @Test func capitalLLinksThePairs() {
        Self.expect([.character("L")], message: true) { $0.linked = true }
        // Linked, a change to kernel_size_w is copied to kernel_size_h.
        Self.expect([.character("L"), .right]) { $0.linked = true; $0.parameters.kernelSizeW = 4; $0.parameters.kernelSizeH = 4 }
    }

    @Test func rResetsToTheNotebookDefaultsInTheSameWindow() {
        Self.expect([.character("r")], message: true) { s in
            let size = s.terminalSize
            s = AppState()
            s.terminalSize = size
        }
    }

    // MARK: panels, views, help, export

    @Test func cFAndCapitalPOpenTheirOwnPanel() {
        Self.expect([.character("c")]) { $0.panel = .cost }
        Self.expect([.character("f")]) { $0.panel = .formula }
        Self.expect([.character("P")]) { $0.panel = .code }
        Self.expect([.character("c"), .character("c")]) { _ in }
        Self.expect([.character("c"), .character("f")]) { $0.panel = .formula }
    }

    /// The cost panel the c key opens shows this layer's numbers (conv multiplications 4·5·3·6·4·5).
    @Test func theCostPanelOnScreenIsTheCurrentLayer() {
        let s = Self.after([.character("c")])
        let maps = try! ComputedMaps(ConvExperiment(s.parameters))
        let screen = view(s, maps: maps, environment: RenderEnvironment(language: .en)).text
        #expect(screen.contains("7200"), "\(screen)")
    }

    @Test func pShowsThePaddedViewWithoutOpeningAPanel() {
        Self.expect([.character("p")], message: true) { $0.paddedView = true }
        Self.expect([.character("p"), .character("p")], message: true) { _ in }
    }

    @Test func parenthesesHalveAndDoubleK() {
        // K starts at C_out·H_out·W_out = 6·4·5 = 120.
        Self.expect([.character("(")]) { $0.denseOutputs = 60 }
        Self.expect([.character(")")]) { $0.denseOutputs = 240 }
        Self.expect([.character(")"), .character(")"), .character("(")]) { $0.denseOutputs = 240 }
        // 120 → 60 → 30 → 15 → 7 → 3 → 1, and K never goes below one output.
        Self.expect(Array(repeating: .character("("), count: 6)) { $0.denseOutputs = 1 }
        Self.expect(Array(repeating: .character("("), count: 8)) { $0.denseOutputs = 1 }
    }

    @Test func questionMarkOpensTheHelp() {
        Self.expect([.character("?")]) { $0.showHelp = true }
    }

    @Test func eAsksForAnExport() {
        // The state does not change; the export is an effect the run loop performs.
        Self.expect([.character("e")]) { _ in }
        var s = Self.base
        #expect(update(&s, .key(.character("e"))) == [.export])
    }

    @Test func bracketsTurnTheChannelPages() {
        var start = Self.base
        start.parameters.inChannels = 64; start.parameters.outChannels = 64
        start.terminalSize = TerminalSize(columns: 80, rows: 24)
        #expect(Layout.pageCount(start, section: .input) > 2 && Layout.pageCount(start, section: .output) > 2)
        Self.expect([.character("]")], from: start) { $0.inputPage = 1; $0.outputPage = 1 }
        Self.expect([.character("]"), .character("]"), .character("[")], from: start) { $0.inputPage = 1; $0.outputPage = 1 }
        Self.expect([.character("[")], from: start) { _ in }
    }

    @Test func shiftArrowsScrollByAPageEachWay() {
        var start = Self.base
        start.parameters.hIn = 300; start.parameters.wIn = 500
        start.zoomOverride = .numbers  // cropped: the whole map does not fit in numbers
        let page = Layout.compute(start, environment: start.environment).scrollPage
        #expect(page.columns > 1 && page.rows > 1, "\(page)")
        start.scrollX = 2 * page.columns; start.scrollY = 2 * page.rows
        Self.expect([.shiftRight], from: start) { $0.scrollX = 3 * page.columns }
        Self.expect([.shiftLeft], from: start) { $0.scrollX = page.columns }
        Self.expect([.shiftDown], from: start) { $0.scrollY = 3 * page.rows }
        Self.expect([.shiftUp], from: start) { $0.scrollY = page.rows }
    }

    // MARK: inspector and animation

    @Test func tabAndShiftTabCycleTheFocusBothWays() {
        Self.expect([.tab]) { $0.focus = .output }
        Self.expect([.tab, .tab]) { $0.focus = .input }
        Self.expect([.tab, .tab, .tab]) { _ in }
        Self.expect([.backTab]) { $0.focus = .input }
        Self.expect([.backTab, .backTab]) { $0.focus = .output }
    }

    @Test func spacePlaysOnTheOutputAndPauses() {
        Self.expect([.character(" ")]) { $0.playing = true; $0.focus = .output }
        Self.expect([.character(" "), .character(" ")]) { $0.focus = .output }
    }

    @Test func nAndCapitalNStepInRasterOrder() {
        Self.expect([.character("n")]) { $0.focus = .output; $0.outputCursor = CellCursor(channel: 0, y: 0, x: 1) }
        // Five cells per row: the sixth step is the start of row 1; back from the first cell wraps to the last.
        Self.expect(Array(repeating: .character("n"), count: 6)) {
            $0.focus = .output; $0.outputCursor = CellCursor(channel: 0, y: 1, x: 1)
        }
        Self.expect([.character("N")]) { $0.focus = .output; $0.outputCursor = CellCursor(channel: 5, y: 3, x: 4) }
    }

    @Test func bracesChangeTheSpeed() {
        Self.expect([.character("{")]) { $0.speedIndex = 1 }
        Self.expect([.character("}")]) { $0.speedIndex = 3 }
        Self.expect(Array(repeating: .character("{"), count: 4)) { $0.speedIndex = 0 }
        Self.expect(Array(repeating: .character("}"), count: 6)) { $0.speedIndex = AppState.speeds.count - 1 }
    }

    /// On the output maps the arrows, hjkl, PgUp/PgDn and Home/End move the inspector cursor.
    @Test func movementKeysDriveTheInspectorCursor() {
        var start = Self.base
        start.focus = .output
        start.outputCursor = CellCursor(channel: 2, y: 2, x: 2)
        let moves: [(Key, CellCursor)] = [
            (.up, CellCursor(channel: 2, y: 1, x: 2)), (.character("k"), CellCursor(channel: 2, y: 1, x: 2)),
            (.down, CellCursor(channel: 2, y: 3, x: 2)), (.character("j"), CellCursor(channel: 2, y: 3, x: 2)),
            (.left, CellCursor(channel: 2, y: 2, x: 1)), (.character("h"), CellCursor(channel: 2, y: 2, x: 1)),
            (.right, CellCursor(channel: 2, y: 2, x: 3)), (.character("l"), CellCursor(channel: 2, y: 2, x: 3)),
            (.pageUp, CellCursor(channel: 1, y: 2, x: 2)), (.pageDown, CellCursor(channel: 3, y: 2, x: 2)),
            (.home, CellCursor(channel: 2, y: 0, x: 0)), (.end, CellCursor(channel: 2, y: 3, x: 4)),
        ]
        for (key, cursor) in moves { Self.expect([key], from: start) { $0.outputCursor = cursor } }
        // Digits are not typed while a map has the focus.
        Self.expect([.character("4")], from: start) { _ in }
    }

    /// The input cursor is clamped to the input's own height (10) and width (12).
    @Test func theInputCursorStopsAtTheInputEdges() {
        var start = Self.base
        start.focus = .input
        Self.expect([.end], from: start) { $0.inputCursor = CellCursor(channel: 0, y: 9, x: 11) }
        Self.expect(Array(repeating: .pageDown, count: 9), from: start) { $0.inputCursor = CellCursor(channel: 3, y: 0, x: 0) }
    }
}
