import Testing
import ConvCore
@testable import ConvScopeApp

/// The string catalogue: plural rules and notices kept as values, worded by the view.
@Suite("Strings")
struct StringsTests {
    @Test(arguments: [(1, PluralCategory.one), (21, .one), (101, .one), (2, .few), (3, .few), (4, .few), (22, .few),
                      (5, .many), (11, .many), (12, .many), (14, .many), (0, .many), (111, .many), (112, .many)])
    func russianPluralRule(n: Int, category: PluralCategory) {
        #expect(PluralRule.russian.category(n) == category, "\(n)")
    }

    @Test func englishPluralRule() {
        #expect(PluralRule.english.category(1) == .one)
        #expect([0, 2, 11, 21].allSatisfy { PluralRule.english.category($0) == .other })
        #expect(Plural.count(1, "cell") == "1 cell" && Plural.count(21, "cell") == "21 cells")
        let channel = CountedNoun(forms: [.one: "канал", .few: "канала", .many: "каналов"])
        #expect([1, 2, 5, 11, 21, 22].map { channel.form($0, .russian) }
                == ["канал", "канала", "каналов", "каналов", "канал", "канала"])
    }

    @Test func noticesAreValuesTheViewWords() {
        var s = AppState()
        s = update(s, .toggleLink)
        #expect(s.notice == .linked(true))
        #expect(s.message == "h/w pairs linked: changing one changes both")
        s.environment = RenderEnvironment(unicode: false)
        s.notice = .nothingToClose
        #expect(s.message == "nothing to close | q quits", "the ASCII screen's separator")
        s.notice = .outOfRange(name: "K", value: 0, range: 1...8)
        #expect(s.message == "K 0 is out of range: allowed 1…8")
    }

    /// The hint line comes from the key table: each hint sits on the row of the key it names.
    @Test func hintsComeFromTheKeyTable() {
        let g = Glyphs.unicodeSet
        #expect(KeyMap.hints(g) == ["↑↓ select", "←→ change", "0-9 type", "Tab inspect", "z zoom", "e export",
                                    "PgUp/PgDn ×2", "Home/End min/max", "[ ] page", "L link", "t theme", "r reset"])
        let ranks = KeyMap.bindings.compactMap(\.hint?.rank)
        #expect(Set(ranks).count == ranks.count, "one place each")
        for binding in KeyMap.bindings where binding.hint != nil && !binding.keys.isEmpty {
            let hint = binding.hint!.text(g)
            #expect(binding.keys.contains { hint.hasPrefix($0.label(g)) || hint.contains($0.label(g)) }
                    || binding.keys.contains(.up) || binding.keys.contains(.left), "\(hint) names its key")
        }
    }
}
