import Testing
import ConvCore
@testable import ConvScopeApp

/// A U-Net whose up-sampling is nn.Upsample (bilinear), pasted from print(model): the model
/// screen lists it with torch's repr, traces the Cat after it, and its panel shows the size rule.
@Suite("Upsample on the model screen")
struct UpsampleScreenTests {
    @Test(arguments: [(80, 24), (200, 60), (50, 17)])
    func upsampleSelectedOnTheModelScreen(columns: Int, rows: Int) {
        let text = StackScreenSnapshotTests.screen("upsample_skip.txt", columns: columns, rows: rows, .selectLayer(4))
        assertSnapshot(text, named: "stack-upsample-\(columns)x\(rows)")
        if columns >= 80 { #expect(text.contains("1×8×4×4 → 1×8×8×8 → 1×16×8×8")) }
        if rows >= 60 {
            #expect(text.contains("(4) Upsample(scale_factor=2.0, mode='bilinear')"))
            #expect(text.contains("H_out = ⌊H_in ×") && text.contains("⌊4 × 2.0⌋ ="), "the panel shows the size rule in numbers")
        }
    }

    @Test func inspectorReadsTheTwoRowsABilinearCellBlends() {
        var s = StackUpdateTests.state("upsample_skip.txt", columns: 200, rows: 60)
        s = StackUpdateTests.apply(s, .selectLayer(4), .toggleInspect, .moveCursor(dx: 1, dy: 1))
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        // Output row 1 of a ×2 bilinear resize sits at 0.25 between input rows 0 and 1.
        #expect(text.contains("reads input rows 0–1, columns 0–1"), "\(text)")
    }
}
