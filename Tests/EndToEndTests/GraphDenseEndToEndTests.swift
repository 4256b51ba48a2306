import Foundation
import Testing

/// The dense panel in a real terminal: c on resnet18's conv1 at 224² shows the conv against a
/// dense layer and the model's own fc on the pooled vector and on the whole map; Esc closes it.
@Suite("Graph dense panel end to end", .serialized)
struct GraphDenseEndToEndTests {
    @Test func cOpensTheConvVsDensePanelAndEscClosesIt() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(GraphScreenEndToEndTests.prints)/resnet18.txt --h-in 224 --w-in 224",
                                          columns: 80, rows: 24)
        #expect(tmux.waitFor { GraphScreenEndToEndTests.selected($0).hasPrefix("▸conv1 Conv2d") }.ok, "the graph screen opens")
        tmux.send("c")
        let panel = tmux.waitFor { $0.contains("conv vs dense") && $0.contains("120,847,089,664") && $0.contains("25,089,000") }
        #expect(panel.ok, "c shows conv1 against a dense layer and fc on the whole map\n\(panel.screen)")
        #expect(panel.screen.contains("fc Linear 512 → 1000") && panel.screen.contains("513,000"))
        tmux.send("Escape")
        let closed = tmux.waitFor { !$0.contains("conv vs dense") && $0.contains("c dense") }
        #expect(closed.ok, "Esc closes the panel\n\(closed.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
