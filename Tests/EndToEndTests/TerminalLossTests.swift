import Foundation
import Testing

/// The terminal going away without a SIGHUP reaching convscope (it was started under setsid, then
/// the window closed), and terminals terminfo describes without a size.
@Suite("Terminal loss", .serialized)
struct TerminalLossTests {
    @Test func closingTheWindowWithoutSIGHUPSavesAndExits129() throws {
        guard requireTmux() else { return }
        // setsid: no controlling terminal, so closing the pane sends convscope no SIGHUP; only
        // its reads fail. The shell around it writes convscope's exit status down.
        let tmux = TmuxSession(command: "setsid sh -c 'env -u NO_COLOR TERM=tmux-256color \"$0\" --fresh; echo $? > \"$(dirname \"$XDG_STATE_HOME\")/hangup-status\"' '\(Binary.path)'")
        let statusFile = tmux.dir + "/hangup-status"
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("Right")
        #expect(tmux.waitFor { InteractiveTests.panelShows($0, .hIn, 9) }.ok)
        tmux.kill()
        let closed = Date()
        var text: String?
        while text == nil && Date().timeIntervalSince(closed) < 10 {
            text = try? String(contentsOfFile: statusFile, encoding: .utf8)
            if text == nil { usleep(10_000) }
        }
        let seconds = Date().timeIntervalSince(closed)
        #expect(text?.trimmingCharacters(in: .whitespacesAndNewlines) == "129", "exits as SIGHUP would: \(text ?? "still running")")
        // 0.5 s is the promise (measured alone: about 0.01 s); with six builds on two cores it took
        // up to 1.6 s, so the bound is 3 s: still far below the 10 s a process that never noticed
        // the lost terminal would take to be given up on.
        #expect(seconds < 3.0, "exited \(seconds) s after the window closed")
        let saved = try String(contentsOfFile: tmux.dir + "/state/convscope/state.json", encoding: .utf8)
        #expect(saved.contains("\"h_in\" : 9"), "the state is saved: \(saved)")
    }

    @Test func aTerminfoEntryWithoutASizeStillStarts() {
        guard requireTmux() else { return }
        // The linux console's entry has no lines/cols: the size must come from the terminal.
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=linux LANG=C.UTF-8 '\(Binary.path)' --fresh 2>&1")
        let (ok, screen) = tmux.waitFor("output 1×2×6×6")
        #expect(ok, "the screen starts with TERM=linux:\n\(screen)")
        #expect(!screen.contains("terminfo"))
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}
