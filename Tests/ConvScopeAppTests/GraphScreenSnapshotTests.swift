import Testing
import ConvCore
@testable import ConvScopeApp

/// The graph screen as text: resnet18 unfolded and folded with an add's two inputs side by side,
/// its Linear head, and the receptive field view, at 80×24 and 200×60, in English and Russian.
@Suite("Graph screen snapshots")
struct GraphScreenSnapshotTests {
    static func screen(_ s: ModelProgram, columns: Int) -> String {
        let canvas = view(s, maps: nil, environment: s.environment)
        for y in 0..<canvas.height { #expect(canvas.line(y).count == columns, "every line is exactly the window's width") }
        return canvas.text
    }

    static func add(columns: Int, rows: Int, language: Language, folded: Bool = false) -> ModelProgram {
        var s = GraphScreenTests.state("resnet18.txt", columns: columns, rows: rows, language: language)
        if folded { s = update(s, .graph(.foldDepth)); s = update(s, .graph(.foldDepth)) }
        if folded {
            // Every block of depth 2 folded, then layer1.0 opened: the add shows among the folded rest.
            s = GraphScreenTests.selecting("⊞ layer1.0", in: s)
            s = update(s, .graph(.toggleFold))
        }
        return GraphScreenTests.selecting("add ← layer1.0.bn2", in: s)
    }

    @Test(arguments: [(80, 24), (200, 60)], [Language.en, .ru])
    func resnet18WithAnAddSelected(size: (Int, Int), language: Language) {
        let (columns, rows) = size
        let text = Self.screen(Self.add(columns: columns, rows: rows, language: language), columns: columns)
        assertSnapshot(text, named: "graph-resnet18-add-\(columns)x\(rows)-\(language.rawValue)")
        #expect(text.contains("add ← layer1.0.bn2 + maxpool"))
        #expect(text.contains("layer1.0.bn2 1×64×2×2"))
        #expect(text.contains("maxpool 1×64×2×2"))
        #expect(text.contains(language == .en ? "output 1×64×2×2" : "выход 1×64×2×2"))
        #expect(text.contains("1×3×8×8 → 1×1000"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func resnet18FoldedWithTheAddInsideAnOpenBlock(columns: Int, rows: Int) {
        let s = Self.add(columns: columns, rows: rows, language: .en, folded: true)
        let text = Self.screen(s, columns: columns)
        assertSnapshot(text, named: "graph-resnet18-folded-\(columns)x\(rows)")
        #expect(text.contains("add ← layer1.0.bn2 + maxpool"))
        #expect(text.contains("⊞ layer1.1 (7 nodes)"))
        if rows >= 60 {
            #expect(text.contains("⊞ layer2.0 (9 nodes)"))
            #expect(text.contains("230,144"))
        }
    }

    @Test(arguments: [(80, 24), (200, 60)], [Language.en, .ru])
    func resnet18sLinearHead(size: (Int, Int), language: Language) {
        let (columns, rows) = size
        var s = GraphScreenTests.state("resnet18.txt", columns: columns, rows: rows, language: language)
        s = update(s, .graph(.selectRow(1 << 20)))
        let text = Self.screen(s, columns: columns)
        assertSnapshot(text, named: "graph-resnet18-fc-\(columns)x\(rows)-\(language.rawValue)")
        #expect(text.contains("fc Linear"))
        #expect(text.contains(language == .en ? "weights 1000×512" : "веса 1000×512"))
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func resnet18sFieldOfAnAdd(columns: Int, rows: Int) {
        var s = GraphScreenTests.state("resnet18.txt", size: 32, columns: columns, rows: rows, language: .en)
        s = GraphScreenTests.selecting("add ← layer1.0.bn2", in: s)
        s = update(s, .graph(.toggleField))
        let text = Self.screen(s, columns: columns)
        assertSnapshot(text, named: "graph-resnet18-field-\(columns)x\(rows)")
        #expect(text.contains("paths 32×32"))
        if rows >= 60 { #expect(text.contains("receptive field: r 27, j 4, start 0, 0")) }
    }

    /// The smallest window: the add's two inputs still stand side by side over its output.
    @Test func resnet18AtTheSmallestWindow() {
        let text = Self.screen(Self.add(columns: 50, rows: 17, language: .en), columns: 50)
        assertSnapshot(text, named: "graph-resnet18-add-50x17")
        #expect(text.contains("add ← layer1.0.bn2 + maxpool"))
        #expect(text.contains("layer1.0.bn2 1×64×2×2") && text.contains("maxpool 1×64×2×2"))
        #expect(text.contains("output 1×64×2×2"))
    }
}
