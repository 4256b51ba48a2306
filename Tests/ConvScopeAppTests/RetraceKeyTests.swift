import ConvCore
import Testing
@testable import ConvScopeApp

/// The stack screen retraces only what a key changed and keeps its list widths layer by layer;
/// after every key both equal what tracing the model afresh gives.
@Suite("Stack screen retrace")
struct RetraceKeyTests {
    @Test(arguments: ["skip.txt", "encoder_decoder.txt", "broken_channels.txt", "classic.txt"])
    func everyKeyLeavesTheTraceAndWidthsOfAFreshTrace(file: String) {
        var random = SplitMixRandom(start: 31)
        var state = ModelProgram(model: StackUpdateTests.model(file, size: file == "classic.txt" ? 28 : 8))
        state = update(state, .start(TerminalSize(columns: 120, rows: 40)))
        // Panel edits (arrows, End, Home, typed values), selection, insertions, removals and moves.
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .character("a"), .character("x"),
                           .character("<"), .character(">"), .character("["), .character("]"), .character("3"), .enter,
                           .character(","), .character(".")]
        for step in 0..<300 {
            update(&state, .key(keys[random.integer(in: 0...(keys.count - 1))]))
            let stack = state.stack!
            let fresh = stack.model.trace
            #expect(stack.trace == fresh, "step \(step)")
            #expect(stack.listWidths == StackListWidths(fresh), "step \(step)")
        }
    }
}
