import ConvCore
import Testing
@testable import ConvScopeApp

/// Every key of the model screen, pressed as a user presses it, with the effect the help promises:
/// written here and not read from the key table, so two keys of a pair swapped in the table, or a
/// key sent to another action, fail. Each pair is pressed both ways.
@Suite("Model screen keys: what each one does")
struct StackKeyEffectTests {
    /// skip.txt with its layer (2) selected: layers on both sides to move to.
    static func middle() -> ModelProgram {
        StackUpdateTests.apply(StackUpdateTests.state("skip.txt"), .selectLayer(1), .selectLayer(1))
    }

    static func press(_ state: ModelProgram, _ keys: Key...) -> ModelProgram {
        keys.reduce(state) { update($0, .key($1)) }
    }

    @Test func commaAndPeriodSelectThePreviousAndTheNextLayer() {
        #expect(Self.press(Self.middle(), .character(",")).stack!.selected == 1)
        #expect(Self.press(Self.middle(), .character(".")).stack!.selected == 3)
    }

    @Test func lessThanMovesTheLayerUpAndGreaterThanDown() {
        let before = Self.middle().stack!
        let moved = before.model.layers[2]
        let up = Self.press(Self.middle(), .character("<")).stack!
        #expect(up.selected == 1 && up.model.layers[1] == moved && up.model.layers[2] == before.model.layers[1],
                "< puts the selected layer before the one above it")
        let down = Self.press(Self.middle(), .character(">")).stack!
        #expect(down.selected == 3 && down.model.layers[3] == moved && down.model.layers[2] == before.model.layers[3],
                "> puts it after the one below it")
        #expect(Self.press(Self.middle(), .character("<"), .character(">")).stack!.model == before.model, "< then > undoes")
    }

    @Test func aCopiesXRemovesAndIOpensThePrompt() {
        let before = Self.middle().stack!
        let copied = Self.press(Self.middle(), .character("a")).stack!
        #expect(copied.model.layers.count == before.model.layers.count + 1 && copied.model.layers[3] == before.model.layers[2])
        let removed = Self.press(Self.middle(), .character("x")).stack!
        #expect(removed.model.layers.count == before.model.layers.count - 1 && removed.model.layers[2] == before.model.layers[3])
        #expect(before.prompt == nil && Self.press(Self.middle(), .character("i")).stack!.prompt == "")
    }

    @Test func panelsCoverageAndEscBackOut() {
        #expect(Self.press(Self.middle(), .character("f")).panel == .formula)
        #expect(Self.press(Self.middle(), .character("c")).panel == .cost)
        #expect(Self.press(Self.middle(), .character("f"), .escape).panel == nil)
        let coverage = Self.press(Self.middle(), .character("v"))
        #expect(coverage.stack!.coverage && !Self.press(coverage, .escape).stack!.coverage)
    }

    @Test func tabAndShiftTabInspectAndLeaveAndRShowsTheField() {
        for key in [Key.tab, .backTab] {
            let inspecting = Self.press(Self.middle(), key)
            #expect(inspecting.stack!.inspecting, "\(key)")
            #expect(!Self.press(inspecting, key).stack!.inspecting, "\(key) twice")
        }
        let field = Self.press(Self.middle(), .tab, .character("R"))
        #expect(field.stack!.fieldInInput && !Self.press(field, .escape).stack!.fieldInInput)
    }

    /// While inspecting: the arrows move the cursor their way, PgUp/PgDn change the channel,
    /// Home/End go to the first and the last cell; each pair from a cell inside the map.
    @Test func inspectorKeysMoveTheCursorTheirWay() {
        let start = Self.press(Self.middle(), .tab, .pageDown, .down, .down, .right, .right)
        let c = start.stack!.cursor
        #expect(c.channel == 1 && c.y == 2 && c.x == 2, "\(c)")
        let moves: [(Key, (Int, Int, Int))] = [(.up, (1, 1, 2)), (.down, (1, 3, 2)), (.left, (1, 2, 1)), (.right, (1, 2, 3)),
                                                (.pageUp, (0, 2, 2)), (.pageDown, (2, 2, 2))]
        for (key, expected) in moves {
            let moved = Self.press(start, key).stack!.cursor
            #expect((moved.channel, moved.y, moved.x) == expected, "\(key): \(moved)")
        }
        let shape = start.stack!.outputShape!
        let home = Self.press(start, .home).stack!.cursor, end = Self.press(start, .end).stack!.cursor
        #expect(home.y == 0 && home.x == 0, "Home: \(home)")
        #expect(end.y == shape[2] - 1 && end.x == shape[3] - 1, "End: \(end) of \(shape)")
    }
}
