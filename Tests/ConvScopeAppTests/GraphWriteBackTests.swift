import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// A traced graph's Conv2d node edited in the course screen and written back: resnet18's fx print
/// on a 1×3×32×32 ramp, node layer1.0.conv1 (it reads the max-pool's output, 1×64×8×8).
@Suite("A lesson's edits written into a traced graph")
struct GraphWriteBackTests {
    /// layer1.0.conv1 open with its kernel the box preset (→ twice on the kernel row, as a user would).
    static func boxLesson(columns: Int = 80, rows: Int = 24, language: Language = .en) -> ModelProgram {
        var s = update(GraphLessonTests.graphScreen(columns: columns, rows: rows, language: language), .key(LayerLesson.key))
        while s.lesson?.selected != .kernel { s = update(s, .selectNext) }
        for _ in 0..<2 { s = update(s, .increment) }
        return s
    }

    /// The graph's node `name`'s index in its trace.
    static func step(_ s: ModelProgram, _ name: String) -> Int { s.graph!.stepIndex[name]! }

    /// Back with box weights: the node's value is the course screen's output, and the nodes after
    /// it (its BatchNorm, its ReLU) are the graph forward's with that weight.
    @Test func boxWeightsReachTheGraphAndTheNodesAfter() throws {
        let before = try #require(GraphLessonTests.graphScreen().graph?.tensor("layer1_0_conv1"))
        let lesson = Self.boxLesson()
        let course = try #require(lesson.lesson)
        #expect(course.parameters.kernel == .preset(.box))
        let courseOutput = try ConvExperiment(course.parameters).output.get().tensor
        var s = update(lesson, .key(LayerLesson.key))
        let g = try #require(s.graph)
        #expect(s.lesson == nil)
        #expect(g.note == .lesson(.writtenBack(name: "layer1.0.conv1", arguments: false, weights: true)))
        let index = Self.step(s, "layer1_0_conv1")
        #expect(g.model.weightSource(index) == LayerWeightSource(kernel: .preset(.box)))
        let written = try #require(g.tensor("layer1_0_conv1"))
        #expect(written.shape == courseOutput.shape && written.storage == courseOutput.storage,
                "the graph's node is the course screen's output")
        #expect(written.storage != before.storage, "box weights give other values than all ones")
        // The node after it, computed afresh from the written node.
        s = update(update(s, .graph(.selectRow(1))), .graph(.selectRow(1)))
        let after = try #require(s.graph)
        #expect(after.outputStep.node.name == "layer1_0_relu")
        let forward = GraphForward.run(after.trace, inputName: after.model.inputName, input: after.input,
                                       weights: after.model.sourcedWeights)
        for name in ["layer1_0_conv1", "layer1_0_bn1", "layer1_0_relu"] {
            guard case let .tensor(expected) = forward[Self.step(s, name)] else { Issue.record("\(name) made no tensor"); continue }
            #expect(after.tensor(name)?.storage == expected.storage, "\(name) is the forward's with box weights")
        }
        // Opening the node again shows the weights it now has.
        s = update(update(s, .graph(.selectRow(-1))), .graph(.selectRow(-1)))
        s = update(s, .key(LayerLesson.key))
        #expect(s.lesson?.parameters.kernel == .preset(.box))
    }

    /// out_channels 63 no longer fits the BatchNorm2d(64) after it: the graph shows its usual failure there.
    @Test func argumentsThatBreakTheGraphShowTheFailure() throws {
        var s = update(GraphLessonTests.graphScreen(columns: 120, rows: 40), .key(LayerLesson.key))
        s = update(update(s, .select(.outChannels)), .decrement)
        #expect(s.lesson?.parameters.layer.outChannels == 63)
        s = update(s, .key(.escape))
        let g = try #require(s.graph)
        #expect(g.note == .lesson(.writtenBack(name: "layer1.0.conv1", arguments: true, weights: false)))
        guard case let .conv2d(layer)? = g.model.layer(Self.step(s, "layer1_0_conv1")) else { Issue.record("layer1.0.conv1 is no longer a Conv2d"); return }
        #expect(layer.outChannels == 63 && layer.inChannels == 64)
        let failure = g.trace.failure?.index
        #expect(failure == Self.step(s, "layer1_0_bn1"))
        #expect(g.values["layer1_0_bn1"] == nil)
        let screen = LayerLessonScreenTests.screen(s)
        #expect(screen.contains(StackWords.broken(.en)), "the broken node is marked\n\(screen)")
    }

    /// The graph screen after write-back: the note names what changed, the node's line its weights.
    @Test(arguments: [Language.en, .ru])
    func screenAfterWriteBack(_ language: Language) {
        let s = update(Self.boxLesson(language: language), .key(LayerLesson.key))
        let screen = GraphLessonTests.screen(s)
        assertSnapshot(screen, named: "graph-write-back-80x24-\(language.rawValue)")
        #expect(screen.contains(language == .en ? "changed in the model: its weights" : "изменён в модели: веса"), "\(screen)")
        #expect(screen.contains(language == .en ? "weights box" : "веса среднее"), "\(screen)")
    }

    /// The rows a node takes from the graph say so, in both languages.
    @Test(arguments: [Language.en, .ru])
    func theInputRowsComeFromTheGraph(_ language: Language) {
        var s = update(GraphLessonTests.graphScreen(columns: 120, rows: 40, language: language), .key(LayerLesson.key))
        s = update(update(s, .select(.inChannels)), .increment)
        #expect(s.lesson?.notice == .lesson(.fixedByGraph(row: "in_channels", name: "layer1.0.conv1")))
        let screen = LayerLessonScreenTests.screen(s)
        #expect(screen.contains(language == .en ? "in_channels comes from the traced graph" : "in_channels задаёт граф"), "\(screen)")
    }

    /// A request computed for the model before the write-back brings nothing into the new one.
    @Test func valuesOfTheOldModelAreDropped() throws {
        let g = try #require(GraphLessonTests.graphScreen().graph)
        let stale = GraphRequest(trace: g.trace, inputName: g.model.inputName, input: g.input,
                                 wanted: ["layer1_0_conv1"], known: [:], model: g.model)
        var s = update(Self.boxLesson(), .key(LayerLesson.key))
        let written = s.graph?.tensor("layer1_0_conv1")
        s = update(s, .graphComputed(stale, stale.run()))
        #expect(s.graph?.tensor("layer1_0_conv1") == written)
    }
}
