import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// Layer (3) of a pasted VGG-like print(model) opened in the course screen: the kernel section with
/// a preset, an animation frame, the reverse inspector and the model's code, at 80×24 (English and
/// Russian) and 200×60; and back on the model screen, the preset in the model's values.
@Suite("The course screen on a model's layer")
struct LayerLessonScreenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The model screen on lesson_vgg_like.txt (input 1×3×16×16), layer (3) selected.
    static func modelScreen(columns: Int, rows: Int, language: Language = .en) throws -> ModelProgram {
        let text = try String(contentsOf: fixtures.appendingPathComponent("lesson_vgg_like.txt"), encoding: .utf8)
        var s = ModelProgram(model: Model(inputShape: [1, 3, 16, 16], printed: try ModelParser.read(text)))
        s.environment = RenderEnvironment(language: language)
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        return update(s, .stack(.chooseLayer(3)))
    }

    /// Layer (3) open, its kernel the sobel-x preset (→ on the kernel row, as a user would).
    static func lesson(columns: Int, rows: Int, language: Language = .en) throws -> ModelProgram {
        sobelX(update(try modelScreen(columns: columns, rows: rows, language: language), .key(LayerLesson.key)))
    }

    /// The open lesson's kernel set to the sobel-x preset (→ on the kernel row, as a user would).
    static func sobelX(_ opened: ModelProgram) -> ModelProgram {
        var s = opened
        while s.lesson?.selected != .kernel { s = update(s, .selectNext) }
        for _ in 0..<3 { s = update(s, .increment) }
        return s
    }

    static func screen(_ s: ModelProgram) -> String {
        let maps = s.lesson.map { try! ComputedMaps(ConvExperiment($0.parameters)) }
        return view(s, maps: maps, environment: s.environment).text
    }

    static let sizes: [(Int, Int, Language)] = [(80, 24, .en), (80, 24, .ru), (200, 60, .en)]

    static func name(_ view: String, _ size: (Int, Int, Language)) -> String {
        "lesson-\(view)-\(size.0)x\(size.1)-\(size.2.rawValue)"
    }

    @Test(arguments: sizes)
    func kernelSectionWithAPreset(_ size: (Int, Int, Language)) throws {
        let s = try Self.lesson(columns: size.0, rows: size.1, language: size.2)
        #expect(s.lesson?.modelLayer?.layerName == "features.3" && s.lesson?.parameters.kernel == .preset(.sobelX))
        let screen = Self.screen(s)
        assertSnapshot(screen, named: Self.name("kernel", size))
        #expect(screen.contains("features.3"), "the title names the model's layer\n\(screen)")
        #expect(screen.contains(size.2 == .en ? "sobel-x" : "собель-x"), "\(screen)")
        #expect(screen.contains("1×4×8×8"), "the input is the MaxPool2d's output\n\(screen)")
    }

    @Test(arguments: sizes)
    func animationFramePlayedThenStepped(_ size: (Int, Int, Language)) throws {
        var s = try Self.lesson(columns: size.0, rows: size.1, language: size.2)
        s = update(s, .togglePlay)
        s = update(s, .togglePlay)
        s = update(s, .step(1))
        s = update(s, .step(1))
        #expect(s.lesson?.pinnedOutputCell == CellCursor(channel: 0, y: 0, x: 2), "two steps from the first cell")
        let screen = Self.screen(s)
        assertSnapshot(screen, named: Self.name("animation", size))
    }

    @Test(arguments: sizes)
    func reverseInspector(_ size: (Int, Int, Language)) throws {
        var s = try Self.lesson(columns: size.0, rows: size.1, language: size.2)
        s = update(s, .inspect(.input, CellCursor(channel: 1, y: 2, x: 3)))
        #expect(s.lesson?.pinnedInputCell == CellCursor(channel: 1, y: 2, x: 3))
        assertSnapshot(Self.screen(s), named: Self.name("reverse", size))
    }

    @Test(arguments: sizes)
    func codePanelShowsTheModel(_ size: (Int, Int, Language)) throws {
        var s = try Self.lesson(columns: size.0, rows: size.1, language: size.2)
        s = update(s, .togglePanel(.code))
        let screen = Self.screen(s)
        assertSnapshot(screen, named: Self.name("code", size))
        #expect(screen.contains("nn.Sequential("), "\(screen)")
    }

    @Test func inputRowsAreTheModelsAndRefuseEdits() throws {
        var s = try Self.lesson(columns: 120, rows: 40)
        let before = s.lesson?.parameters
        for id in [ParameterID.hIn, .wIn, .inChannels, .input, .layerKind] {
            s = update(s, .select(id))
            s = update(s, .increment)
            #expect(s.lesson?.parameters == before, "\(id.name) stays")
            #expect(s.lesson?.message?.contains("features.3") == true, "\(s.lesson?.message ?? "no notice")")
        }
    }

    @Test func resetComesBackToTheModelsLayer() throws {
        var s = try Self.lesson(columns: 120, rows: 40)
        s = update(s, .key(.character("r")))
        #expect(s.lesson?.modelLayer != nil && s.lesson?.parameters.kernel == .preset(.ones) && s.lesson?.parameters.inChannels == 4)
    }

    /// Back on the model screen: the model keeps the preset, and the values of every later layer
    /// are PyTorch's for that weighing (a fixture PyTorch made, scripts/make_lesson_fixture.py).
    @Test func backOnTheModelTheValuesArePyTorchs() throws {
        var s = try Self.lesson(columns: 120, rows: 40)
        s = update(s, .key(.escape))
        #expect(s.stack != nil && s.lesson == nil)
        #expect(s.stack?.selected == 3)
        #expect(s.stack?.model.weightSource(3).kernel == .preset(.sobelX))
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("lesson_vgg_like_torch.json"))
        let torch = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        for (weighing, run) in [("sobel-x", s.stack!.run!), ("ones", Model(inputShape: [1, 3, 16, 16], layers: s.stack!.model.layers).run())] {
            let layers = torch[weighing] as! [[String: Any]]
            for (i, layer) in layers.enumerated() {
                let values = (layer["values"] as! [Double]).map(Float.init)
                #expect(run.outputs[i]?.shape == layer["shape"] as? [Int])
                #expect(run.outputs[i]?.storage == values, "\(weighing) layer \(i)")
            }
        }
        let screen = Self.screen(s)
        assertSnapshot(screen, named: "lesson-back-120x40-en")
        #expect(screen.contains("features.3 changed in the model: its weights"), "\(screen)")
        #expect(screen.contains("weights sobel-x"), "the model screen names the layer's weights\n\(screen)")
    }

    /// Esc first closes what is open (a panel, the inspector), then goes back.
    @Test func escClosesLevelsBeforeGoingBack() throws {
        var s = try Self.lesson(columns: 120, rows: 40)
        s = update(s, .togglePanel(.code))
        s = update(s, .key(.escape))
        #expect(s.lesson != nil && s.lesson?.panel == nil)
        s = update(s, .key(.escape))
        #expect(s.lesson == nil && s.stack != nil)
    }

    @Test func onlyAConv2dOpens() throws {
        var s = try Self.modelScreen(columns: 120, rows: 40)
        s = update(s, .stack(.chooseLayer(2)))
        s = update(s, .key(LayerLesson.key))
        #expect(s.lesson == nil && s.stack?.note == .lesson(.needsConv2d(name: "features.2")))
    }
}
