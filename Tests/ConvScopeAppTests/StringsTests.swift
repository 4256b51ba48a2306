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
        #expect(Language.en.count(1, Nouns.cell) == "1 cell" && Language.en.count(21, Nouns.cell) == "21 cells")
    }

    /// The catalogue's counted nouns in Russian: one, few and many forms by the last digits.
    @Test func russianCountsThroughTheCatalogue() {
        let numbers = [1, 2, 5, 11, 21, 22, 25]
        #expect(numbers.map { Language.ru.count($0, Nouns.channel) }
                == ["1 канал", "2 канала", "5 каналов", "11 каналов", "21 канал", "22 канала", "25 каналов"])
        #expect(numbers.map { Language.ru.count($0, Nouns.cell) }
                == ["1 ячейка", "2 ячейки", "5 ячеек", "11 ячеек", "21 ячейка", "22 ячейки", "25 ячеек"])
        #expect(numbers.map { Language.ru.count($0, Nouns.column) }
                == ["1 столбец", "2 столбца", "5 столбцов", "11 столбцов", "21 столбец", "22 столбца", "25 столбцов"])
        #expect(numbers.map { Language.en.count($0, Nouns.channel) }
                == ["1 channel", "2 channels", "5 channels", "11 channels", "21 channels", "22 channels", "25 channels"])
        // On screen: the animation's speed and the reverse inspector's channel count agree with their numbers.
        #expect(HintText.animation(.ru, .unicodeSet, playing: true, speed: 2, inputFocus: false)[0] == " ▶ идёт 2 ячейки/с")
        #expect(InspectorWords.feeds(.ru, .unicodeSet, cell: "input[0, 0, 0]", cells: 5, channels: 21, fed: 0..<21, list: "")
                == "input[0, 0, 0] влияет на 5 выходных ячеек в каждом из 21 канала (всего 105): ")
        #expect(InspectorWords.feeds(.ru, .unicodeSet, cell: "input[0, 0, 0]", cells: 1, channels: 1, fed: 0..<1, list: "(0, 0)")
                == "input[0, 0, 0] влияет на 1 выходную ячейку в 1 канале: (0, 0)")
        #expect(PanelWords.neverRead(.ru, 1, Nouns.column) == "не читается 1 столбец:")
        #expect(PanelWords.neverRead(.ru, 22, Nouns.row) == "не читаются 22 строки:")
        #expect(PanelWords.times(2) == "раза" && PanelWords.times(5) == "раз" && PanelWords.times(21) == "раз"
                && PanelWords.times(2.5) == "раза")
    }

    /// Every notice has Russian words (only file reports, made by the executable, pass through).
    @Test func noticesInRussian() {
        var s = AppState()
        s.environment = RenderEnvironment(language: .ru)
        s = update(s, .toggleLink)
        #expect(s.message == "пары h/w связаны: меняются вместе")
        s.notice = .outOfRange(name: "K", value: 0, range: 1...8)
        #expect(s.message == "K 0 вне диапазона: допустимо 1…8")
        let notices: [Notice] = [.restored, .theme(.light, shownInTerminal: false), .linked(false),
                                 .zoom(.whole, automatic: true), .reset, .nothingToClose, .nothingToAnimate,
                                 .paddedView(true), .paddedView(false)]
        for notice in notices {
            let ru = NoticeText.notice(notice, .ru, .unicodeSet), en = NoticeText.notice(notice, .en, .unicodeSet)
            #expect(ru != en && ru.contains { ("а"..."я").contains($0) }, "\(notice): \(ru)")
        }
    }

    /// The layout sizes section headers with the scale's width measured in English: the Russian
    /// words it measures must be no longer.
    @Test func russianScaleWordsAreNoLonger() {
        let g = Glyphs.unicodeSet
        #expect(ScreenText.scale(.ru, g, "8").count == ScreenText.scale(.en, g, "8").count)
        #expect(ScreenText.eachMapsMax(.ru).count <= ScreenText.eachMapsMax(.en).count)
    }

    @Test func noticesAreValuesTheViewWords() {
        var s = AppState()
        s = update(s, .toggleLink)
        #expect(s.notice == .linked(true))
        #expect(s.message == "h/w pairs linked: changing one changes both")
        s.environment = RenderEnvironment(unicode: false, language: .en)
        s.notice = .nothingToClose
        #expect(s.message == "nothing to close | q quits", "the ASCII screen's separator")
        s.notice = .outOfRange(name: "K", value: 0, range: 1...8)
        #expect(s.message == "K 0 is out of range: allowed 1…8")
    }

    /// The hint line comes from the key table: each hint sits on the row of the key it names.
    @Test func hintsComeFromTheKeyTable() {
        let g = Glyphs.unicodeSet
        #expect(KeyMap.hints(g, .en) == ["↑↓ select", "←→ change", "0-9 type", "Tab inspect", "z zoom", "e export",
                                    "PgUp/PgDn ×2", "Home/End min/max", "[ ] page", "L link", "t theme", "r reset"])
        let ranks = KeyMap.bindings.compactMap(\.hint?.rank)
        #expect(Set(ranks).count == ranks.count, "one place each")
        for binding in KeyMap.bindings where binding.hint != nil && !binding.keys.isEmpty {
            let hint = binding.hintText(g, .en)!
            #expect(binding.keys.contains { hint.hasPrefix($0.label(g, .en)) || hint.contains($0.label(g, .en)) }
                    || binding.keys.contains(.up) || binding.keys.contains(.left), "\(hint) names its key")
        }
    }
}
