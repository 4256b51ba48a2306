import Testing
import ConvCore
@testable import ConvScopeApp

/// A long status message (a settings file's problem) keeps its point: the file, the line and the
/// key come first and stay whole at 50×17 and 80×24; past four lines it gives way by whole words.
@Suite("Status messages")
struct MessageLinesTests {
    static let warning = SettingsText.statusWarning(
        SettingsText.badValue(file: "/home/student/.config/convscope/config.toml", line: 3, key: "theme",
                              value: "\"purple\"", allowed: "\"dark\", \"light\"", .en), more: 1, .en)

    @Test(arguments: [(50, 17), (80, 24)])
    func aSettingsProblemKeepsFileLineAndKey(columns: Int, rows: Int) {
        let canvas = render(columns: columns, rows: rows) { $0.notice = .fileReport(Self.warning) }
        let joined = canvas.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("/home/student/.config/convscope/config.toml line 3: theme = \"purple\" is not allowed"))
        #expect(joined.contains("(+1 more after quitting)"))
    }

    @Test func pastFourLinesWholeWordsGiveWay() {
        let lines = TextWrap.lines(String(repeating: "word ", count: 40), width: 20, maxLines: 4, ellipsis: "…")
        #expect(lines.count == 4)
        #expect(lines.last == "word word word word…")
        #expect(lines.allSatisfy { $0.count <= 20 })
    }

    /// PyTorch's message short of rows keeps its end, where the sizes are: its middle gives way.
    @Test func pytorchsMessageKeepsItsEnd() {
        let message = "✗ (4) Cat: RuntimeError: Sizes of tensors must match except in dimension 1. Expected size 32 "
            + "but got size 33 for tensor number 1 in the list."
        let two = TextWrap.linesKeepingEnd(message, width: 49, maxLines: 2, ellipsis: "…")
        // Both sizes stay, the expected and the one got: only the middle gives way.
        #expect(two == ["✗ (4) Cat: … in dimension 1. Expected size 32 but", "got size 33 for tensor number 1 in the list."],
                "\(two)")
        #expect(two.allSatisfy { $0.count <= 49 })
        let one = TextWrap.linesKeepingEnd(message, width: 60, maxLines: 1, ellipsis: "…")
        #expect(one.count == 1 && one[0].hasPrefix("✗ (4) Cat:") && one[0].hasSuffix("in the list.") && one[0].count <= 60)
    }
}
