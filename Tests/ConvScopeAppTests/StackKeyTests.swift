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
        #expect(KeyMap.action(for: .character("P"), in: relu) == nil, "the code panel too")
        #expect(KeyMap.action(for: .character("c"), in: relu) == .togglePanel(.cost), "the cost panel is the layer's")
        let inspecting = update(Self.state, .key(.tab))
        #expect(KeyMap.action(for: .right, in: inspecting) == .stack(.moveCursor(dx: 1, dy: 0)))
        #expect(KeyMap.action(for: .pageDown, in: inspecting) == .stack(.cursorChannel(1)))
    }

    /// The help is printed from the tables the keys are looked up in: every key the stack
    /// screen, its prompt and its inspector act on has its row, and the inspector keeps every
    /// key of the single-layer inspector.
    @Test func everyKeyOfTheStackTablesIsInTheHelp() {
        let listed = KeyMap.stackBindings(.en) + KeyMap.stackPromptBindings + KeyMap.stackInspectorBindings
        let keys = Set(listed.flatMap(\.keys))
        for key in KeyMap.stackTable.keys { #expect(keys.contains(key), "\(key)") }
        for key in KeyMap.stackPromptTable.keys { #expect(keys.contains(key), "\(key)") }
        #expect(Set(KeyMap.stackInspectorTable.keys) == Set(KeyMap.inspectorTable.keys))
        let inspecting = update(Self.state, .key(.tab))
        for binding in KeyMap.stackInspectorBindings {
            for pair in binding.pairs { #expect(KeyMap.action(for: pair.key, in: inspecting) == pair.action, "\(pair.key)") }
        }
        let prompting = update(Self.state, .key(.character("i")))
        #expect(KeyMap.action(for: .backspace, in: prompting) == .stack(.promptBackspace))
    }

    @Test func theHelpListsTheStackRowsInBothLanguages() {
        let rows = KeyMap.stackHelpRows(.unicodeSet, .en)
        #expect(rows.contains { $0.keys == ", ." && $0.help == "select the previous / next layer" })
        #expect(rows.contains { $0.keys == "q Ctrl-C" })
        #expect(!rows.contains { $0.keys == "r" }, "no reset on the stack screen")
        let russian = KeyMap.stackHelpRows(.unicodeSet, .ru)
        #expect(russian.contains { $0.help == "удалить выбранный слой" })
        #expect(rows.contains { $0.help.hasPrefix("type a layer as PyTorch prints it") })
        #expect(rows.contains { $0.keys == "Enter" && $0.help.hasPrefix("in the prompt: add the typed layer") })
        #expect(rows.contains { $0.keys.hasPrefix("↑ ↓ ← →") && $0.help == "while inspecting: move the cursor one cell" })
        #expect(russian.contains { $0.help == "при исследовании: предыдущий / следующий канал" })
        #expect(Set(rows.map(\.help)).count == rows.count, "no row twice")
        var s = Self.state
        s.showHelp = true
        let text = view(s, maps: nil, environment: RenderEnvironment(language: .en)).text
        #expect(text.contains("add a copy of the selected layer after it"))
    }
}
