import ConvScopeApp
import Testing

/// The screen's numbers never trap: values past what an integer holds, inf and nan are written
/// as Python writes them (a file's values or a deep stack's sums reach them).
@Suite("Number text")
struct NumberTextTests {
    @Test(arguments: [
        (Float(27), "27"), (Float(-4), "-4"), (Float(2.5), "2.5"), (Float(-0.25), "-0.3"),
        (Float(1e19), "1e+19"), (Float(-4e19), "-4e+19"), (Float(1e17), "1e+17"), (Float(1e15), "1e+15"),
        (Float(562_949_953_421_312), "562949953421312"),
        (Float.infinity, "inf"), (-Float.infinity, "-inf"), (Float.nan, "nan"), (Float.greatestFiniteMagnitude, "3.4028235e+38"),
    ])
    func cells(value: Float, text: String) {
        #expect(NumberText.cell(value) == text)
    }

    @Test func ratiosOfHugeAndNonFiniteValues() {
        #expect(NumberText.ratio(1e30, .en) == "1e+30")
        #expect(NumberText.ratio(.infinity, .en) == "n/a")
        #expect(NumberText.ratio(12.345, .en) == "12.35")
    }
}
