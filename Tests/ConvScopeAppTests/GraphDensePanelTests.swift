import Testing
import ConvCore
@testable import ConvScopeApp

/// The graph screen's dense panel (key c): resnet18 at 224² with conv1 selected (conv against a
/// dense layer, and fc on the pooled vector and on layer4.1.relu's whole map), and vgg16's head
/// reading the map whole, at 80×24 and 200×60, in English and Russian.
@Suite("Graph dense panel")
struct GraphDensePanelTests {
    /// The screen with the panel open on a model's first row at 224², checked against its snapshot.
    static func screen(_ file: String, size: (Int, Int), language: Language, named name: String) -> String {
        let (columns, rows) = size
        let s = GraphScreenTests.state(file, size: 224, columns: columns, rows: rows, language: language, [.toggleDense])
        let text = GraphScreenSnapshotTests.screen(s, columns: columns)
        assertSnapshot(text, named: "graph-dense-\(name)-\(columns)x\(rows)-\(language.rawValue)")
        return text
    }

    @Test(arguments: [(80, 24), (200, 60)], [Language.en, .ru])
    func resnet18sConv1AgainstDenseAndItsOwnFc(size: (Int, Int), language: Language) {
        let text = Self.screen("resnet18.txt", size: size, language: language, named: "resnet18-conv1")
        let n = { (v: Int) in NumberText.grouped(v, language) }
        #expect(text.contains("conv1 Conv2d 3×224×224 → 64×112×112"))
        // conv1: 64·3·7·7, no bias; dense: (150,528 + 1)·802,816.
        #expect(text.contains(n(9_408)) && text.contains(n(118_013_952)))
        #expect(text.contains(n(120_847_089_664)) && text.contains(n(120_846_286_848)))
        #expect(text.contains("fc Linear 512 → 1000"))
        #expect(text.contains(n(513_000)) && text.contains(n(512_000)))
        #expect(text.contains(n(25_089_000)) && text.contains(n(25_088_000)))
        #expect(text.contains("512×7×7"))
    }

    @Test(arguments: [(80, 24), (200, 60)], [Language.en, .ru])
    func vgg16sHeadReadsTheMapWhole(size: (Int, Int), language: Language) {
        let text = Self.screen("vgg16.txt", size: size, language: language, named: "vgg16")
        #expect(text.contains("classifier.0 Linear 25088 → 4096"))
        #expect(text.contains(NumberText.grouped(102_764_544, language)))
        #expect(text.contains(language == .en ? "course notes" : "конспекте курса"))
    }

    /// c opens and closes the panel; Esc closes it first; a model's maps come back.
    @Test func keyCOpensAndEscCloses() {
        var s = GraphScreenTests.state("resnet18.txt")
        s = update(s, .key(.character("c")))
        #expect(s.graph?.denseView == true)
        s = update(s, .key(.escape))
        #expect(s.graph?.denseView == false)
        s = update(s, .key(.character("c")))
        s = update(s, .key(.character("c")))
        #expect(s.graph?.denseView == false)
    }
}

extension GraphDensePanelTests {
    /// The smallest window: each label stands above its numbers; the lines below the box are
    /// counted on its border with the keys that scroll to them.
    @Test func resnet18AtTheSmallestWindow() {
        let text = Self.screen("resnet18.txt", size: (50, 17), language: .en, named: "resnet18-conv1")
        #expect(text.contains("this convolution"))
        #expect(text.contains("9,408") && text.contains("118,013,952"))
        #expect(text.contains("u d scroll"))
    }

