import ConvCore
import Foundation
import Testing
@testable import ConvScopeApp

/// No sentence or hint of the app writes a key into its text: every key a sentence names is
/// formatted from the key table (`KeyWords`), so a key moved in the table moves in every sentence.
/// The check reads the string literals of the app's sources, as a reader of the code would.
@Suite("Keys in sentences")
struct KeyWordsInSentencesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every string literal of the app, runtime and exercise sources (Key.swift, which writes the
    /// labels, aside): the string tables, the hint lines and the labs' prompts and hints.
    static func literals() throws -> [(place: String, text: String)] {
        var found: [(String, String)] = []
        let literal = try Regex(#""((?:[^"\\\n]|\\.)*)""#)
        for folder in ["Sources/ConvScopeApp", "Sources/ConvScopeRuntime", "Sources/ConvExercises"] {
            let base = root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Key.swift" } ?? []
            for file in files {
                let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                for (n, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for match in line.matches(of: literal) {
                        found.append(("\(file.lastPathComponent):\(n + 1)", String(match.output[1].substring ?? "")))
                    }
                }
            }
        }
        return found
    }

    /// The keys the tables bind, and the help rows' own labels (a label is the key column, not a sentence).
    static var boundKeys: [Key] {
        (KeyMap.bindings + KeyMap.stackBindings(.en) + KeyMap.stackPromptBindings + KeyMap.stackInspectorBindings).flatMap(\.keys)
            + ExerciseKeys.bindings.flatMap(\.keys) + [.enter, .escape, .backspace, .tab, .backTab]
    }
    static var labels: Set<String> {
        let all = KeyMap.bindings + KeyMap.stackBindings(.en) + KeyMap.stackPromptBindings
        return Set(all.compactMap(\.label).flatMap { [$0.en, $0.ru] })
    }

    /// What a key written into a sentence looks like: a named key as a word ("Esc cancels",
    /// "press Tab"), or a one-character key before a verb or after "press" ("q quits", "e again").
    static func keyIn(_ written: String) -> String? {
        // An interpolated key (`\(q) quits`) is formatted from the table: only the text around it counts.
        let text = written.replacing(#/\\\([^)]*\)/#, with: "·")
        let named = Set(boundKeys.flatMap { key in Language.allCases.map { key.label(.unicodeSet, $0) } }.filter { $0.count > 1 })
        let words = text.split(whereSeparator: { " ,;:()·/".contains($0) }).map(String.init)
        if let word = words.first(where: named.contains) { return word }
        let single = Set(boundKeys.compactMap { if case .character(let c) = $0, c != " " { String(c) } else { nil } })
        let verbs: Set<String> = ["quits", "quit", "again", "skips", "goes", "shows", "help", "—", "ещё", "выход", "справка",
                                  "показывает", "closes", "закрывает"]
        let tokens = text.split(separator: " ").map(String.init)
        for (i, token) in tokens.enumerated() where single.contains(token) {
            if i + 1 < tokens.count, verbs.contains(tokens[i + 1]) { return token }
            if i > 0, ["press", "нажмите", "клавишей", "then", "затем"].contains(tokens[i - 1].lowercased()) { return token }
        }
        return nil
    }

    @Test("the check finds a key written into a sentence")
    func theCheckCatchesKeys() {
        #expect(Self.keyIn("nothing to close · q quits") == "q")
        #expect(Self.keyIn("not exported · e again once they are drawn") == "e")
        #expect(Self.keyIn("type an answer first (Esc, then s skips)") == "Esc")
        #expect(Self.keyIn("R shows a cell's field: press Tab to pick a cell") == "Tab")
        #expect(Self.keyIn("\\(q) quits") == nil)
        #expect(Self.keyIn("a copy of the selected layer") == nil)
    }

    @Test("the check reads every string table, hint line and exercise prompt")
    func theCheckReadsEveryStringTable() throws {
        let places = Set(try Self.literals().map { String($0.place.prefix { $0 != ":" }) })
        let root = Self.root.appendingPathComponent("Sources/ConvScopeApp/Strings")
        // Every table file that writes a string (Phrase.swift and Notice.swift only hold types).
        let tables = try (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? [])
            .filter { try String(contentsOf: $0, encoding: .utf8).contains("\"") }.map(\.lastPathComponent)
        #expect(tables.count > 10)
        for table in tables { #expect(places.contains(table), "\(table) is read") }
        for file in ["Hints.swift", "Prompts.swift", "ExerciseText.swift", "KeyMap.swift", "ExerciseKeys.swift"] { #expect(places.contains(file), "\(file) is read") }
    }

    @Test("no string literal of the app writes a key")
    func noSentenceWritesAKey() throws {
        let labels = Self.labels
        let offenders = try Self.literals().filter { !labels.contains($0.text) }.compactMap { literal in
            Self.keyIn(literal.text).map { "\(literal.place): \($0) in \"\(literal.text)\"" }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }
}
