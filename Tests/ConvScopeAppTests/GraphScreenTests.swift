import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// The graph screen's state through `update`: the outline and its folding, the maps it computes
/// on demand (the same values as the whole forward), a join's inputs, a Linear's bands, the
/// receptive field view and the keys.
@Suite("Graph screen")
struct GraphScreenTests {
    static let prints = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ConvCoreTests/Fixtures/fx_prints").standardized

    static func model(_ file: String) -> Model {
        try! FxModelReader.read(try! String(contentsOf: prints.appendingPathComponent(file), encoding: .utf8))
    }

    /// A graph screen of a fixture print on a 1×C×size×size ramp, started at the given size, after `actions`.
    static func state(_ file: String, size: Int = 8, columns: Int = 80, rows: Int = 24, language: Language = .en,
                      _ actions: [GraphAction] = []) -> ModelProgram {
        let m = model(file)
        var s = ModelProgram(graph: m, inputShape: [1, m.firstChannels ?? 3, size, size])
        s.environment = RenderEnvironment(language: language)
        s = update(s, .start(TerminalSize(columns: columns, rows: rows)))
        return actions.reduce(s) { update($0, .graph($1)) }
    }

    /// The shown row whose words start with `label` (after the indent), selected.
    static func selecting(_ label: String, in s: ModelProgram) -> ModelProgram {
        let g = s.graph!, text = GraphScreenText(lang: .en, g: .unicodeSet)
        let row = g.rows.firstIndex { i in
            let entry = g.outline.entries[i]
            let folded = if case let .block(name, _, _) = entry { g.folded.contains(name) } else { false }
            return text.label(entry, g, folded: folded).hasPrefix(label)
        }!
        return update(s, .graph(.chooseRow(row)))
    }

