import Testing
import ConvCore
@testable import ConvScopeApp

/// The help overlay lists every key of the key table under its own label, on the row of its
/// help text: a help that showed only the first key of a row would hide `l`, `+`, `=`, `N`…
@Suite("Help: every key under its own label")
struct HelpKeyLabelTests {
    /// Every help row as drawn on every page in a window of this size: the keys column and the
    /// text column, cut where the overlay puts them.
    static func helpRows(columns: Int, rows: Int, environment env: RenderEnvironment) -> [(keys: String, text: String)] {
        var state = AppState()
        state.terminalSize = TerminalSize(columns: columns, rows: rows)
        state.environment = env
        state = update(state, .toggleHelp)
        let layout = HelpOverlay.pages(state.terminalSize, environment: env)
        let keysX = layout.frame.x + 2, textX = layout.frame.x + 3 + layout.keyWidth
        var found: [(keys: String, text: String)] = []
        for _ in 0..<layout.count {
            let lines = view(state, maps: nil, environment: env).lines.map(Array.init)
            for line in lines[(layout.frame.y + 1)..<(layout.frame.maxY - 1)] {
                found.append((String(line[keysX..<(keysX + layout.keyWidth)]), String(line[textX..<(layout.frame.maxX - 1)])))
            }
            state = update(state, .helpPage(1))
        }
        return found
    }

    /// The keys written on the row where the binding's text starts, split at spaces.
    static func keyTokens(of binding: KeyBinding, in rows: [(keys: String, text: String)]) -> [String]? {
        let start = String(binding.help.en.prefix(18))
        // A wrapped help text continues on rows with an empty keys column: those are not its start.
        return rows.first { !$0.keys.allSatisfy { $0 == " " } && $0.text.hasPrefix(start) }.map { $0.keys.split(separator: " ").map(String.init) }
    }

    @Test(arguments: [(120, 40, true), (80, 24, true), (80, 24, false)])
    func everyKeyAppearsWithItsLabel(_ columns: Int, _ rows: Int, unicode: Bool) {
        let env = RenderEnvironment(colorDepth: unicode ? .trueColor : .none, unicode: unicode, language: .en)
        let rows = Self.helpRows(columns: columns, rows: rows, environment: env)
        let g = env.glyphs
        for binding in KeyMap.bindings {
            guard let tokens = Self.keyTokens(of: binding, in: rows) else {
                Issue.record("\(columns)x\(rows): no help line for '\(binding.help.en)'")
                continue
            }
            if let label = binding.label {
                #expect(tokens == label.en.split(separator: " ").map(String.init), "\(columns)x\(rows): '\(binding.help.en)'")
            } else {
                #expect(tokens == binding.keys.map { $0.label(g, .en) }, "\(columns)x\(rows): '\(binding.help.en)'")
            }
        }
    }

    /// Rows that list their keys one by one name every key; rows with a written label (the
    /// Shift-arrows, typing digits) carry words for all of their keys.
    @Test func everyBoundKeyIsOnAHelpRow() {
        let rows = KeyMap.helpRows(Glyphs.unicodeSet, .en)
        for binding in KeyMap.bindings where binding.label == nil {
            let row = rows.first { $0.help == binding.help.en }
            for key in binding.keys {
                #expect(row?.keys.split(separator: " ").contains(Substring(key.label(.unicodeSet, .en))) == true,
                        "\(key) on the row '\(binding.help.en)'")
            }
        }
        let shiftRow = KeyMap.bindings.first { $0.keys.contains(.shiftLeft) }
        #expect(Set(shiftRow?.keys ?? []) == [.shiftLeft, .shiftRight, .shiftUp, .shiftDown])
        #expect(shiftRow?.label?.en.contains("Shift") == true)
    }
}
