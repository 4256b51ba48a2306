import Testing
import ConvCore
@testable import ConvScopeApp

/// Scrolling and paging act on the frame on screen, which the run loop hands over before each
/// event, and not on a layout `update` makes again.
@Suite("Scrolling and paging on the frame on screen")
struct OnScreenLayoutTests {
    /// A 300×500 ramp in numbers: cropped maps that scroll.
    static func cropped() -> AppState {
        var p = ConvParameters()
        p[.hIn] = 300; p[.wIn] = 500
        var s = AppState(parameters: Conv2dSettings(p))
        s.zoomOverride = .numbers
        return s
    }

    @Test("a scroll moves by the page drawn, with the maps' measured widths, and is bounded by it")
    func scrollUsesTheDrawnPage() throws {
        var s = Self.cropped()
        let env = s.environment
        let estimated = Layout.compute(s, environment: env)
        // The finished maps' widths: wider cells than estimated, so fewer columns fit a page.
        var measured = ValueWidths.estimate(s.parameters)
        measured.input += 3; measured.output += 3
        let drawn = Layout.compute(s, environment: env, widths: measured)
        #expect(drawn.scrollPage.columns != estimated.scrollPage.columns, "the two layouts page differently")
        s.onScreen = .course(drawn)
        update(&s, .key(.shiftRight))
        #expect(s.scrollX == drawn.scrollPage.columns, "the page of the frame the key was pressed on")
        #expect(s.onScreen == nil, "the frame is of the state before the key")

        // Far past the end: bounded by the drawn sections, not by a layout of estimated widths.
        s.onScreen = .course(drawn)
        update(&s, .scroll(dx: 1000, dy: 0))
        let maxX = drawn.sections.map { $0.totalColumns - $0.visibleColumns }.max()
        #expect(s.scrollX == maxX)
    }

    @Test("without a frame (tests, render) the state's own layout bounds them, as before")
    func withoutAFrame() {
        var s = Self.cropped()
        let page = Layout.compute(s, environment: s.environment).scrollPage
        update(&s, .key(.shiftRight))
        #expect(s.scrollX == page.columns)
    }

    @Test("the help pages and a panel's scroll follow the frame drawn")
    func helpPagesFollowTheDrawnFrame() {
        var s = AppState()
        s.terminalSize = TerminalSize(columns: 80, rows: 24)
        update(&s, .toggleHelp)
        var drawn = Layout.compute(s, environment: s.environment)
        drawn.helpPageCount = 3
        s.onScreen = .course(drawn)
        update(&s, .helpPage(2))
        #expect(s.helpPage == 2, "three pages drawn: the last is 2")
        s.onScreen = .course(drawn)
        update(&s, .helpPage(5))
        #expect(s.helpPage == 2)
    }
}
