import Testing
import ConvCore
@testable import ConvScopeApp

/// A locked layer (an exercise's maps page) offers in its help only the keys that work there.
@Suite struct LockedHelpTests {
    @Test func theCourseScreensHelpLeavesOutWhatWouldChangeALockedLayer() {
        var state = AppState(parameters: ConvParameters())
        let open = KeyMap.helpRows(.unicodeSet, .en, for: state).map(\.help)
        state.locked = true
        let locked = KeyMap.helpRows(.unicodeSet, .en, for: state).map(\.help)
        #expect(open.contains("decrease it by one") && open.contains("increase it by one"))
        #expect(!locked.contains("decrease it by one") && !locked.contains("increase it by one"), "\(locked)")
        #expect(locked.count < open.count && locked.filter { !open.contains($0) }.count == 1, "only the mouse row is reworded")
        #expect(locked.contains { $0.contains("quit") } && locked.contains { $0.contains("zoom") }, "viewing keys stay")
        let mouse = KeyMap.helpRows(.unicodeSet, .ru, for: state).first { $0.keys == "мышь" }?.help ?? ""
        #expect(mouse.contains("параметры закреплены") && !mouse.contains("колесо меняет"), "\(mouse)")
    }

    @Test func theModelScreensHelpLeavesOutAddRemoveAndMove() throws {
        let layers = try ModelParser.parse("Conv2d(1, 4, 3)\nReLU()")
        var state = ModelProgram(model: Model(inputShape: [1, 1, 8, 8], layers: layers))
        let open = KeyMap.stackHelpRows(.unicodeSet, .en, for: state).map(\.help)
        state.locked = true
        let locked = KeyMap.stackHelpRows(.unicodeSet, .en, for: state).map(\.help)
        #expect(open.contains("remove the selected layer"))
        #expect(!locked.contains("remove the selected layer") && !locked.contains { $0.hasPrefix("add a") }, "\(locked)")
        #expect(locked.count < open.count && !locked.isEmpty)
        #expect(!locked.contains { $0.contains("in the prompt") || $0.hasPrefix("type a layer") }, "no typed layer: \(locked)")
        let mouse = KeyMap.stackHelpRows(.unicodeSet, .en, for: state).first { $0.keys == "mouse" }?.help ?? ""
        #expect(!mouse.contains("change") && mouse.contains("inspect"), "\(mouse)")
    }
}
