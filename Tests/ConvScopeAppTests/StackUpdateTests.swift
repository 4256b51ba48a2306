import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The stack screen's actions through `update`: selecting, adding (a copy or a typed layer),
/// removing and moving layers, the inspector across layers, coverage, and panel edits.
@Suite("Stack screen updates")
struct StackUpdateTests {
    static let models = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ConvCoreTests/Fixtures/models").standardized

    /// A model file of the fixtures on a 1×C×8×8 ramp, C what its first layer expects.
    static func model(_ file: String, size: Int = 8) -> Model {
        let text = try! String(contentsOf: models.appendingPathComponent(file), encoding: .utf8)
        let layers = try! ModelParser.parse(text)
        return Model(inputShape: [1, Model.expectedChannels(layers)!, size, size], layers: layers)
    }

    static func state(_ file: String, columns: Int = 80, rows: Int = 24) -> ModelProgram {
        var s = ModelProgram(model: model(file))
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        return s
    }

    static func apply(_ state: ModelProgram, _ actions: StackAction...) -> ModelProgram {
        actions.reduce(state) { update($0, .stack($1)) }
    }

    @Test func selectingStopsAtBothEndsAndLoadsAConv2dsNumbersOnThePanel() {
        var s = Self.state("skip.txt")
        #expect(s.stack!.selected == 0)
        #expect(s.selectedLayerSettings!.inChannels == 1 && s.selectedLayerSettings!.outChannels == 8 && s.selectedLayerSettings!.paddingH == 1)
        s = update(s, .stack(.selectLayer(-1)))
        #expect(s.stack!.selected == 0)
        s = Self.apply(s, .selectLayer(1), .selectLayer(1), .selectLayer(1))
        #expect(s.stack!.selected == 3)
        #expect(s.selectedLayerSettings!.inChannels == 8 && s.selectedLayerSettings!.outChannels == 16 && s.selectedLayerSettings!.hIn == 4,
                "layer (3)'s numbers, its input 4×4 from the pool before it")
        for _ in 0..<20 { s = update(s, .stack(.selectLayer(1))) }
        #expect(s.stack!.selected == 9)
    }

    @Test func duplicateInsertsACopyAfterTheSelectedLayerAndSkipsFollow() {
        let s = Self.apply(Self.state("skip.txt"), .duplicate)
        let stack = s.stack!
        #expect(stack.model.layers.count == 11)
        #expect(stack.selected == 1)
        #expect(stack.model.layers[1] == stack.model.layers[0])
        #expect(stack.note == .added(index: 1))
        #expect(stack.model.layers[7] == .cat(CatLayer(skip: 2)), "the Cat still joins the ReLU's output")
        #expect(stack.trace.failure?.index == 1, "a copy of Conv2d(1, 8, …) after it gets 8 channels: PyTorch's error")
    }

    @Test func aTypedLayerIsInsertedAndABadOneKeepsThePromptWithTheParsersWords() {
        var s = Self.apply(Self.state("skip.txt"), .openPrompt)
        #expect(s.stack!.prompt == "")
        for c in "Conv2d(8, 8, 3" { s = update(s, .stack(.promptType(c))) }
        s = update(s, .stack(.commitPrompt))
        #expect(s.stack!.prompt == "Conv2d(8, 8, 3", "a text that does not parse stays to be fixed")
        guard case let .parseError(words)? = s.stack!.note else { Issue.record("no parse error"); return }
        #expect(words.contains("column 15"))
        s = Self.apply(s, .promptType(")"), .commitPrompt)
        #expect(s.stack!.prompt == nil)
        #expect(s.stack!.model.layers.count == 11)
        #expect(s.stack!.selected == 1)
        #expect(s.stack!.layer == .conv2d(Conv2dLayer(8, 8, kernelSize: SpatialPair(square: 3))))
        #expect(s.stack!.selectedTrace.outputShape == [1, 8, 6, 6])
        s = Self.apply(s, .openPrompt, .promptType("x"), .promptBackspace)
        #expect(s.stack!.prompt == "")
        s = Self.apply(s, .promptType("q"), .cancelPrompt)
        #expect(s.stack!.prompt == nil && s.stack!.model.layers.count == 11)
    }

    @Test func pytorchsValueErrorWhileBuildingIsShown() {
        let s = Self.apply(Self.state("skip.txt"), .insert("Conv2d(4, 6, 3, groups=4)"))
        #expect(s.stack!.model.layers.count == 10)
        #expect(s.stack!.note == .parseError("ValueError: out_channels must be divisible by groups"))
    }

    @Test func removeKeepsOneLayerAndMoveSwapsWithSkipsFollowing() {
        var s = Self.apply(Self.state("broken_channels.txt"), .selectLayer(1), .remove)
        #expect(s.stack!.model.layers.count == 3)
        #expect(s.stack!.selected == 1)
        #expect(s.stack!.note == .removed(name: "1"))
        s = Self.apply(s, .remove, .remove)
        #expect(s.stack!.model.layers.count == 1)
        s = update(s, .stack(.remove))
        #expect(s.stack!.model.layers.count == 1)
        #expect(s.stack!.note == .lastLayer)

        var skip = Self.apply(Self.state("skip.txt"), .selectLayer(1), .move(1))
        #expect(skip.stack!.selected == 2)
        #expect(skip.stack!.model.layers[1].name == "MaxPool2d")
        #expect(skip.stack!.model.layers[6] == .cat(CatLayer(skip: 2)), "the Cat follows the ReLU to (2)")
        skip = update(skip, .stack(.move(-1)))
        #expect(skip.stack!.model == Self.model("skip.txt"))
        skip = update(skip, .stack(.move(-1)))
        skip = update(skip, .stack(.move(-1)))
        #expect(skip.stack!.selected == 0, "the first layer does not move up")
    }

    /// A layer a Cat joins is neither removed nor moved to or past its Cat: the Cat would
    /// silently join another layer (or itself).
    @Test func aLayerACatJoinsStaysBeforeItsCat() {
        let original = Self.model("skip.txt")
        #expect(original.catsJoining(1) == [6])
        var s = Self.apply(Self.state("skip.txt"), .selectLayer(1), .remove)
        #expect(s.stack!.model == original && s.stack!.note == .joinedByCat(index: 1, cat: 6))
        s = Self.apply(Self.state("skip.txt"), .selectLayer(6))
        for _ in 0..<4 { s = update(s, .stack(.move(-1))) }
        #expect(s.stack!.selected == 2 && s.stack!.model.layers[2] == .cat(CatLayer(skip: 1)))
        s = update(s, .stack(.move(-1)))
        #expect(s.stack!.selected == 2 && s.stack!.note == .joinedByCat(index: 1, cat: 2), "the Cat stays after (1)")
        s = Self.apply(s, .selectLayer(-1), .move(1))
        #expect(s.stack!.selected == 1 && s.stack!.note == .joinedByCat(index: 1, cat: 2), "and (1) stays before the Cat")
        #expect(StackText(lang: .ru, g: .unicodeSet).note(.joinedByCat(index: 1, cat: 2)).contains("склеивает слой (1)"))
    }

    @Test func theInspectorMovesOverTheOutputAndShowsTheFieldInTheInput() {
        var s = Self.apply(Self.state("skip.txt"), .selectLayer(1), .selectLayer(1), .selectLayer(1), .toggleField)
        #expect(s.stack!.note == .fieldNeedsInspector)
        s = Self.apply(s, .toggleInspect, .moveCursor(dx: 9, dy: 1), .cursorChannel(40))
        #expect(s.stack!.inspecting)
        #expect(s.stack!.cursor == CellCursor(channel: 15, y: 1, x: 3), "clamped into the 1×16×4×4 output")
        s = update(s, .stack(.toggleField))
        #expect(s.stack!.fieldInInput)
        let span = s.stack!.trace.inputSpan(layer: 3, y: 1, x: 3)!
        #expect(span.rows.count == 8 && span.columns.count == 8, "r = 8 after conv, pool, conv")
        let lines = StackLayout.noteLines(s.stack!, text: StackText(lang: .en, g: .unicodeSet), width: 200)
        #expect(lines.contains { $0.text.contains("field in the model's input: rows -1–6, columns 3–10, r×r = 8×8") })
        s = update(s, .stack(.back))
        #expect(!s.stack!.fieldInInput && s.stack!.inspecting)
        s = update(s, .stack(.back))
        #expect(!s.stack!.inspecting)
        s = update(s, .stack(.back))
        #expect(s.stack!.note == .nothingToClose)
    }

    @Test func aBrokenLayerCannotBeInspectedAndACatShowsItsPair() {
        var s = Self.apply(Self.state("broken_channels.txt"), .selectLayer(2), .toggleInspect)
        #expect(!s.stack!.inspecting)
        #expect(s.stack!.note == .noMapsToInspect)
        s = Self.apply(Self.state("skip.txt"), .selectLayer(6), .toggleInspect)
        #expect(s.stack!.note == .catShowsPair)
        let (top, bottom) = StackMapSource.sections(s.stack!, text: StackText(lang: .en, g: .unicodeSet))
        #expect(top?.subtitle == "skip output of (1)" && top?.shape == [1, 8, 8, 8])
        #expect(bottom?.subtitle == "output of (5)" && bottom?.shape == [1, 8, 8, 8])
    }

    @Test func coverageNeedsWindowsAndCountsThem() {
        var s = Self.apply(Self.state("skip.txt"), .selectLayer(1), .toggleCoverage)
        #expect(!s.stack!.coverage)
        #expect(s.stack!.note == .noWindows(name: "ReLU"))
        // On a ConvTranspose2d the key shows its direct and scatter forms before the coverage map.
        s = Self.apply(s, .selectLayer(4), .toggleCoverage)
        #expect(!s.stack!.coverage && s.stack!.transposedView == .direct)
        s = Self.apply(s, .toggleCoverage, .toggleCoverage)
        #expect(s.stack!.coverage && s.stack!.transposedView == nil)
        // ConvTranspose2d(16, 8, 2, stride=2): every output cell written by exactly one input cell.
        #expect(s.stack!.coverageCounts == Array(repeating: Array(repeating: 1, count: 8), count: 8))
        s = update(s, .stack(.toggleCoverage))
        #expect(!s.stack!.coverage)
    }

    @Test func panelEditsGoIntoTheSelectedConv2dAndItsInput() {
        var s = Self.state("broken_channels.txt")
        s = update(s, .set(.hIn, 10))
        #expect(s.stack!.model.inputShape == [1, 3, 10, 8])
        #expect(s.stack!.trace.layers[0].outputShape == [1, 8, 8, 6])
        s = Self.apply(s, .selectLayer(2))
        #expect(s.stack!.trace.failure?.index == 2)
        s = update(s, .set(.inChannels, 8))
        #expect(s.stack!.trace.failure == nil, "in_channels 8 matches the 8 maps before it")
        #expect(s.stack!.layer == .conv2d(Conv2dLayer(8, 8, kernelSize: SpatialPair(square: 3))))
        let before = s.stack!.model
        s = update(s, .set(.wIn, 12))
        #expect(s.stack!.model == before)
        #expect(s.stack!.note == .sizeFromPrevious(index: 2))
        #expect(s.selectedLayerSettings!.wIn == 6, "w_in goes back to what the layer before gives")
        s = Self.apply(s, .selectLayer(1))
        s = update(s, .increment)
        #expect(s.stack!.note == .readOnly(name: "ReLU"))
        #expect(s.stack!.model == before)
    }

    @Test func pagesOfASectionFollowTheStackLayout() {
        var s = Self.state("encoder_decoder.txt")
        s = update(s, .nextPage)
        let layout = StackLayout.compute(s, environment: s.environment)
        #expect(layout.bottom!.isPaged)
        #expect(s.outputPage == 1 && layout.bottom!.page == 1)
        for _ in 0..<10 { s = update(s, .nextPage) }
        #expect(s.outputPage == StackLayout.compute(s, environment: s.environment).bottom!.pageCount - 1)
    }

    @Test func theStackScreenAsksForItsValuesAndModelsPastTheLimitShowShapesOnly() {
        let model = Model(inputShape: [1, 1, 572, 572], layers: [
            try! LayerParser.parse("Conv2d(1, 64, 3)"), try! LayerParser.parse("ReLU()")])
        var s = ModelProgram(model: model)
        #expect(update(&s, .start(TerminalSize(columns: 80, rows: 24))) == [.computeStack(model, selected: 0), .mouseReporting(true)],
                "the stack's values, no single layer's")
        #expect(s.stack!.run == nil && s.stack!.awaitsValues)
        var text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("computing the maps of every layer"))
        #expect(text.contains("1×64×570×570"), "shapes show at once")
        #expect(update(&s, .key(.right)) == [.computeStack(s.stack!.model, selected: 0)], "→ on h_in of layer (0) changes the model")
        #expect(s.stack!.model.inputShape == [1, 1, 573, 572])
        let stale = Model(inputShape: [1, 1, 2, 2], layers: [try! LayerParser.parse("ReLU()")])
        update(&s, .stackComputed(model, stale.run()))
        #expect(s.stack!.run == nil, "values that arrive for the model before are dropped")
        update(&s, .stackComputed(s.stack!.model, stale.run()))
        #expect(s.stack!.run == nil, "values whose trace is not this model's are dropped")
        update(&s, .stackComputed(s.stack!.model, s.stack!.model.run()))
        #expect(s.stack!.run != nil && !s.stack!.awaitsValues)
        #expect(update(&s, .stack(.selectLayer(1))).isEmpty, "the same model: nothing to compute again")

        var big = ModelProgram(model: Model(inputShape: [1, 1, 572, 572], layers: [try! LayerParser.parse("Conv2d(1, 1024, 3)")]))
        #expect(update(&big, .start(TerminalSize(columns: 80, rows: 24))) == [.mouseReporting(true)],
                "1024×570×570 values are past the limit")
        #expect(big.stack!.run == nil && !big.stack!.awaitsValues)
        text = view(big, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("values not computed: more than 64,000,000 values"))
        big = update(big, .stack(.toggleInspect))
        #expect(big.stack!.note == .noMapsToInspect)
    }
}
