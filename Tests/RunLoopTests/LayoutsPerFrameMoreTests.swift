import ConvCore
@testable import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// One layout per drawn frame for the changes whose words or work depend on the layout: the zoom
/// key and `w` (their notices say what the frame chose), a layer computed in the background (its
/// region in view is read from the layout its first frame is painted from), start-up, exports.
@Suite("One layout per frame: zoom, w, background layers, start-up, exports", .serialized)
struct LayoutsPerFrameMoreTests {
    typealias Counted = LayoutsPerFrameTests
    static func key(_ c: Character) -> FakeScreen.Step { .event(.key(.character(c))) }

    /// The status line of every frame the loop drew after a key, against the same keys applied
    /// with no frames (each laid out at once): the notice words what the frame laid out.
    static func statusLines(_ screen: FakeScreen) -> [String] {
        screen.frames.map { String($0.text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "") }
    }

    @Test("course screen: the zoom key and w — one layout per frame, the notice from the frame's layout")
    func courseZoomAndKernelSection() {
        let keys: [Character] = ["z", "z", "z", "z", "w", "w", "z", "w"]
        let run = Counted.count(AppState(parameters: Conv2dSettings()), keys.map(Self.key))
        #expect(run.frames == keys.count + 1, "start-up and every key drew a frame")
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
        // The same keys with no run loop: each notice is worded from a layout made at once.
        var plain = AppState(parameters: Conv2dSettings())
        plain.terminalSize = TerminalSize(columns: 80, rows: 24)
        plain.environment = run.screen.environment
        var expected: [String] = []
        for key in keys {
            plain = update(plain, .key(.character(key)))
            expected.append(plain.message ?? "")
        }
        let shown = Self.statusLines(run.screen).dropFirst()
        for (line, notice) in zip(shown, expected) {
            #expect(line.contains(notice), "\(line) says \(notice)")
        }
        #expect(expected.contains { $0.contains("auto") } && expected.contains { $0.contains("kernel section") })
    }

    @Test("course screen: a layer computed in the background — start-up and a key, one layout per frame")
    func courseBackgroundLayer() {
        let computed: (String) -> Bool = { !$0.contains("computing") && $0.contains("output") }
        let steps: [FakeScreen.Step] = [
            .idle(until: computed, seconds: 120),
            .event(.key(.right)),  // h_in 512 → 513: computed in the background again
            .idle(until: { computed($0) && $0.contains("513") }, seconds: 120),
            Self.key("z"),
        ]
        let run = Counted.count(AppState(parameters: HeldFrameTests.slow()), steps)
        let texts = run.screen.frames.map(\.text)
        // The first frame is the spinner's or, on a loaded machine whose loop comes late, the part in
        // view already computed: either is painted from the region's layout, which the count holds.
        #expect(texts.first.map { !computed($0) || !$0.contains("513") } == true, "the first frame is not the finished key's")
        #expect(texts.contains { computed($0) && $0.contains("513") })
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
    }

    @Test("model screen: start-up, the zoom key, a stack computed in the background, a lesson with z and w")
    func modelScreen() throws {
        let layers = try ["Conv2d(3, 16, 3, padding=1)", "ReLU()", "Conv2d(16, 16, 3, padding=1)"].map { text throws in
            try LayerParser.parse(text)
        }
        let model = Model(inputShape: [1, 3, 96, 96], layers: layers)
        let ready: (String) -> Bool = { !$0.contains(StackComputeRunLoopTests.computing) }
        let steps: [FakeScreen.Step] = [
            .idle(until: ready, seconds: 60), Self.key("z"), Self.key("z"), Self.key("z"),
            Self.key("o"), .idle(until: { !$0.contains("computing") }, seconds: 60),
            Self.key("z"), Self.key("w"), Self.key("w"),
        ]
        let run = Counted.count(ModelProgram(model: model), steps)
        #expect(run.state.lesson != nil, "o opened the first Conv2d's lesson")
        #expect(run.layouts == run.frames, "\(run.layouts) layouts for \(run.frames) frames")
        let lines = Self.statusLines(run.screen)
        #expect(lines.contains { $0.contains("zoom") }, "the zoom key's notice was on screen")
    }

    @Test("an exported frame is laid out once: the screen and the maps of a layer that fits")
    func exportsLayOutOnce() throws {
        var state = AppState(parameters: Conv2dSettings())
        state.terminalSize = TerminalSize(columns: 120, rows: 40)
        let maps = try ComputedMaps(ConvExperiment(state.parameters))
        let env = RenderEnvironment(colorDepth: .palette256, language: .en)
        for frame in ExportFrame.allCases {
            let counter = LayoutCount()
            _ = LayoutCount.$current.withValue(counter) { frame.canvas(state, maps: maps, environment: env) }
            #expect(counter.value == 1, "\(frame): \(counter.value) layouts")
        }
        let layers = try ["Conv2d(3, 8, 3, padding=1)", "ReLU()"].map { text throws in try LayerParser.parse(text) }
        let stack = update(ModelProgram(model: Model(inputShape: [1, 3, 8, 8], layers: layers)), .start(state.terminalSize))
        for frame in ExportFrame.allCases {
            let counter = LayoutCount()
            _ = LayoutCount.$current.withValue(counter) { frame.canvas(stack, environment: env) }
            #expect(counter.value == 1, "\(frame) of the stack screen: \(counter.value) layouts")
        }
    }
}
