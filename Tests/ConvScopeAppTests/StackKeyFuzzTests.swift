import Testing
import ConvCore
@testable import ConvScopeApp

/// Random keys on the stack screen, sizes included: no crash, the selection and cursor always
/// valid, the model never empty, every frame exactly the window's size.
@Suite("Stack screen key fuzzing")
struct StackKeyFuzzTests {
    static let keys: [Key] = [
        .character(","), .character("."), .character("<"), .character(">"), .character("a"), .character("x"),
        .character("i"), .character("R"), .character("v"), .character("z"), .character("["), .character("]"),
        .character("L"), .character("t"), .character("?"), .character("3"), .character("("), .character(")"),
        .character("C"), .character("o"), .character("n"), .character("v"), .character("2"),
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape, .backspace,
        .shiftLeft, .shiftDown,
    ]

    @Test(arguments: ["skip.txt", "encoder_decoder.txt", "broken_channels.txt", "classic.txt"])
    func randomKeysKeepTheStackScreenValid(file: String) {
        var random = SplitMixRandom(start: 2026)
        var state = ModelProgram(model: StackUpdateTests.model(file, size: file == "classic.txt" ? 28 : 8))
        state = update(state, .start(TerminalSize(columns: 80, rows: 24)))
        let sizes = [TerminalSize(columns: 50, rows: 17), TerminalSize(columns: 80, rows: 24),
                     TerminalSize(columns: 200, rows: 60), TerminalSize(columns: 120, rows: 40)]
        for step in 0..<400 {
            if random.integer(in: 0...40) == 0 {
                update(&state, .resize(sizes[random.integer(in: 0...(sizes.count - 1))]))
            } else {
                let key = Self.keys[random.integer(in: 0...(Self.keys.count - 1))]
                let effects = update(&state, .key(key))
                #expect(!effects.contains(.quit(0)), "no key in the list quits")
            }
            let stack = state.stack!
            #expect(!stack.model.layers.isEmpty)
            #expect(stack.model.layers.indices.contains(stack.selected), "step \(step)")
            if let cell = stack.pinnedCell, let shape = stack.outputShape {
                #expect(cell.channel < shape[1] && cell.y < shape[2] && cell.x < shape[3], "step \(step)")
            }
            if step % 10 == 0 {
                let canvas = view(state, maps: nil, environment: RenderEnvironment(language: .en))
                let lines = (0..<canvas.height).map { canvas.line($0) }
                #expect(canvas.height == state.terminalSize.rows)
                #expect(lines.allSatisfy { $0.count == state.terminalSize.columns }, "step \(step)")
            }
        }
    }
}
