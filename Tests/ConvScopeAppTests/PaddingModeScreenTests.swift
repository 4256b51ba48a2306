import Testing
import ConvCore
@testable import ConvScopeApp

/// Screen text and colours that follow the padding mode and the random sources.
@Suite("Padding mode and random on screen")
struct PaddingModeScreenTests {
    /// Reflect padding 2 on the ramp, whole-map zoom: the ring's corner block holds the mirrored
    /// value 2 and takes its colour, not the grey of zero padding.
    @Test func wholeMapRingShowsTheModeValues() throws {
        var state = AppState()
        state.parameters.paddingMode = .reflect
        state.parameters.geometry.paddingH = 2; state.parameters.geometry.paddingW = 2
        state.paddedView = true
        state.zoomOverride = .whole
        state.terminalSize = TerminalSize(columns: 120, rows: 40)
        let maps = try ComputedMaps(ConvExperiment(state.parameters))
        let canvas = view(state, maps: maps, environment: RenderEnvironment(language: .en))
        let input = try #require(Layout.compute(state, environment: RenderEnvironment(language: .en), widths: maps.widths).input)
        #expect(input.geometry.block == 1 && input.geometry.halfBlocks)
        let origin = input.origin(ofChannel: 0)
        let rocket = Colormap.named(.rocket)
        // The top half is drawn row -2, column -2: reflect gives the ramp's value at x = 2.
        let corner = canvas[origin.x, origin.y].style
        #expect(corner.foreground == rocket.color(at: rocket.index(for: 2, vmin: 0, vmax: 8)))
        #expect(corner.foreground != ExportColors.padding)
        // Zeros keep the grey ring.
        state.parameters.paddingMode = .zeros
        let zeros = view(state, maps: try ComputedMaps(ConvExperiment(state.parameters)), environment: RenderEnvironment(language: .en))
        #expect(zeros[origin.x, origin.y].style.foreground == ExportColors.padding)
    }

    @Test(arguments: [(PaddingMode.zeros, "zero padding", "нули расширения"), (.reflect, "mirrored values", "отражённые"),
                      (.replicate, "edge values repeated", "повторённые"), (.circular, "opposite edge", "противоположного")])
    func paddedViewNoticeNamesTheMode(_ mode: PaddingMode, _ english: String, _ russian: String) {
        var state = AppState()
        state.parameters.paddingMode = mode
        let on = update(state, .togglePadded)
        #expect(on.message?.contains(english) == true)
        #expect(!(on.message ?? "").contains(mode == .zeros ? "mirrored" : "zero padding"))
        #expect(NoticeText.notice(on.notice!, .ru, .unicodeSet).contains(russian))
    }

    /// Each arrival at random draws a new start, shown on the kernel line and in `random:N`.
    @Test func cyclingToRandomDrawsANewStart() {
        func cycle(_ s: AppState, until done: (AppState) -> Bool) -> AppState {
            var s = update(s, .key(.character("K")))
            while !done(s) { s = update(s, .key(.character("K"))) }
            return s
        }
        let isRandom: (AppState) -> Bool = { if case .preset(.random) = $0.parameters.kernel { true } else { false } }
        let first = cycle(AppState(), until: isRandom)
        let second = cycle(first, until: isRandom)
        #expect(first.parameters.kernel != second.parameters.kernel)
        #expect(first.parameters.valueText(.kernel) == "random:1" && second.parameters.valueText(.kernel) == "random:2")
        #expect(first.parameters.makeWeights().storage != second.parameters.makeWeights().storage)
        let line = ScreenText.kernelLine(.en, .unicodeSet, shape: "2×3×3×3", settings: second.parameters)
        #expect(line.contains("start 2"))
        // The input row too.
        var s = AppState()
        s.selected = .input
        var starts: [String] = []
        for _ in 0..<14 {
            s = update(s, .increment)
            if case .generated(.random) = s.parameters.input { starts.append(s.parameters.valueText(.input)) }
        }
        #expect(starts == ["random:1", "random:2"])
    }
}
