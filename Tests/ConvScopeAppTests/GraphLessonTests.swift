import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// A traced graph's Conv2d node opened in the course screen (`o`): resnet18's fx print on a
/// 1×3×32×32 ramp, node layer1.0.conv1 (it reads the max-pool's output, 1×64×8×8).
@Suite("The course screen on a traced graph's node")
struct GraphLessonTests {
    /// The graph screen with layer1.0.conv1 selected.
    static func graphScreen(columns: Int = 80, rows: Int = 24, language: Language = .en) -> ModelProgram {
        let s = GraphScreenTests.state("resnet18.txt", size: 32, columns: columns, rows: rows, language: language)
        let row = s.graph!.rows.firstIndex { i in
            if case .node(let step, _) = s.graph!.outline.entries[i] { s.graph!.trace.steps[step].node.target == "layer1.0.conv1" } else { false }
        }!
        return update(s, .graph(.chooseRow(row)))
    }

    /// layer1.0.conv1 open, its kernel the sobel-x preset (→ on the kernel row, as a user would).
    static func lesson(columns: Int = 80, rows: Int = 24, language: Language = .en) -> ModelProgram {
        LayerLessonScreenTests.sobelX(update(graphScreen(columns: columns, rows: rows, language: language), .key(LayerLesson.key)))
    }

    static func screen(_ s: ModelProgram) -> String { LayerLessonScreenTests.screen(s) }

    @Test(arguments: [Language.en, .ru])
    func kernelSectionWithAPreset(_ language: Language) {
        let s = Self.lesson(language: language)
        #expect(s.lesson?.modelLayer?.layerName == "layer1.0.conv1" && s.lesson?.parameters.kernel == .preset(.sobelX))
        let screen = Self.screen(s)
        assertSnapshot(screen, named: "graph-lesson-kernel-80x24-\(language.rawValue)")
        #expect(screen.contains("layer1.0.conv1"), "the title names the node's module\n\(screen)")
        #expect(screen.contains(language == .en ? "sobel-x" : "собель-x"), "\(screen)")
        #expect(screen.contains("1×64×8×8"), "the input is the max-pool's output\n\(screen)")
    }

    /// With the graph's all-ones weights the course screen computes the graph forward's value of the node.
    @Test func outputIsTheGraphForwardsValue() throws {
        let g = Self.graphScreen()
        let s = update(g, .key(LayerLesson.key))
        let course = try #require(s.lesson)
        #expect(course.parameters.kernel == .preset(.ones))
        let input = try #require(g.graph?.tensor("maxpool"))
        #expect(course.parameters.makeInput().storage == input.storage, "the input is the max-pool node's value")
        let graphOutput = try #require(g.graph?.tensor("layer1_0_conv1"))
        let output = try ConvExperiment(course.parameters).output.get().tensor
        #expect(output.shape == graphOutput.shape)
        #expect(output.storage == graphOutput.storage)
        #expect(output.storage.contains { $0 != 0 }, "a ramp's values reach the node")
    }

    /// The input rows and the layer kind stay the graph's, with a note saying why.
    @Test func theGraphDecidesTheInputAndTheLayerKind() {
        var s = Self.lesson(columns: 120, rows: 40)
        let before = s.lesson?.parameters
        for id in [ParameterID.hIn, .inChannels, .input, .layerKind] {
            s = update(update(s, .select(id)), .increment)
            #expect(s.lesson?.parameters == before, "\(id.name) stays")
        }
        #expect(s.lesson?.notice == .lesson(.keptByGraph(name: "layer1.0.conv1")))
    }

    @Test func aNodeThatIsNotAConv2dGetsANote() {
        var s = Self.graphScreen()
        s = update(s, .graph(.selectRow(1)))  // layer1.0.bn1
        s = update(s, .key(LayerLesson.key))
        #expect(s.lesson == nil && s.graph?.note == .lesson(.needsConv2d(name: "layer1.0.bn1")))
        let screen = Self.screen(s)
        #expect(screen.contains("layer1.0.bn1 is not a Conv2d"), "\(screen)")
        // A folded block is not a node either.
        s = update(s, .graph(.toggleFold))
        s = update(s, .key(LayerLesson.key))
        #expect(s.lesson == nil && s.graph?.note == .lesson(.needsConv2d(name: "layer1.0")))
    }

