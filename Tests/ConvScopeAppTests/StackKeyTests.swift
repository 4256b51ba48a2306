import Testing
import ConvCore
@testable import ConvScopeApp

/// The stack screen's keys: its own rows of the key table, the prompt taking every key, the
/// parameter keys only on a Conv2d, and the help made from the same rows.
@Suite("Stack screen keys")
struct StackKeyTests {
    static let state = StackUpdateTests.state("skip.txt")

    @Test func everyStackRowsKeySendsItsAction() {
        for binding in KeyMap.stackBindings(.en) {
            for pair in binding.pairs {
                #expect(KeyMap.action(for: pair.key, in: Self.state) == pair.action, "\(pair.key)")
            }
        }
    }

    @Test func thePromptTakesEveryCharacterIncludingQ() {
        let s = update(Self.state, .key(.character("i")))
        #expect(s.stack!.prompt == "")
        #expect(KeyMap.action(for: .character("q"), in: s) == .stack(.promptType("q")))
        #expect(KeyMap.action(for: .character(","), in: s) == .stack(.promptType(",")))
        #expect(KeyMap.action(for: .enter, in: s) == .stack(.commitPrompt))
        #expect(KeyMap.action(for: .escape, in: s) == .stack(.cancelPrompt))
        var typed = s
        for c in "ReLU()" { typed = update(typed, .key(.character(c))) }
        typed = update(typed, .key(.enter))
        #expect(typed.stack!.model.layers[1] == .shapePreserving(.relu(inplace: false)))
    }

    @Test func parameterKeysActOnAConv2dOnly() {
        #expect(KeyMap.action(for: .right, in: Self.state) == .increment)
        #expect(KeyMap.action(for: .character("3"), in: Self.state) == .typeDigit(3))
        let relu = update(Self.state, .key(.character(".")))
        #expect(relu.stack!.selected == 1)
        #expect(KeyMap.action(for: .character("3"), in: relu) == nil)
        #expect(KeyMap.action(for: .character("r"), in: relu) == nil, "reset belongs to the single-layer screen")
        #expect(KeyMap.action(for: .character("c"), in: relu) == nil, "the cost panel too")
        let inspecting = update(Self.state, .key(.tab))
        #expect(KeyMap.action(for: .right, in: inspecting) == .stack(.moveCursor(dx: 1, dy: 0)))
        #expect(KeyMap.action(for: .pageDown, in: inspecting) == .stack(.cursorChannel(1)))
    }

    @Test func theHelpListsTheStackRowsInBothLanguages() {
        let rows = KeyMap.stackHelpRows(.unicodeSet, .en)
        #expect(rows.contains { $0.keys == ", ." && $0.help == "select the previous / next layer" })
        #expect(rows.contains { $0.keys == "q Ctrl-C" })
        #expect(!rows.contains { $0.keys == "r" }, "no reset on the stack screen")
        let russian = KeyMap.stackHelpRows(.unicodeSet, .ru)
        #expect(russian.contains { $0.help == "удалить выбранный слой" })
        var s = Self.state
        s.showHelp = true
        let text = view(s, maps: nil, environment: RenderEnvironment()).text
        #expect(text.contains("add a copy of the selected layer after it"))
    }
}