    @Test func resnetsOutlineNestsBlocksByModulePathInExecutionOrder() {
        let g = Self.state("resnet18.txt").graph!
        let text = GraphScreenText(lang: .en, g: .unicodeSet)
        let labels = g.rows.map { String(repeating: "  ", count: g.outline.entries[$0].indent) + text.label(g.outline.entries[$0], g, folded: false) }
        #expect(Array(labels.prefix(13)) == [
            "conv1 Conv2d", "bn1 BatchNorm2d", "relu ReLU", "maxpool MaxPool2d", "⊟ layer1", "  ⊟ layer1.0",
            "    conv1 Conv2d", "    bn1 BatchNorm2d", "    relu ReLU", "    conv2 Conv2d", "    bn2 BatchNorm2d",
            "    add ← layer1.0.bn2 + maxpool", "    relu ReLU"])
        #expect(labels.contains("    add_2 ← layer2.0.bn2 + layer2.0.downsample.1"))
        #expect(labels.contains("    ⊟ layer2.0.downsample"))
        #expect(labels.suffix(3) == ["avgpool AdaptiveAvgPool2d", "flatten ← avgpool", "fc Linear"])
        // Every node once, in the trace's order.
        let nodes = g.rows.compactMap { if case let .node(i, _) = g.outline.entries[$0] { i } else { nil } }
        #expect(nodes == Array(0..<g.trace.steps.count))
    }

    @Test func foldingABlockShowsOneRowWithItsOutputAndParameterSubtotal() {
        var s = Self.selecting("⊟ layer1.0", in: Self.state("resnet18.txt"))
        s = update(s, .graph(.toggleFold))
        let g = s.graph!
        #expect(g.folded == ["layer1.0"])
        let text = GraphScreenText(lang: .en, g: .unicodeSet)
        #expect(text.label(g.selectedEntry, g, folded: true) == "⊞ layer1.0 (7 nodes)")
        let columns = text.columns(g.selectedEntry, g)
        #expect(columns.shape == "1×64×2×2")
        // conv1 and conv2 (64·64·9 each) and two BatchNorms (128 each), as torchinfo counts them.
        #expect(columns.params == "73,984")
        #expect(g.rows.count == Self.state("resnet18.txt").graph!.rows.count - 7)
        // The folded block reads maxpool from outside (twice: conv1 and the add) and shows it once.
        #expect(g.inputNames == ["maxpool"])
        #expect(g.outputStep.node.name == "layer1_0_relu_1")
        // Unfolding brings the rows back.
        #expect(update(s, .graph(.toggleFold)).graph!.rows.count == g.rows.count + 7)
    }

    @Test func foldingOnANodeFoldsItsBlockAndTheDepthKeyCyclesDepths() {
        var s = Self.selecting("add ← layer1.0.bn2", in: Self.state("resnet18.txt"))
        s = update(s, .graph(.toggleFold))
        #expect(s.graph!.folded == ["layer1.0"])
        #expect(s.graph!.selectedEntry == s.graph!.outline.entries[s.graph!.entry])
        if case let .block(name, _, _) = s.graph!.selectedEntry { #expect(name == "layer1.0") } else { Issue.record("a block is selected") }
        var d = Self.state("resnet18.txt")
        d = update(d, .graph(.foldDepth))
        // conv1, bn1, relu, maxpool, layer1…layer4, avgpool, flatten, fc.
        #expect(d.graph!.rows.count == 11)
        d = update(d, .graph(.foldDepth))
        #expect(d.graph!.rows.count == 11 + 4 * 2)
        d = update(d, .graph(.foldDepth))
        d = update(d, .graph(.foldDepth))
        #expect(d.graph!.foldedDepth == nil)
        #expect(d.graph!.rows.count == Self.state("resnet18.txt").graph!.rows.count)
        // A model without blocks says so.
        let plain = update(Self.state("unet_paper.txt"), .graph(.toggleFold))
        if plain.graph!.outline.maxDepth == 0 { #expect(plain.graph!.note == .noBlock) }
    }

    @Test func anAddShowsBothInputsSideBySideWithTheValuesOfTheWholeForward() {
        let s = Self.selecting("add ← layer1.0.bn2", in: Self.state("resnet18.txt"))
        let g = s.graph!
        #expect(g.inputNames == ["layer1_0_bn2", "maxpool"])
        let bands = GraphMaps.bands(g, text: GraphScreenText(lang: .en, g: .unicodeSet))
        #expect(bands.count == 2)
        #expect(bands[0].map(\.subtitle) == ["input", "input"])
        #expect(bands[0].map(\.title) == ["layer1.0.bn2 1×64×2×2", "maxpool 1×64×2×2"])
        #expect(bands[1].map(\.title) == ["output 1×64×2×2"])
        // Only what the add needs was computed: nothing after it.
        let after = g.trace.steps.drop { $0.node.name != "add" }.dropFirst().map(\.node.name)
        #expect(after.allSatisfy { g.values[$0] == nil })
        // …and it is what the whole forward computes (checked against torch in FxValueFixtureTests).
        let all = GraphForward.run(g.trace, inputName: g.model.inputName, input: g.input)
        for name in ["layer1_0_bn2", "maxpool", "add"] {
            let i = g.stepIndex[name]!
            #expect(g.values[name] == all[i], "\(name)")
        }
        let add = g.tensor("add")!, a = g.tensor("layer1_0_bn2")!, b = g.tensor("maxpool")!
        #expect(add.storage == zip(a.storage, b.storage).map { $0 + $1 })
        #expect(bands[1][0].tensor!.storage == add.storage)
    }

    @Test func aLinearShowsItsInputVectorWeightsMatrixAndOutputVector() {
        let s = update(Self.state("resnet18.txt"), .graph(.selectRow(1 << 20)))
        let g = s.graph!
        #expect(g.outputStep.node.name == "fc")
        let bands = GraphMaps.bands(g, text: GraphScreenText(lang: .en, g: .unicodeSet))
        #expect(bands.map { $0.map(\.shape) } == [[[1, 1, 1, 512]], [[1, 1, 1000, 512]], [[1, 1, 1, 1000]]])
        #expect(bands[1][0].title == "weights 1000×512 (all ones)")
        // All-ones weights, zero bias: every output is the input vector's sum (resnet18's all-ones
        // values overflow float32 by then, as in torch, so a small residual model checks it).
        let toy = update(Self.state("toy_residual.txt"), .graph(.selectRow(1 << 20))).graph!
        #expect(toy.outputStep.node.name == "fc")
        let x = toy.tensor("flatten")!.storage, y = toy.tensor("fc")!.storage
        let sum = x.reduce(0, +)
        #expect(sum > 0 && sum.isFinite)
        #expect(y.count == 10 && y.allSatisfy { abs($0 - sum) <= sum * 1e-5 })
    }

    @Test func theFieldViewGivesRJumpStartAndPathCountsWithTheBox() {
        var s = Self.selecting("add ← layer1.0.bn2", in: Self.state("resnet18.txt", size: 32))
        s = update(s, .graph(.toggleField))
        let g = s.graph!
        #expect(g.inspecting && g.fieldView)
        // The centre cell of the 8×8 output.
        #expect(g.cursor.y == 3 && g.cursor.x == 3)
        let text = GraphScreenText(lang: .en, g: .unicodeSet)
        // conv1 7 (j 2), maxpool 3 → 11 (j 4), two 3×3 convs → 27; the add's other path (maxpool, 11) lies inside.
        #expect(text.field(g.outputStep) == "receptive field: r 27, j 4, start 0, 0")
        let counts = g.effectiveField!
        #expect(counts == GraphPaths.counts(g.trace, inputName: "x", node: "add", y: 3, x: 3, channel: 0))
        let bands = GraphMaps.bands(g, text: text)
        #expect(bands[0].count == 1 && bands[0][0].counts)
        #expect(bands[0][0].shape == [1, 1, 32, 32])
        // Cells outside the r×r box have no path; the box's edge is marked.
        let (rows, cols) = g.outputStep.inputSupport(y: 3, x: 3, height: 32, width: 32)!
        for y in 0..<32 { for x in 0..<32 where !(rows.contains(y) && cols.contains(x)) { #expect(counts[y][x] == 0) } }
        #expect(counts[14][14] > 0)
        let box = GraphScreenView.fieldBox(g)!
        #expect(box.contains([rows.lowerBound, cols.lowerBound]) && box.contains([rows.upperBound, cols.upperBound]))
        // Moving the cursor moves the counts.
        let moved = update(s, .graph(.moveCursor(dx: 1, dy: 0))).graph!
        #expect(moved.effectiveField == GraphPaths.counts(g.trace, inputName: "x", node: "add", y: 3, x: 4, channel: 0))
        // Esc leaves the field, then the inspector.
        let back = update(update(s, .graph(.back)), .graph(.back)).graph!
        #expect(!back.fieldView && !back.inspecting)
    }

    @Test func theFieldViewRefusesANodeWithoutHeightAndWidth() {
        let s = update(update(Self.state("resnet18.txt"), .graph(.selectRow(1 << 20))), .graph(.toggleField))
        #expect(s.graph!.note == .noField)
        #expect(!s.graph!.fieldView)
    }

    @Test func keysMapThroughTheTableAndEveryBindingHasBothLanguages() {
        var s = Self.state("resnet18.txt")
        s = update(s, .key(.down))
        #expect(s.graph!.selectedRow == 1)
        s = update(s, .key(.character("d")))
        #expect(s.graph!.foldedDepth == 1)
        s = update(s, .key(.tab))
        #expect(s.graph!.inspecting)
        s = update(s, .key(.right))
        #expect(s.graph!.cursor.x == 1 && s.graph!.selectedRow == 1)
        for b in KeyMap.graphBindings + KeyMap.graphInspectorBindings {
            #expect(!b.help(.en).isEmpty && !b.help(.ru).isEmpty && b.help(.en) != b.help(.ru))
        }
        let russian = KeyMap.graphHelpRows(.unicodeSet, .ru).map(\.help)
        #expect(russian.contains { $0.contains("свернуть") })
        #expect(s.graph!.note == nil)
        // ? opens the help with the graph screen's keys.
        let help = update(s, .key(.character("?")))
        #expect(help.showHelp)
        #expect(view(help, maps: nil, environment: help.environment).text.contains("fold every block at the next depth"))
        // q still quits.
        #expect(update(&s, .key(.character("q"))) == [.quit(0)])
    }

    @Test func aClickOnARowSelectsItAndOnAnOutputCellInspectsIt() {
        var s = Self.state("resnet18.txt", columns: 200, rows: 60)
        let layout = GraphLayout.compute(s, environment: s.environment)
        update(&s, .mouse(MouseEvent(.press, column: 3, row: layout.list.y + 3)))
        #expect(s.graph!.selectedRow == 3)
        #expect(s.graph!.outputStep.node.name == "maxpool")
        let after = GraphLayout.compute(s, environment: s.environment)
        let output = after.bands.last!.first!
        let origin = output.origin(ofChannel: 0)
        update(&s, .mouse(MouseEvent(.press, column: origin.x, row: origin.y)))
        #expect(s.graph!.inspecting)
        #expect(s.graph!.cursor == CellCursor(channel: 0, y: 0, x: 0))
    }

    @Test func aConcatenationOfManyMapsShowsTheFirstThatFitAndSaysHowMany() {
        var s = Self.state("densenet121.txt", size: 64, columns: 80, rows: 24)
        let g = s.graph!
        let big = g.trace.steps.indices.max { g.trace.steps[$0].node.inputs.count < g.trace.steps[$1].node.inputs.count }!
        let row = g.rows.firstIndex { if case let .node(i, _) = g.outline.entries[$0] { i == big } else { false } }!
        s = update(s, .graph(.chooseRow(row)))
        let count = g.trace.steps[big].node.inputs.count
        #expect(count > 10)
        #expect(s.graph!.inputNames.count == count)
        let layout = GraphLayout.compute(s, environment: s.environment)
        let shown = layout.bands.first!.count
        #expect(shown >= 2 && shown < count)
        #expect(layout.noteLines.contains { $0.text.contains("the first \(shown) of its \(count) inputs are shown") })
        let text = GraphScreenText(lang: .en, g: .unicodeSet).label(s.graph!.selectedEntry, s.graph!, folded: false)
        #expect(text.hasPrefix(g.trace.steps[big].node.name + " ← "))
    }

    @Test func aNodeWithoutMapsSaysWhy() {
        var s = Self.state("unet_paper.txt", size: 64)
        let g = s.graph!
        let integer = g.rows.firstIndex { if case let .node(i, _) = g.outline.entries[$0] { g.trace.steps[i].node.name == "add_1" } else { false } }!
        s = update(s, .graph(.chooseRow(integer)))
        #expect(view(s, maps: nil, environment: s.environment).text.contains("add_1 works out sizes from shapes (= 56): it has no maps"))
        // squeezenet on an 8×8 input breaks at its second pool (PyTorch's "Output size is too small").
        var small = Self.state("squeezenet1_0.txt")
        small = update(small, .graph(.selectRow(1 << 20)))
        let broken = small.graph!.trace.failure.map { small.graph!.trace.steps[$0.index].node.name }!
        #expect(view(small, maps: nil, environment: small.environment).text.contains("flatten did not run: the graph breaks at \(broken)"))
    }

    @Test func aRowFarAheadIsComputedBehindTheScreen() {
        let m = Self.model("resnet18.txt")
        var s = update(ModelProgram(graph: m, inputShape: [1, 3, 224, 224]), .start(TerminalSize(columns: 80, rows: 24)))
        let effects = update(&s, .key(.end))
        guard case let .computeGraph(request)? = effects.first else { Issue.record("End asks for fc's values behind the screen"); return }
        #expect(s.graph!.pending == request)
        #expect(request.wanted == ["flatten", "fc"])
        #expect(s.graph!.tensor("fc") == nil)
        #expect(view(s, maps: nil, environment: s.environment).text.contains("computing the maps"))
        update(&s, .graphComputed(request, request.run()))
        #expect(s.graph!.pending == nil)
        #expect(s.graph!.tensor("fc")?.shape == [1, 1000])
        // Going back up needs nothing new: it was computed on the way.
        #expect(update(&s, .key(.up)).allSatisfy { if case .computeGraph = $0 { false } else { true } })
        #expect(s.graph!.tensor("avgpool") != nil)
    }
}
