import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// MouseUpdate: a click, drag or wheel turn over each kind of element does what its key does,
/// hit-tested through the layout the view drew (80×24 and 200×60).
@Suite("Mouse")
struct MouseUpdateTests {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)]

    /// A state of `size` and the layout its frame is drawn with, and the widths of its maps.
    static func screen(_ size: TerminalSize, _ configure: (inout AppState) -> Void = { _ in })
        -> (state: AppState, layout: ScreenLayout, widths: ValueWidths) {
        var state = AppState()
        state.terminalSize = size
        configure(&state)
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        return (state, Layout.compute(state, environment: state.environment, widths: maps.widths), maps.widths)
    }

    /// The first position (x, y) where the layout has `element`.
    static func find(_ layout: ScreenLayout, _ match: (ScreenElement) -> Bool) -> (x: Int, y: Int)? {
        for y in 0..<layout.rows { for x in 0..<layout.columns {
            if let e = layout.element(at: x, y), match(e) { return (x, y) }
        } }
        return nil
    }

    /// Sends one event at (x, y), as the run loop does after drawing the state with maps of these
    /// widths, and returns the effects.
    @discardableResult
    static func send(_ state: inout AppState, _ kind: MouseEvent.Kind, _ p: (x: Int, y: Int), widths: ValueWidths? = nil) -> [Effect] {
        let drawn = Layout.compute(state, environment: state.environment, widths: widths)
        return update(&state, .mouse(MouseEvent(kind, column: p.x, row: p.y, drawn: .course(drawn))))
    }

    @Test(arguments: sizes)
    func clickingAParameterRowSelectsIt(size: TerminalSize) throws {
        var (state, layout, widths) = Self.screen(size)
        let at = try #require(Self.find(layout) { $0 == .parameter(.strideW) })
        let effects = Self.send(&state, .press, at, widths: widths)
        #expect(state.selected == .strideW && effects.isEmpty && state.parameters == Conv2dSettings())
        Self.send(&state, .release, at, widths: widths)
        #expect(state.selected == .strideW && state.dragging == nil)
    }

    @Test(arguments: sizes)
    func clickingASliderSetsTheValueItsKnobShowsThere(size: TerminalSize) throws {
        var (state, layout, widths) = Self.screen(size)
        let width = ParameterPanel.Column.sliderWidth(panelWidth: layout.panel.width)
        let start = layout.panel.x + ParameterPanel.Column.slider
        let row = try #require(Self.find(layout) { $0 == .slider(.outChannels) }).y
        #expect(Self.find(layout) { $0 == .slider(.outChannels) }?.x == start)
        var seen: [Int] = []
        for i in 0..<width {
            let effects = Self.send(&state, .press, (start + i, row), widths: widths)
            Self.send(&state, .release, (start + i, row), widths: widths)
            let value = state.parameters.outChannels
            seen.append(value)
            #expect(state.selected == .outChannels)
            // The panel then draws its knob exactly where the click was.
            #expect(ParameterPanel.knob(value, range: ParameterID.outChannels.range, width: width) == i, "\(i) → \(value)")
            if value != 2 { #expect(effects == [.compute(state.parameters)]) }
        }
        #expect(seen.first == ParameterID.outChannels.range.lowerBound)
        #expect(seen.last == ParameterID.outChannels.range.upperBound)
        #expect(seen == seen.sorted() && Set(seen).count == width, "\(seen)")
    }

    @Test func dragAlongASliderFollowsThePointerUntilRelease() throws {
        var (state, layout, widths) = Self.screen(TerminalSize(columns: 200, rows: 60))
        let width = ParameterPanel.Column.sliderWidth(panelWidth: layout.panel.width)
        let start = layout.panel.x + ParameterPanel.Column.slider
        let row = try #require(Self.find(layout) { $0 == .slider(.kernelSizeH) }).y
        Self.send(&state, .press, (start, row), widths: widths)
        #expect(state.dragging == .kernelSizeH && state.parameters.kernelSizeH == 1)
        // Off the row and past the end: the slider still follows, clamped to its range.
        Self.send(&state, .drag, (start + width / 2, row + 3), widths: widths)
        let middle = state.parameters.kernelSizeH
        #expect(ParameterPanel.knob(middle, range: ParameterID.kernelSizeH.range, width: width) == width / 2)
        Self.send(&state, .drag, (start + width + 20, row), widths: widths)
        #expect(state.parameters.kernelSizeH == ParameterID.kernelSizeH.range.upperBound)
        Self.send(&state, .release, (start + width + 20, row), widths: widths)
        #expect(state.dragging == nil)
        Self.send(&state, .drag, (start, row), widths: widths)
        #expect(state.parameters.kernelSizeH == ParameterID.kernelSizeH.range.upperBound, "no drag after release")
    }

    @Test(arguments: sizes)
    func wheelOverAParameterChangesItByOne(size: TerminalSize) throws {
        var (state, layout, widths) = Self.screen(size)
        let row = try #require(Self.find(layout) { $0 == .parameter(.paddingW) })
        Self.send(&state, .wheelUp, row, widths: widths)
        #expect(state.selected == .paddingW && state.parameters.paddingW == 1)
        let slider = try #require(Self.find(layout) { $0 == .slider(.hIn) })
        Self.send(&state, .wheelDown, slider, widths: widths)
        #expect(state.selected == .hIn && state.parameters.hIn == 7)
    }

    @Test(arguments: sizes)
    func clickingACellPinsTheInspectorThere(size: TerminalSize) throws {
        for cell in [MapCellAddress(section: .output, channel: 1, y: 4, x: 2), MapCellAddress(section: .input, channel: 2, y: 7, x: 5)] {
            var (state, layout, widths) = Self.screen(size)
            let at = try #require(Self.find(layout) { $0 == .mapCell(cell) })
            Self.send(&state, .press, at, widths: widths)
            let cursor = CellCursor(channel: cell.channel, y: cell.y, x: cell.x)
            // An output cell pins the inspector; an input cell the reverse inspector.
            #expect(cell.section == .output ? state.pinnedOutputCell == cursor : state.pinnedInputCell == cursor)
        }
    }

    @Test func clickingThePaddingRingPinsNothing() throws {
        var (state, layout, widths) = Self.screen(TerminalSize(columns: 200, rows: 60)) {
            $0.parameters.paddingH = 1; $0.parameters.paddingW = 1; $0.paddedView = true
        }
        let ring = try #require(Self.find(layout) { if case .mapCell(let c) = $0 { c.y < 0 } else { false } })
        Self.send(&state, .press, ring, widths: widths)
        #expect(state.focus == .parameters)
    }

    @Test(arguments: sizes)
    func wheelOverALargeMapScrollsIt(size: TerminalSize) throws {
        var (state, layout, widths) = Self.screen(size) {
            $0.parameters.hIn = 200; $0.parameters.wIn = 200; $0.zoomOverride = .numbers
        }
        let at = try #require(Self.find(layout) { if case .mapCell(let c) = $0 { c.section == .input } else { false } })
        Self.send(&state, .wheelDown, at, widths: widths)
        #expect(state.scrollY == layout.scrollPage.rows && state.scrollX == 0)
        Self.send(&state, .wheelRight, at, widths: widths)
        #expect(state.scrollX == layout.scrollPage.columns)
        Self.send(&state, .wheelUp, at, widths: widths)
        #expect(state.scrollY == 0)
    }

    @Test(arguments: sizes)
    func clickingThePageMarkerShowsTheNextPageThenWrapsAround(size: TerminalSize) throws {
        var (state, layout, widths) = Self.screen(size) { $0.parameters.inChannels = 64; $0.zoomOverride = .numbers }
        let input = try #require(layout.input)
        #expect(input.pageCount > 1)
        for expected in Array(1..<input.pageCount) + [0] {
            // The marker is flush right, so it moves as its text changes: click where it is now.
            let now = Layout.compute(state, environment: state.environment, widths: widths)
            let at = try #require(Self.find(now) { $0 == .pageMarker(.input) })
            Self.send(&state, .press, at, widths: widths)
            Self.send(&state, .release, at, widths: widths)
            #expect(state.inputPage == expected && state.outputPage == 0, "only the clicked section pages")
        }
    }

    /// Titles, headers, the kernel line, formulas, hints and the panel border take no click.
    @Test(arguments: sizes)
    func clicksElsewhereChangeNothing(size: TerminalSize) {
        let (start, layout, widths) = Self.screen(size)
        for y in 0..<layout.rows { for x in 0..<layout.columns {
            guard let element = layout.element(at: x, y) else { continue }
            switch element {
            case .titleBar, .parameterPanel, .summary, .sectionHeader, .mapTitle, .kernelLine, .inspector, .formula, .hints:
                var state = start
                #expect(Self.send(&state, .press, (x, y), widths: widths).isEmpty)
                #expect(state == start, "a click on \(element) at \(x),\(y)")
            default: continue
            }
        } }
    }

    @Test func helpClosesOnAClickAndTypingIgnoresTheMouse() throws {
        var (state, layout, widths) = Self.screen(TerminalSize(columns: 80, rows: 24))
        let row = try #require(Self.find(layout) { $0 == .parameter(.strideH) })
        state.showHelp = true
        Self.send(&state, .press, row, widths: widths)
        #expect(!state.showHelp && state.selected == .hIn)
        state.typing = "5"
        Self.send(&state, .press, row, widths: widths)
        #expect(state.typing == "5" && state.selected == .hIn)
    }

    @Test func theMouseKeyTogglesReportingThroughAnEffect() throws {
        var (state, layout, widths) = Self.screen(TerminalSize(columns: 80, rows: 24))
        #expect(update(&state, .start(state.terminalSize)) == [.compute(state.parameters), .mouseReporting(true)])
        #expect(update(&state, .key(.character("m"))) == [.mouseReporting(false)])
        #expect(state.message?.hasPrefix("mouse off") == true)
        let row = try #require(Self.find(layout) { $0 == .parameter(.strideH) })
        Self.send(&state, .press, row, widths: widths)
        #expect(state.selected == .hIn, "a mouse that is off does nothing")
        #expect(update(&state, .key(.character("m"))) == [.mouseReporting(true)])
        #expect(state.message?.contains("Shift-drag") == true)
        state = update(state, .reset)
        #expect(state.mouseEnabled, "reset keeps the user's mouse setting")
    }

    @Test func sgrReportsDecode() {
        #expect(MouseEvent(sgrButton: 0, column: 12, row: 5, pressed: true) == MouseEvent(.press, column: 11, row: 4))
        #expect(MouseEvent(sgrButton: 0, column: 230, row: 5, pressed: false) == MouseEvent(.release, column: 229, row: 4))
        #expect(MouseEvent(sgrButton: 32, column: 1, row: 1, pressed: true)?.kind == .drag)
        #expect(MouseEvent(sgrButton: 64, column: 1, row: 1, pressed: true)?.kind == .wheelUp)
        #expect(MouseEvent(sgrButton: 65, column: 1, row: 1, pressed: true)?.kind == .wheelDown)
        #expect(MouseEvent(sgrButton: 68, column: 1, row: 1, pressed: true)?.kind == .wheelLeft)
        #expect(MouseEvent(sgrButton: 2, column: 1, row: 1, pressed: true) == nil, "the right button is not used")
        #expect(MouseEvent(sgrButton: 0, column: 0, row: 1, pressed: true) == nil)
    }
}
