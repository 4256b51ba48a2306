import Testing
import ConvCore
@testable import ConvScopeApp

/// The C key, the status line and the P panel's command lines for the palette.
@Suite("Palette key")
struct PaletteKeyTests {
    @Test func cCyclesThroughTheChoicesAndSaysWhich() {
        var state = AppState()
        var seen: [ColormapName] = []
        for _ in ColormapName.choices {
            #expect(update(&state, .key(.character("C"))).isEmpty, "a palette needs no new maps")
            seen.append(state.environment.colormap)
            #expect(state.message == "palette \(state.environment.colormap.rawValue)")
        }
        #expect(seen == [.viridis, .cividis, .magma, .gray, .rocket])
        state.environment.colorDepth = .none
        update(&state, .key(.character("C")))
        #expect(state.message == "palette viridis: shown in exports; this terminal has no colours")
        state = update(state, .reset)
        #expect(state.environment.colormap == .viridis, "reset keeps the palette")
    }

    @Test func theCodePanelsCommandLinesNameAPaletteOtherThanRocket() {
        var state = AppState()
        #expect(!CodePanelText.commandPieces(state).joined(separator: " ").contains("--cmap"))
        state.environment.colormap = .cividis
        #expect(CodePanelText.commandPieces(state).joined(separator: " ") == "convscope --fresh --cmap cividis")
        #expect(CodePanelText.renderPieces(state).joined(separator: " ").hasSuffix("--size 80x24 --cmap cividis"))
    }

    @Test func theHeatmapIsDrawnInThePalette() {
        var state = AppState()
        state.terminalSize = TerminalSize(columns: 120, rows: 40)
        state.environment.colormap = .cividis
        let maps = try! ComputedMaps(ConvExperiment(state.parameters))
        let canvas = view(state, maps: maps, environment: state.environment)
        let layout = Layout.compute(state, environment: state.environment, widths: maps.widths)
        let corner = layout.input!.origin(ofChannel: 0)
        // Input value 4 of 0–8 is entry 128, value 0 entry 0.
        let cividis = Colormap.named(.cividis)
        #expect(canvas[corner.x + 2 * 4, corner.y].style.background == cividis.color(at: 128))
        #expect(canvas[corner.x, corner.y].style.background == cividis.color(at: 0))
    }
}