    /// Back on the graph: the edited node is written into it (its values computed afresh), and
    /// the note names what changed; coming back unchanged leaves the graph as it was.
    @Test func backOnTheGraphItTakesTheEdits() {
        var s = Self.lesson(language: .ru)
        let before = Self.graphScreen(language: .ru).graph!
        s = update(s, .key(LayerLesson.key))
        #expect(s.lesson == nil && s.graph?.trace == before.trace && s.graph?.model != before.model)
        #expect(s.graph?.tensor("layer1_0_conv1") != before.tensor("layer1_0_conv1"))
        #expect(s.graph?.note == .lesson(.writtenBack(name: "layer1.0.conv1", arguments: false, weights: true)))
        let screen = Self.screen(s)
        #expect(screen.contains("layer1.0.conv1 изменён в модели: веса"), "\(screen)")
        let written = s.graph
        s = update(s, .key(LayerLesson.key))
        s = update(s, .key(.escape))
        #expect(s.lesson == nil && s.graph?.note == .lesson(.writtenBack(name: "layer1.0.conv1", arguments: false, weights: false)))
        #expect(s.graph?.model == written?.model && s.graph?.values == written?.values)
    }

    /// The code panel runs as written: the node's input is too large to write out, so it is a
    /// random stand-in of its shape, never an np.load of a file no one has.
    @Test func codePanelRuns() {
        var s = Self.lesson(columns: 120, rows: 60)
        s = update(s, .togglePanel(.code))
        let screen = Self.screen(s)
        #expect(screen.contains("torch.randn(1, 64, 8, 8)"), "\(screen)")
        #expect(screen.contains("node maxpool"), "\(screen)")
        #expect(!screen.contains("np.load") && !screen.contains("--input"), "\(screen)")
    }

    /// The stem conv1 reads the model's input, the course notebook's ramp: the course screen's
    /// input is that ramp (its code writes it), and its output is the graph's value of conv1.
    @Test func theStemReadsTheRamp() throws {
        let g = GraphScreenTests.state("resnet18.txt", size: 32, columns: 120, rows: 60)
        var s = update(g, .key(LayerLesson.key))
        let course = try #require(s.lesson)
        #expect(course.parameters.input == .generated(.rampX))
        let output = try ConvExperiment(course.parameters).output.get().tensor
        #expect(output.storage == g.graph?.tensor("conv1")?.storage)
        s = update(s, .togglePanel(.code))
        let screen = Self.screen(s)
        #expect(screen.contains("x = torch.arange(32.).repeat(1, 3, 32, 1)") && !screen.contains("randn"), "\(screen)")
    }

    /// The code panel pasted into torch: the stem on the ramp gives the screen's numbers; a node on
    /// a stand-in runs and gives an output of the screen's size.
    @Test(.enabled(if: CodePanelPythonTests.torchAvailable, "python3 with torch is not installed: the code panel's code is not run"))
    func theCodeRunsInTorch() throws {
        let stem = update(LayerLessonScreenTests.sobelX(update(GraphScreenTests.state("resnet18.txt", size: 16, columns: 120, rows: 40),
                                                               .key(LayerLesson.key))), .togglePanel(.code))
        let node = update(Self.lesson(columns: 120, rows: 40), .togglePanel(.code))
        let outputs = try torchOutputs(of: [stem, node].map(LayerLessonCodeTests.python))
        let screen = try [stem, node].map { try ConvExperiment($0.lesson!.parameters).output.get().tensor.storage }
        #expect(outputs.count == 2 && outputs[1].count == screen[1].count)
        let close = outputs[0].count == screen[0].count && zip(screen[0], outputs[0]).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($0)) }
        #expect(close, "the stem's screen and PyTorch differ: \(screen[0].prefix(8)) \(outputs[0].prefix(8))")
    }
}
