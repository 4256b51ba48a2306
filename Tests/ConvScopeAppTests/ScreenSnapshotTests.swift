import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// Renders the screen for parameters at a size, as the TUI would.
func render(_ p: ConvParameters = ConvParameters(), columns: Int, rows: Int,
            environment env: RenderEnvironment = RenderEnvironment(language: .en), configure: (inout AppState) -> Void = { _ in })
    -> Canvas
{
    var state = AppState(parameters: p)
    state.terminalSize = TerminalSize(columns: columns, rows: rows)
    configure(&state)
    let maps = try! ComputedMaps(ConvExperiment(state.parameters))
    return view(state, maps: maps, environment: env)
}

/// The state `render` draws, before `configure`.
func sizedState(_ p: ConvParameters = ConvParameters(), columns: Int, rows: Int) -> AppState {
    var state = AppState(parameters: p)
    state.terminalSize = TerminalSize(columns: columns, rows: rows)
    return state
}

@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    @Test func defaultsAt80x24() {
        let canvas = render(columns: 80, rows: 24)
        assertSnapshot(canvas.text, named: "defaults-80x24")
        #expect(canvas.text.contains("input 1×3×8×8"))
        #expect(canvas.text.contains("output 1×2×6×6"))
        #expect(canvas.text.contains("kernel 2×3×3×3 · all ones · no bias"))
        #expect(canvas.text.contains("H_out=⌊(8+2·0−1·(3−1)−1)/1⌋+1=6   W_out=⌊(8+2·0−1·(3−1)−1)/1⌋+1=6"))
    }

    @Test func defaultsAt120x40() {
        let canvas = render(columns: 120, rows: 40)
        assertSnapshot(canvas.text, named: "defaults-120x40")
        #expect(canvas.text.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6    W_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6"))
    }

    @Test func defaultsAt200x60UsesLargeCells() {
        let canvas = render(columns: 200, rows: 60)
        assertSnapshot(canvas.text, named: "defaults-200x60")
        #expect(canvas.text.contains("zoom auto (large)"))
    }

    @Test func errorState() {
        var p = ConvParameters()
        p.kernelSizeH = 9; p.kernelSizeW = 9
        let canvas = render(p, columns: 120, rows: 40)
        assertSnapshot(canvas.text, named: "error-kernel9-120x40")
        // The maps area starts right of the 31-column panel; join its lines to undo the wrapping.
        let joined = canvas.lines.map { String($0.dropFirst(32)) }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(joined.contains(ConvError.kernelLargerThanPaddedInput(paddedH: 8, paddedW: 8, kernelH: 9, kernelW: 9).message))
        // The input stays visible.
        #expect(canvas.text.contains("input 1×3×8×8"))
        #expect(canvas.text.contains("0 1 2 3 4 5 6 7"))
    }

    @Test func tooSmallWindow() {
        let canvas = render(columns: 40, rows: 12)
        assertSnapshot(canvas.text, named: "too-small-40x12")
        let nonEmpty = canvas.lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(nonEmpty.count == 1)
        #expect(nonEmpty[0].contains("needs 50x17"))
    }

    /// Without colour the numbers stay (as in colour at this size); the cells carry no colours.
    @Test func noColorKeepsTheNumbers() {
        let env = RenderEnvironment(colorDepth: .none, unicode: true, language: .en)
        let canvas = render(columns: 80, rows: 24, environment: env)
        assertSnapshot(canvas.text, named: "no-color-80x24")
        #expect(canvas.text.contains("0 1 2 3 4 5 6 7"))
        #expect(canvas.text.contains("27  54  81 108 135 162"))
        #expect(canvas.cells.allSatisfy { $0.style.background == nil })
    }

    @Test func asciiOnly() {
        let env = RenderEnvironment(colorDepth: .none, unicode: false, language: .en)
        let canvas = render(columns: 80, rows: 24, environment: env)
        assertSnapshot(canvas.text, named: "ascii-no-color-80x24")
        let allASCII = canvas.text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(allASCII)
    }

    @Test func helpOverlayListsTheKeyTable() {
        let canvas = render(columns: 120, rows: 40) { $0.showHelp = true }
        for binding in KeyMap.bindings { #expect(canvas.text.contains(binding.help.en)) }
        // On a small window the same rows are spread over pages.
        var seen = ""
        var state = AppState()
        state.terminalSize = TerminalSize(columns: 80, rows: 24)
        state = update(state, .toggleHelp)
        for _ in 0..<4 {
            seen += view(state, maps: nil, environment: RenderEnvironment(language: .en)).text
            state = update(state, .helpPage(1))
        }
        for binding in KeyMap.bindings { #expect(seen.contains(String(binding.help.en.prefix(24))), "\(binding.help.en)") }
    }

    /// Heatmap colours follow seaborn: rocket, per-map scale, its text-colour rule.
    @Test func heatmapColoursMatchSeaborn() {
        let canvas = render(columns: 80, rows: 24)
        let rocket = Colormap.named(.rocket)
        let layout = Layout.compute(sizedState(columns: 80, rows: 24), environment: RenderEnvironment(language: .en))
        // Input channel 0: value x sits two columns per value right of the map's corner.
        let input = layout.input!.origin(ofChannel: 0)
        for x in 0..<8 {
            let cell = canvas[input.x + 2 * x, input.y]
            #expect(cell.character == Character(String(x)))
            let lut = min(255, x * 256 / 8)
            #expect(cell.style.background == rocket.color(at: lut))
            #expect(cell.style.foreground == (lut >= 198 ? RGB(38, 38, 38) : RGB(255, 255, 255)))
            #expect(canvas[input.x + 1 + 2 * x, input.y].style.background == nil, "cells are separated by a gap")
        }
        // Output maps are scaled to their own maximum: 162 is entry 255, 27 is ⌊27/162·256⌋ = 42.
        let y = layout.output!.origin(ofChannel: 0).y
        let row = canvas.line(y)
        #expect(row.contains(" 27  54  81 108 135 162"))
        let col162 = row.range(of: "162")!.upperBound.utf16Offset(in: row) - 1
        #expect(canvas[col162, y].style.background == rocket.color(at: 255))
        let col27 = row.range(of: "27")!.upperBound.utf16Offset(in: row) - 1
        #expect(canvas[col27, y].style.background == rocket.color(at: 42))
    }

    @Test(arguments: [(50, 17), (80, 24), (120, 40), (200, 60), (250, 80), (61, 33), (300, 100)])
    func everyLineIsExactlyTheWindowWidth(columns: Int, rows: Int) {
        var p = ConvParameters()
        p.hIn = 37; p.wIn = 53; p.inChannels = 7; p.outChannels = 5
        let canvas = render(p, columns: columns, rows: rows)
        #expect(canvas.lines.count == rows)
        #expect(canvas.lines.allSatisfy { $0.count == columns })
    }

    @Test func manyChannelsArePagedWithASign() {
        var p = ConvParameters()
        p.inChannels = 64; p.outChannels = 64
        let canvas = render(p, columns: 80, rows: 24)
        #expect(canvas.text.contains("of 64 [ ]"))
        let next = render(p, columns: 80, rows: 24) { $0 = update($0, .nextPage) }
        #expect(next.text != canvas.text)
    }

    @Test func wideMapsAreCroppedWithAScrollSign() {
        var p = ConvParameters()
        p.hIn = 300; p.wIn = 500
        var state = sizedState(p, columns: 80, rows: 24)
        state.zoomOverride = .numbers
        let canvas = render(p, columns: 80, rows: 24) { $0.zoomOverride = .numbers }
        let input = Layout.compute(state, environment: RenderEnvironment(language: .en)).input!
        #expect(input.isCropped)
        #expect(canvas.text.contains("x 0–\(input.visibleColumns - 1) of 500"))
        #expect(canvas.text.contains("▶"))
    }
}

@Suite("Inspector on screen")
struct InspectorScreenTests {
    @Test func renderInspectWritesOutTheSumAtTheDefaults() {
        let canvas = render(columns: 120, rows: 40) { $0 = update($0, .inspect(.output, CellCursor(channel: 0, y: 2, x: 3))) }
        #expect(canvas.text.contains(
            "output[0, 2, 3] = Σ 3 ch × 3×3 taps = 3+4+5+3+4+5+3+4+5 + 3+4+5+3+4+5+3+4+5 + 3+4+5+3+4+5+3+4+5 = 108"))
    }

    @Test func thePageFollowsTheCursorChannel() {
        var p = ConvParameters()
        p.inChannels = 64; p.outChannels = 64
        let canvas = render(p, columns: 80, rows: 24) { $0 = update($0, .inspect(.output, CellCursor(channel: 40, y: 1, x: 1))) }
        #expect(canvas.text.contains("ch 40"))
    }

    @Test func paddingTapsShowAsPadding() {
        var p = ConvParameters()
        p.paddingH = 1; p.paddingW = 1
        let canvas = render(p, columns: 120, rows: 40) { $0 = update($0, .inspect(.output, CellCursor(channel: 1, y: 0, x: 0))) }
        // 3 channels × (3×3 − 2×2 inside) = 15 padding taps of 27.
        #expect(canvas.text.contains("(· = padding") && canvas.text.contains("15 of 27 taps)"))
        #expect(canvas.text.contains("·+·+·+·+0+1+·+0+1"))
    }

    @Test func reverseInspectorCountsTheOutputsAnInputFeeds() {
        let canvas = render(columns: 120, rows: 40) { $0 = update($0, .inspect(.input, CellCursor(channel: 2, y: 3, x: 4))) }
        #expect(canvas.text.contains("input[2, 3, 4] feeds 9 output cells in each of 2 channels (18 in all)"))
    }

    @Test func unreadColumnsAreCounted() {
        var p = ConvParameters()
        p.kernelSizeW = 2; p.strideW = 3
        let canvas = render(p, columns: 120, rows: 40) { $0.paddedView = true }
        #expect(canvas.text.contains("2 columns never read"))
    }
}

