import ConvCore
@testable import ConvScopeApp
import Testing

/// The course screen's computed maps live in its state: `.computed` brings them in through
/// `update`, and a frame is drawn from the state alone, with no engine.
@Suite("The maps live in the state")
struct MapsInStateTests {
    static let environment = RenderEnvironment(language: .en)

    /// Random input and weights, 3 → 4 channels, 12×10, k 3: values that differ in every map.
    static func layer(hIn: Int = 12) -> Conv2dSettings {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (hIn, 10, 3, 4, 3, 3)
        var layer = Conv2dSettings(p)
        layer.input = .generated(.random(start: 11))
        layer.kernel = .preset(.random(start: 12))
        return layer
    }

    @Test("computed maps go into the state, sharing their values, and the frame is drawn from them")
    func computedMapsAreDrawnFromTheState() throws {
        let layer = Self.layer()
        let maps = ComputedMaps(try ConvExperiment(layer))
        let started = update(AppState(parameters: layer), .start(TerminalSize(columns: 120, rows: 40)))
        let waiting = started.frame(environment: Self.environment, spinner: 0).canvas
        #expect(started.shownMaps == nil && waiting.text.contains("computing"), "no maps yet: the spinner")

        let state = update(started, .computed(maps))
        #expect(state.maps == maps && state.preview == nil)
        // Moved, not copied: the state's output is the computation's own array.
        let base: (FeatureMaps) -> UnsafeRawPointer? = { maps in maps.storage.withUnsafeBytes { $0.baseAddress } }
        let held = try #require(state.maps).experiment.output.get(), made = try maps.experiment.output.get()
        #expect(base(held) == base(made))
        let drawn = state.frame(environment: Self.environment, spinner: 0).canvas
        #expect(drawn == view(state, maps: maps, environment: Self.environment), "the frame is the one of the maps it holds")
        #expect(!drawn.text.contains("computing") && drawn != waiting)
        // One of the output's values, written by the view at zoom numbers, comes from the state's maps.
        let numbers = update(state, .cycleZoom)
        let zoomed = update(numbers, .cycleZoom).frame(environment: Self.environment, spinner: 0).canvas.text
        let value = try maps.experiment.output.get()[0, 0, 0, 0]
        #expect(zoomed.replacingOccurrences(of: "−", with: "-").contains(NumberText.cell(value)))
    }

    @Test("a preview is drawn until the whole layer arrives, and dropped when the settings change")
    func previewThenFinished() throws {
        let layer = Self.layer()
        let input = layer.makeInputMaps(), kernels = layer.makeKernelMaps()
        let region = OutputRegion(channels: 0..<2, rows: 0..<4, columns: 0..<4, block: 1)
        let preview = ComputedMaps(try ConvExperiment(previewOf: layer, region: region, input: input, kernels: kernels))
        let finished = ComputedMaps(try ConvExperiment(layer))
        let older = ComputedMaps(try ConvExperiment(Self.layer(hIn: 11)))

        var state = update(AppState(parameters: layer), .computed(older))
        state = update(state, .computed(preview))
        #expect(state.shownMaps == preview && state.maps == older, "the preview is drawn; the older maps are kept")
        #expect(state.frame(environment: Self.environment, spinner: 0).canvas
                == view(state, maps: preview, environment: Self.environment))
        state = update(state, .computed(finished))
        #expect(state.shownMaps == finished && state.preview == nil, "the whole layer replaces the preview")

        // A preview of settings the state has left is never kept.
        var moved = update(update(AppState(parameters: layer), .computed(preview)), .set(.hIn, 13))
        #expect(moved.preview == nil)
        moved = update(moved, .computed(preview))
        #expect(moved.preview == nil && moved.shownMaps == nil, "a late preview of other settings is not taken")
    }
}
