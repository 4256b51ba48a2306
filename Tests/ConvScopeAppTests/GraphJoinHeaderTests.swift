import Testing
import ConvCore
@testable import ConvScopeApp

/// An add's two inputs whose headers need two rows side by side each take a band of their own
/// where there is room for a row of their maps: each header on its own line with its own scale.
@Suite struct GraphJoinHeaderTests {
    @Test func anAddsCrowdedInputsTakeABandEach() {
        var s = GraphScreenTests.state("resnet18.txt", size: 32, columns: 80, rows: 40, language: .en)
        s = GraphScreenTests.selecting("add ← layer1.0.bn2", in: s)
        let lines = GraphScreenSnapshotTests.screen(s, columns: 80).split(separator: "\n")
        let bn2 = lines.first { $0.hasPrefix("layer1.0.bn2 1×64×8×8") }, pool = lines.first { $0.hasPrefix("maxpool 1×64×8×8") }
        #expect(bn2?.contains("scale") == true && bn2?.contains("maxpool") == false)
        #expect(pool?.contains("scale") == true)
        // At 80×24 there is no room for three bands: the inputs stay side by side, a rule between them.
        var small = GraphScreenTests.state("resnet18.txt", size: 32, columns: 80, rows: 24, language: .en)
        small = GraphScreenTests.selecting("add ← layer1.0.bn2", in: small)
        #expect(GraphScreenSnapshotTests.screen(small, columns: 80).contains("layer1.0.bn2 1×64×8×8 · input          │ maxpool"))
    }
}
