import Foundation
import Testing
@testable import ConvScopeApp

/// The README renders as intended and speaks the product's words.
@Suite("README")
struct ReadmeTests {
    static let text: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// An unclosed ``` turns everything after it into code.
    @Test func codeFencesBalanceAndStandAlone() {
        let lines = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 50)
        let fences = lines.filter { $0.hasPrefix("```") }
        #expect(fences.count % 2 == 0, "\(fences.count) fences")
        // A fence is a line of its own: text after a closing ``` on the same line was the old bug.
        for line in lines where line.contains("```") {
            #expect(line.hasPrefix("```") && line.dropFirst(3).allSatisfy { $0.isLetter }, "'\(line)'")
        }
    }

    @Test func saysCourseNotebookNeverSeed() {
        #expect(!Self.text.lowercased().contains("seed"))
    }

    /// Every letter or bracket key of the key table has a row in the README's keys table.
    @Test func keysTableListsEveryKey() {
        let firstColumns = Self.text.split(separator: "\n").filter { $0.hasPrefix("| ") }
            .map { $0.split(separator: "|").first.map { String($0) } ?? "" }
        let tokens = Set(firstColumns.flatMap { $0.split(separator: " ").map(String.init) })
        for key in KeyMap.bindings.flatMap(\.keys) {
            guard case .character(let c) = key, c.isLetter || "[](){}?".contains(c) else { continue }
            #expect(tokens.contains(String(c)), "key \(c) is missing from the README's keys table")
        }
        #expect(tokens.contains("Esc"))
    }

    @Test func tellsALabHowToInstall() {
        #expect(Self.text.contains("swift build -c release"))
        #expect(Self.text.contains(".build/release/convscope"))
        #expect(Self.text.contains("pkg-config"))
        #expect(Self.text.contains("restored last session · --fresh for defaults"))
    }
}
