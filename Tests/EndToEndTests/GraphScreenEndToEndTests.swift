import Foundation
import Testing

/// The graph screen in a real terminal: `convscope --model FILE` with a torch.fx print opens on
/// its nodes; keys select an add (both inputs shown), fold blocks and open the field view; a
/// print piped in with `--model -` opens too, keys then coming from the terminal.
@Suite("Graph screen end to end", .serialized)
struct GraphScreenEndToEndTests {
    static let prints = Binary.root + "/Tests/ConvCoreTests/Fixtures/fx_prints"

    /// The selected row (the one with the pointer), with single spaces.
    static func selected(_ screen: String) -> String {
        let line = screen.split(separator: "\n").first { $0.hasPrefix("▸") } ?? ""
        return line.split(separator: " ").joined(separator: " ")
    }

    @Test func resnet18OpensSelectsAnAddFoldsAndShowsTheField() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(Self.prints)/resnet18.txt --h-in 32 --w-in 32", columns: 200, rows: 60)
        let opened = tmux.waitFor { $0.contains("a traced graph of 69 nodes") && $0.contains("1×3×32×32 → 1×1000") }
        #expect(opened.ok, "the fx print opens on the graph screen\n\(opened.screen)")
        #expect(tmux.waitFor { Self.selected($0).hasPrefix("▸conv1 Conv2d") }.ok, "the first node is selected")
        for _ in 0..<11 { tmux.send("Down") }
        let add = tmux.waitFor { Self.selected($0).contains("add ← layer1.0.bn2 + maxpool")
            && $0.contains("layer1.0.bn2 1×64×8×8") && $0.contains("maxpool 1×64×8×8") && $0.contains("output 1×64×8×8 · add") }
        #expect(add.ok, "the add shows both inputs side by side over its output\n\(add.screen)")
        tmux.send("R")
        let field = tmux.waitFor { $0.contains("receptive field: r 27, j 4, start 0, 0") && $0.contains("paths 32×32") }
        #expect(field.ok, "R shows r, j, start and the effective field over the input\n\(field.screen)")
        tmux.send("Escape", "Escape")
        #expect(tmux.waitFor { !$0.contains("paths 32×32") }.ok)
        tmux.send("Enter")
        let folded = tmux.waitFor { Self.selected($0).contains("⊞ layer1.0 (7 nodes) 1×64×8×8 73,984") }
        #expect(folded.ok, "Enter on a node folds its block to one row\n\(folded.screen)")
        tmux.send("d")
        let depth = tmux.waitFor { $0.contains("⊞ layer4 (16 nodes)") && !$0.contains("⊟ layer1") }
        #expect(depth.ok, "d folds every block at depth 1\n\(depth.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func aPrintPipedInOpensWithKeysFromTheTerminal() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(columns: 80, rows: 24, command: "cat \(Self.prints)/squeezenet1_0.txt | env -u NO_COLOR TERM=tmux-256color "
            + "LANG=C.UTF-8 \(Binary.path) --model - --h-in 64 --w-in 64")
        let opened = tmux.waitFor { $0.contains("a traced graph of") && $0.contains("1×3×64×64 → 1×1000") }
        #expect(opened.ok, "the piped print opens\n\(opened.screen)")
        tmux.send("End")
        let last = tmux.waitFor { Self.selected($0).hasPrefix("▸flatten ← classifier.3") }
        #expect(last.ok, "keys reach the screen from the terminal\n\(last.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func aPipedPrintWithoutATerminalIsOneLine() {
        let run = shell("cat \(Self.prints)/resnet18.txt | setsid \(Binary.path) --model -")
        #expect(run.status == 64)
        #expect(run.err == "convscope: --model - read the model from standard input and no terminal (/dev/tty) is left for keys: "
            + "save the print to a file and give its name. (see convscope --help)\n")
    }

    /// At 224² a jump to the end is computed behind the screen and its maps arrive.
    @Test func aFarRowAt224IsComputedBehindTheScreen() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--model \(Self.prints)/resnet18.txt --h-in 224 --w-in 224", columns: 80, rows: 24)
        #expect(tmux.waitFor { $0.contains("1×3×224×224 → 1×1000") && $0.contains("output 1×64×112×112") }.ok,
                "conv1's maps arrive")
        tmux.send("End")
        let fc = tmux.waitFor { Self.selected($0).hasPrefix("▸fc Linear") && $0.contains("output 1×1000 · fc") && $0.contains("input 1×512 · flatten") }
        #expect(fc.ok, "fc's input, weights and output arrive\n\(fc.screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
