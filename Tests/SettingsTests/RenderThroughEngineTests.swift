import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing
@testable import convscope

/// `render` and the interactive screen take the one entry from a layer to its maps
/// (`Engine.computeNow`), and draw the same values from it.
@Suite("render and the run loop ask the same engine")
struct RenderThroughEngineTests {
    /// Layers as flags: the course notes' own, random input and weights, stride, padding and
    /// dilation, groups with a bias, and one large enough for the loop to compute in the background.
    static let layers: [[String]] = [
        [],
        ["--input", "random:3", "--kernel", "random:4", "--in-channels", "2", "--out-channels", "3"],
        ["--h-in", "11", "--w-in", "7", "--stride", "2", "--padding", "1", "--dilation", "2", "--kernel", "laplace"],
        ["--in-channels", "4", "--out-channels", "2", "--groups", "2", "--bias", "-1.5", "--input", "random:8",
         "--kernel", "random:9"],
        ["--h-in", "640", "--w-in", "640", "--input", "random:5", "--kernel", "random:6"],
    ]

    @Test("render's JSON is the JSON of the maps the loop put into its state, both asked of computeNow",
          arguments: layers)
    func renderAndLoopShareTheEntry(flags: [String]) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("render-engine-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try RenderCommand.parse(flags + ["--format", "json", "-o", path])
        let layer = try command.parameters.apply(to: Conv2dSettings())
        let rendered = ComputeLog()
        try Engine.$computedNow.withValue(rendered) { try command.run() }
        #expect(rendered.asked == [layer], "render asked the engine for the layer once")

        let looped = ComputeLog()
        let screen = QuitWhenDrawn()
        var loop = RunLoop(screen: screen, state: AppState(parameters: layer), exporter: { _, _ in "" })
        let status = Engine.$computedNow.withValue(looped) { loop.run() }
        #expect(status == 0)
        let maps = try #require(loop.state.maps, "the loop's state holds the finished maps")
        if Engine.cost(layer) <= Engine.inlineLimit {
            #expect(looped.asked == [layer], "the loop computed the small layer through the same entry")
        } else {
            #expect(looped.asked.isEmpty, "a large layer is computed in the background, by the same static path")
        }
        var json: [UInt8] = []
        var writer = TensorJSONWriter { json += $0 }
        _ = writer.write(maps.experiment)
        let file = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(file) == json, "render wrote the values the screen draws")
    }

    @Test("the part in view the screen computes first holds render's values there")
    func previewRegionMatchesRender() throws {
        let command = try RenderCommand.parse(Self.layers.last! + ["--format", "json"])
        let layer = try command.parameters.apply(to: Conv2dSettings())
        // Every layer computed in the background gets its region in view first with this threshold.
        let engine = Engine(previewMultiplyAdds: 1)
        let region = OutputRegion(channels: 0..<1, rows: 300..<340, columns: 17..<61, block: 1)
        #expect(engine.request(.layer(layer, showing: region)).isEmpty, "computed in the background")
        var preview: ComputedMaps?
        let deadline = ContinuousClock.now + .seconds(120)
        while preview == nil && engine.isComputing && ContinuousClock.now < deadline {
            preview = engine.take().lazy.compactMap { if case .preview(let maps) = $0 { maps } else { nil } }.first
            Thread.sleep(forTimeInterval: 0.002)
        }
        let shown = try #require(preview, "the region in view arrived before the whole layer").experiment.output.get()
        let rendered = try Engine().computeNow(layer).experiment.output.get()
        var differing = 0
        for y in region.rows { for x in region.columns where shown[0, 0, y, x] != rendered[0, 0, y, x] { differing += 1 } }
        #expect(differing == 0, "the screen's first values are render's")
    }
}

/// A screen that quits (q) once a frame drew finished maps, and then on every later event.
private final class QuitWhenDrawn: Screen {
    let environment = RenderEnvironment(language: .en)
    let size = TerminalSize(columns: 120, rows: 40)
    private var drewMaps = false
    private let deadline = ContinuousClock.now + .seconds(120)

    func draw(_ canvas: Canvas) {
        let text = canvas.text
        if !text.contains("computing") { drewMaps = true }
    }

    func nextEvent(timeoutMilliseconds milliseconds: Int32) -> Action? {
        if drewMaps || ContinuousClock.now > deadline { return .key(.character("q")) }
        Thread.sleep(forTimeInterval: Double(max(1, min(milliseconds, 20))) / 1000)
        return nil
    }

    func suspend() {}
    func setMouseReporting(_ on: Bool) {}
}
