import Testing
import ConvCore
@testable import ConvScopeApp

/// The stack screen with the values up to the selected layer while the rest is computed: the
/// selected layer's maps are drawn, later layers say "computing", and an edit never lets an
/// older model's values show as the new one's.
@Suite("Stack screen: the selected layer's values first")
struct StackPartialValuesTests {
    /// Six layers at 64², each Conv2d 2.4 million multiplications: computed in the background.
    static let model: Model = {
        let texts = ["Conv2d(8, 8, 3, padding=1)", "ReLU()", "Conv2d(8, 8, 3, padding=1)", "ReLU()",
                     "Conv2d(8, 8, 3, padding=1)", "ReLU()"]
        return Model(inputShape: [1, 8, 64, 64], layers: texts.map { try! LayerParser.parse($0) })
    }()

    /// The first part handed out for `model` with layer `wanted` selected, and the whole run.
    static func deliveries(_ model: Model, wanted: Int) -> (part: StackRun, whole: StackRun) {
        var parts: [StackRun] = []
        let whole = StackProgressiveRun.run(model, trace: model.trace, wanted: { wanted }, isCancelled: { false }) {
            parts.append($0)
        }
        return (parts[0], whole!)
    }

    /// The screen opened on layer 2 with the values up to it.
    static func openedOnLayer2(columns: Int = 80, rows: Int = 24) -> ModelProgram {
        var s = ModelProgram(model: model)
        update(&s, .start(TerminalSize(columns: columns, rows: rows)))
        let effects = update(&s, .stack(.chooseLayer(2)))
        #expect(effects == [.computeStack(model, selected: 2)], "the values are asked for with the layer selected")
        update(&s, .stackComputed(model, deliveries(model, wanted: 2).part))
        return s
    }

    @Test func thePartUpToTheSelectedLayerIsDrawnAndTheRestIsStillWanted() throws {
        var s = Self.openedOnLayer2()
        let stack = try #require(s.stack)
        let reference = Self.model.run()
        #expect(stack.outputValues == reference.outputs[2], "the selected layer's maps are here")
        #expect(stack.awaitsValues && stack.computesTheRest)
        #expect((0...2).allSatisfy { stack.run?.outputs[$0] == reference.outputs[$0] })
        #expect((3..<6).allSatisfy { stack.run?.outputs[$0] == nil })
        // Selecting a later layer asks again (the job learns it), and says its maps are coming.
        #expect(update(&s, .stack(.selectLayer(2))) == [.computeStack(Self.model, selected: 4)])
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("computing the maps of every layer"))
        #expect(s.stack?.outputValues == nil)
        // The whole run arrives: nothing is wanted any more, and a part never replaces it.
        let (part, whole) = Self.deliveries(Self.model, wanted: 2)
        update(&s, .stackComputed(Self.model, whole))
        #expect(s.stack?.run == whole && s.stack?.awaitsValues == false && s.stack?.computesTheRest == false)
        update(&s, .stackComputed(Self.model, part))
        #expect(s.stack?.run == whole, "a late first part does not replace the whole run")
        #expect(update(&s, .stack(.selectLayer(-1))).isEmpty)
    }

    @Test func anEditBetweenTheTwoDeliveriesDiscardsTheStaleOne() throws {
        var s = Self.openedOnLayer2()
        // Layer 2 edited: its in-flight values belong to the model before.
        for _ in 0..<s.stackRows.count where s.stackRows[s.stack!.row].name != "padding_h" { update(&s, .selectNext) }
        let effects = update(&s, .increment)
        let edited = try #require(s.stack?.model)
        #expect(edited != Self.model)
        #expect(effects == [.computeStack(edited, selected: 2)])
        #expect(s.stack?.run == nil && s.stack?.outputValues == nil, "the old part is not shown as the edited layer's")
        update(&s, .stackComputed(Self.model, Self.deliveries(Self.model, wanted: 2).whole))
        #expect(s.stack?.run == nil, "the model before's whole run is discarded")
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("computing the maps of every layer"))
        update(&s, .stackComputed(edited, Self.deliveries(edited, wanted: 2).part))
        #expect(s.stack?.outputValues == edited.run().outputs[2])
    }

    @Test(arguments: [(80, 24), (200, 60), (50, 17)])
    func snapshotWhileTheRestIsComputed(columns: Int, rows: Int) {
        let s = Self.openedOnLayer2(columns: columns, rows: rows)
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        assertSnapshot(text, named: "stack-selected-first-\(columns)x\(rows)")
        // The title says the later layers are still computed, where it has the room.
        if columns >= 80 { #expect(text.split(separator: "\n")[0].contains("computing the rest…")) }
        #expect(!text.contains("computing the maps of every layer"))
    }
}
