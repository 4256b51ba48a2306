import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// A slow layer (the general path, random weights) shows the part of its output on screen first:
/// the block means of the whole maps, or the values of the window in view, then the whole layer.
/// One test at a time: each starts a layer that keeps both cores busy until it ends.
@Suite("The maps in view before the rest of a slow layer", .serialized)
struct PreviewRunLoopTests {
    /// Random input and weights at `size`², `channels` → `channels`, k × k: the general path.
    static func slow(size: Int, channels: Int, kernel: Int) -> Conv2dSettings {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (size, size, channels, channels, kernel, kernel)
        var layer = Conv2dSettings(p)
        layer.input = .generated(.random(start: 5))
        layer.kernel = .preset(.random(start: 6))
        return layer
    }

    static let shownFirst = "shown first"

    @Test("whole maps of block means drawn first, then the whole layer")
    func previewsThenTheLayer() {
        // 6.5·10¹⁰ multiply-adds: above the engine's preview threshold, under a second to finish.
        let layer = Self.slow(size: 512, channels: 32, kernel: 16)
        let final: (String) -> Bool = { !$0.contains(Self.shownFirst) && !$0.contains("computing") && $0.contains("output") }
        let screen = FakeScreen(size: TerminalSize(columns: 160, rows: 40), script: [
            .idle(until: { $0.contains(Self.shownFirst) }, seconds: 60),
            .idle(until: final, seconds: 120),
            .event(.key(.character("q"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(parameters: layer), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        let frames = screen.frames.map(\.text)
        let firstPreview = frames.firstIndex { $0.contains(Self.shownFirst) }
        let firstFinal = frames.firstIndex(where: final)
        #expect(firstPreview != nil, "a frame drew the preview")
        #expect(firstFinal != nil, "the whole layer arrived")
        if let firstPreview, let firstFinal {
            #expect(firstPreview < firstFinal)
            // The preview draws maps where the spinner's line stood: no "computing 1×32×497×497".
            #expect(!frames[firstPreview].contains("computing 1×32×497×497"))
            #expect(frames[firstPreview].contains("1 cell = "), "whole maps of block means")
        }
    }

    @Test("a window in numbers: drawn first with the layer's own values")
    func numbersWindowFirst() throws {
        // About ten seconds for the whole layer: the window is drawn long before; q cancels the rest.
        let layer = Self.slow(size: 512, channels: 64, kernel: 32)
        let screen = FakeScreen(size: TerminalSize(columns: 160, rows: 40), script: [
            .event(.key(.character("z"))), .event(.key(.character("z"))),  // auto → whole → numbers
            .idle(until: { $0.contains(Self.shownFirst) && $0.contains("zoom numbers") }, seconds: 60),
            .event(.key(.character("q"))),
        ])
        var loop = RunLoop(screen: screen, state: AppState(parameters: layer), exporter: { _, _ in "" })
        #expect(loop.run() == 0)
        #expect(loop.state.zoomOverride == .numbers)
        let frames = screen.frames.map(\.text)
        guard let preview = frames.first(where: { $0.contains(Self.shownFirst) && $0.contains("zoom numbers") }) else {
            Issue.record("no preview frame"); return
        }
        // The window the loop asked for (nothing changed the view since), computed on its own:
        // the preview frame writes its first output row's values, in order.
        let region = try #require(loop.state.visibleOutput(environment: screen.environment))
        #expect(region.block == 1)
        let direct = try OutputPreview.run(input: layer.makeInputMaps(), kernels: layer.makeKernelMaps(), bias: nil,
                                           spec: layer.spec, region: region)
        let c = region.channels.lowerBound, y = region.rows.lowerBound
        let expected = region.columns.prefix(4).map { String(Int(direct[0, c, y, $0])) }
        let lines = preview.replacingOccurrences(of: "−", with: "-").split(separator: "\n")
        let found = lines.contains { line in
            let tokens = line.split(separator: " ").map(String.init)
            return tokens.indices.contains { i in Array(tokens[i...].prefix(expected.count)) == expected }
        }
        #expect(found, "the preview shows \(expected) in a row")
    }

    @Test("scrolled while it computes: the new region is computed first and the old one dropped")
    func scrolledRegionFirst() throws {
        // 9.7·10¹¹ multiply-adds: about ten seconds, cancelled at the end.
        let layer = Self.slow(size: 512, channels: 64, kernel: 32)
        let engine = Engine()
        let first = OutputRegion(channels: 0..<4, rows: 0..<20, columns: 0..<12, block: 1)
        let second = OutputRegion(channels: 4..<8, rows: 100..<120, columns: 30..<42, block: 1)
        #expect(engine.request(.layer(layer, showing: first)).isEmpty)
        #expect(engine.isComputing(layer))
        func waitForPreview() -> ComputedMaps? {
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                for result in engine.take() { if case .preview(let maps) = result { return maps } }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return nil
        }
        let one = try #require(waitForPreview())
        #expect(one.coverage == first)
        // The preview goes into the state, which draws it until the whole layer arrives.
        var state = update(AppState(parameters: layer), .computed(one))
        #expect(state.shownMaps?.coverage == first && state.maps == nil)
        engine.show(second)
        let two = try #require(waitForPreview())
        #expect(two.coverage == second)
        // Its values are the layer's: the same as a preview computed on its own.
        let direct = try OutputPreview.run(input: layer.makeInputMaps(), kernels: layer.makeKernelMaps(), bias: nil,
                                           spec: layer.spec, region: second)
        let output = try two.experiment.output.get()
        for c in second.channels {
            for y in second.rows { for x in second.columns { #expect(output[0, c, y, x] == direct[0, c, y, x]) } }
        }
        // Another layer: the slow one and its previews are dropped.
        var small = layer
        (small.geometry.hIn, small.geometry.wIn, small.geometry.inChannels, small.geometry.outChannels) = (8, 8, 1, 1)
        (small.geometry.kernelSizeH, small.geometry.kernelSizeW) = (3, 3)
        let computed = engine.request(.layer(small, showing: nil))
        #expect(computed.count == 1, "a small layer is computed at once")
        #expect(!engine.isComputing(layer) && engine.take().isEmpty, "the slow layer's previews are dropped")
        state.parameters = small
        #expect(state.preview == nil, "the state drops the preview of settings it left")
        for result in computed { state = update(state, result.action) }
        #expect(state.shownMaps?.experiment.layer == small)
    }
}
