import Testing
@testable import ConvScopeApp

/// Text with characters that are not one terminal column wide (typed into a prompt, or in a file
/// name) keeps the grid: each such character is one `?` cell, so nothing after it shifts.
@Suite("Column width")
struct ColumnWidthTests {
    @Test func wideAndControlCharactersBecomeOneQuestionMark() {
        var canvas = Canvas(width: 30, height: 1)
        canvas.put("Сonv2d ✓ 日本 ＡＢ\u{7}é|", x: 0, y: 0)
        let row = canvas.cells.map { String($0.character) }.joined()
        #expect(row.hasPrefix("Сonv2d ✓ ?? ???é|"), "\(row)")
        #expect(row.firstIndex(of: "|").map { row.distance(from: row.startIndex, to: $0) } == 16)
    }

    @Test func narrowLettersOfTheScreensLanguagesStayAsTheyAre() {
        for text in ["ядро 3×3 · шаг ⌊…⌋ −2…2", "│╭╮━●─▸", "café e\u{301}"] {
            var canvas = Canvas(width: 40, height: 1)
            canvas.put(text, x: 0, y: 0)
            #expect(!canvas.cells.contains { $0.character == "?" }, "\(text)")
        }
    }
}