@Suite("Teaching view snapshots")
struct TeachingSnapshotTests {
    /// Parameters in ParameterID order (h, w, cin, cout, kh, kw, ph, pw, sh, sw, dh, dw).
    static let padded1 = [8, 8, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1]
    static let stride2 = [8, 8, 3, 2, 3, 3, 0, 0, 2, 2, 1, 1]
    static let stride3 = [8, 8, 3, 2, 3, 3, 0, 0, 3, 3, 1, 1]
    static let kernel5 = [8, 8, 3, 2, 5, 5, 0, 0, 1, 1, 1, 1]
    static let padded2stride3 = [8, 8, 3, 2, 3, 3, 2, 2, 3, 3, 1, 1]

    @Test(arguments: [
        ("inspector-120x40", padded1, AppState.Probe.inspect(.output, 0, 2, 3)),
        ("reverse-inspector-120x40", stride2, AppState.Probe.inspect(.input, 0, 3, 4)),
        ("cost-panel-120x40", ConvParameters().values, AppState.Probe.panel(.cost)),
        ("formula-panel-120x40", stride3, AppState.Probe.panel(.formula)),
        ("code-panel-120x40", kernel5, AppState.Probe.panel(.code)),
        ("padded-120x40", padded2stride3, AppState.Probe.padded),
    ])
    func teachingView(_ name: String, _ values: [Int], _ probe: AppState.Probe) {
        let canvas = render(ConvParameters(values), columns: 120, rows: 40) { state in
            switch probe {
            case .inspect(let focus, let c, let y, let x): state = update(state, .inspect(focus, CellCursor(channel: c, y: y, x: x)))
            case .panel(let panel): state = update(state, .togglePanel(panel))
            case .padded: state = update(state, .togglePadded)
            }
        }
        assertSnapshot(canvas.text, named: name)
    }

    @Test func ansiOfTheDefaultScreen() {
        assertSnapshot(ANSIExporter.export(render(columns: 80, rows: 24)), named: "defaults-80x24-ansi")
    }
}

extension AppState {
    /// What a teaching snapshot turns on.
    enum Probe: Sendable { case inspect(Focus, Int, Int, Int), panel(Panel), padded }
}