    /// u and d scroll a panel taller than its box, as on the other screens (d, fold depth
    /// elsewhere, scrolls while the panel is open); the scroll stops at the last line and starts
    /// again at the top for a new row.
    @Test func theKeysOfTheOtherPanelsScrollIt() {
        var s = GraphScreenTests.state("resnet18.txt", size: 224, columns: 50, rows: 17, language: .en, [.toggleDense])
        let top = GraphScreenSnapshotTests.screen(s, columns: 50), rows = s.graph?.rows.count
        s = update(s, .key(.character("d")))
        #expect(s.panelScroll == 3)
        #expect(s.graph?.rows.count == rows, "d scrolled, it did not fold")
        let below = GraphScreenSnapshotTests.screen(s, columns: 50)
        #expect(below != top)
        #expect(below.contains("▲ 3"))
        for _ in 0..<50 { s = update(s, .key(.character("d"))) }
        let bottom = s.panelScroll
        #expect(bottom > 3 && !GraphScreenSnapshotTests.screen(s, columns: 50).contains("▼"))
        s = update(s, .key(.character("u")))
        #expect(s.panelScroll == bottom - 3)
        s = update(s, .key(.escape))
        s = update(s, .key(.character("c")))
        #expect(s.panelScroll == 0)
    }
}

extension GraphDensePanelTests {
    /// `render --layers` ends with the model's own Linear: resnet18's fc on the pooled vector
    /// (513,000) and on layer4.1.relu's whole map (25,089,000); vgg16's first reads its map whole.
    @Test(arguments: [Language.en, .ru])
    func theLayersTableEndsWithTheModelsOwnLinear(language: Language) {
        func table(_ file: String) -> String {
            GraphTable.text(GraphTrace(GraphScreenTests.model(file), inputShape: [1, 3, 224, 224]), language: language)
        }
        let n = { (v: Int) in NumberText.grouped(v, language) }
        let resnet = table("resnet18.txt").split(separator: "\n").last.map(String.init) ?? ""
        #expect(resnet.contains("fc Linear 512 → 1000") && resnet.contains("layer4.1.relu"))
        #expect(resnet.contains(n(513_000)) && resnet.contains(n(25_089_000)) && resnet.contains("49×"))
        let vgg = table("vgg16.txt").split(separator: "\n").last.map(String.init) ?? ""
        #expect(vgg.contains("classifier.0 Linear 25088 → 4096") && vgg.contains(n(102_764_544)))
        // A U-Net has no Linear: no such line.
        #expect(!table("unet_small.txt").contains(language == .en ? "dense: " : "полносвязный: "))
    }
}

extension GraphDensePanelTests {
    /// The stack screen's cost panel (c) on a Conv2d: a dense layer of the same input and output,
    /// (in + 1)·out parameters and in·out multiplications, in both languages.
    @Test func theStackCostPanelComparesTheConvWithADenseLayer() {
        let s = StackPanelEditTests.state(selecting: 3)
        let step = s.stack!.selectedTrace
        let input = step.inputShape!, output = step.outputShape!
        let i = input.dropFirst().reduce(1, *), o = output.dropFirst().reduce(1, *)
        for language in [Language.en, .ru] {
            let lines = StackPanelText.cost(s.stack!, glyphs: .unicodeSet, width: 400, language: language).map(\.text)
            let n = { (v: Int) in NumberText.grouped(v, language) }
            let dense = lines.first { $0.contains(language == .en ? "dense, same input and output" : "полносвязный, те же вход") }
            #expect(dense?.contains("(\(n(i)) + 1)·\(n(o)) = \(n((i + 1) * o))") == true, "\(lines)")
            #expect(dense?.contains("\(n(i))·\(n(o)) = \(n(i * o))") == true, "\(lines)")
        }
    }
}

extension GraphDensePanelTests {
    /// On vgg16's last Linear the panel shows that one, third of three, fed by a dense layer.
    @Test func theSelectedLinearIsTheOneShown() {
        var s = GraphScreenTests.state("vgg16.txt", size: 224, columns: 80, rows: 24, language: .en, [.toggleDense])
        s = update(s, .graph(.selectRow(1 << 20)))
        let text = GraphScreenSnapshotTests.screen(s, columns: 80)
        #expect(text.contains("classifier.6 Linear 4096 → 1000, 3 of 3 Linear"), "\(text)")
        #expect(text.contains("4,097,000") && text.contains("4,096,000"))
        #expect(!text.contains("Select a convolution"))
    }
}
