import ConvCore
import Foundation
import Testing

/// The TUI in a real terminal (tmux): keys, screens, resizes, exits, and the terminal afterwards.
@Suite("End to end in tmux", .serialized)
struct InteractiveTests {
    static func start(_ flags: String = "", columns: Int = 80, rows: Int = 24) -> TmuxSession {
        TmuxSession(columns: columns, rows: rows, command: "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(Binary.path) \(flags)")
    }

    static func shape(_ s: [Int]) -> String { s.map(String.init).joined(separator: "×") }

    /// The panel row of a parameter reads its value.
    static func panelShows(_ screen: String, _ id: ParameterID, _ value: Int) -> Bool {
        screen.split(separator: "\n").contains { line in
            guard let r = line.range(of: " \(id.name) ") ?? line.range(of: "▸\(id.name) ") else { return false }
            let rest = line[r.upperBound...].trimmingCharacters(in: .whitespaces)
            return rest.hasPrefix("\(value) ") || rest.hasPrefix("!\(value) ")
        }
    }

    @Test func everyParameterChangesWithTheKeysAndTheMapsFollow() {
        guard requireTmux() else { return }
        let tmux = Self.start(columns: 120, rows: 40)
        #expect(tmux.waitFor("output 1×2×6×6").ok, "the default screen appears")
        var p = ConvParameters()
        for id in ParameterID.allCases {
            tmux.send("Right")
            p.setClamped(id, p[id] + 1)
            let expectedIn = "input " + Self.shape(p.inputShape)
            let expectedOut = p.outputShape.map { "output " + Self.shape($0) } ?? "PyTorch refuses"
            let (ok, screen) = tmux.waitFor { s in
                Self.panelShows(s, id, p[id]) && s.contains(expectedIn) && s.contains(expectedOut)
            }
            #expect(ok, "after Right on \(id.name): expected \(expectedIn), \(expectedOut)\n\(screen)")
            let h = p.heightAxis
            if h.kernelFits {
                #expect(screen.contains("+ 1 = \(h.outputSize)"), "H_out formula follows")
            }
            tmux.send("Down")
        }
        // PgUp doubles, Home/End go to the range ends, typed values are taken.
        tmux.send("Home")  // back on h_in after 12 Downs
        p.hIn = 1
        #expect(tmux.waitFor { Self.panelShows($0, .hIn, 1) }.ok)
        tmux.type("12"); tmux.send("Enter")
        #expect(tmux.waitFor { Self.panelShows($0, .hIn, 12) }.ok, "typing 12 Enter sets h_in")
        tmux.send("PPage")
        #expect(tmux.waitFor { Self.panelShows($0, .hIn, 24) }.ok, "PgUp doubles")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func invalidCombinationShowsPyTorchsMessageAndRecovers() {
        guard requireTmux() else { return }
        let tmux = Self.start(columns: 200, rows: 60)
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("Down", "Down", "Down", "Down")  // kernel_size_h
        tmux.type("9"); tmux.send("Enter")
        tmux.send("Down"); tmux.type("9"); tmux.send("Enter")
        let message = ConvError.kernelLargerThanPaddedInput(paddedH: 8, paddedW: 8, kernelH: 9, kernelW: 9).message
        let (ok, screen) = tmux.waitFor(message)
        #expect(ok, "PyTorch's message word for word:\n\(screen)")
        #expect(screen.contains("input 1×3×8×8"), "the input stays visible")
        #expect(screen.contains("!9"), "the culprits are marked")
        tmux.send("Left")  // kernel_size_w 8: still too big in height
        tmux.send("Up", "Left")  // kernel_size_h 8: fits
        #expect(tmux.waitFor("output 1×2×1×1").ok, "changing parameters brings the output back")
        tmux.send("Escape")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func resizeToTinyAndBack() {
        guard requireTmux() else { return }
        let tmux = Self.start()
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.resize(columns: 40, rows: 12)
        let small = tmux.waitFor("needs 50x17")
        #expect(small.ok, "a tiny window says the size needed:\n\(small.screen)")
        tmux.resize(columns: 80, rows: 24)
        #expect(tmux.waitFor("output 1×2×6×6").ok, "the screen comes back")
        tmux.resize(columns: 200, rows: 60)
        #expect(tmux.waitFor("zoom large").ok, "a big window uses large cells")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// Each way out restores the terminal: echo and icanon are back and stty is as before.
    @Test(arguments: ["q", "Escape", "C-c", "SIGTERM", "SIGHUP"])
    func exitRestoresTheTerminal(_ how: String) {
        guard requireTmux() else { return }
        let tmux = Self.start()
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        if how.hasPrefix("SIG") {
            guard let pid = tmux.programPID else { Issue.record("convscope's pid not found"); return }
            kill(pid, how == "SIGTERM" ? SIGTERM : SIGHUP)
        } else {
            tmux.send(how)
        }
        let status = tmux.exitStatus()
        #expect(status != nil, "convscope ended after \(how)")
        let expected: Int32 = how == "SIGTERM" ? 143 : how == "SIGHUP" ? 129 : 0
        #expect(status == expected)
        let (before, after) = tmux.sttyBeforeAndAfter
        #expect(after.contains(" echo ") || after.contains("\techo ") || after.contains(" echo\n"))
        #expect(after.contains(" icanon"))
        #expect(!after.contains("-echo ") && !after.contains("-icanon"))
        #expect(before == after, "stty -a is unchanged by \(how)")
        let screen = tmux.waitFor("EXIT=").screen
        #expect(!screen.contains("convscope · nn.Conv2d"), "the screen was cleared back to the shell")
    }

    @Test func heavyConfigurationShowsProgressAndQuitsAtOnce() {
        guard requireTmux() else { return }
        let tmux = Self.start("--h-in 1024 --w-in 1024 --in-channels 64 --out-channels 64 --kernel-size 32")
        #expect(tmux.waitFor("input 1×64×1024×1024").ok)
        let started = Date()
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test(arguments: [("TERM unset", "env -u TERM"), ("unknown TERM", "TERM=no-such-term"), ("TERM=dumb", "TERM=dumb")])
    func noUsableTerminalExplainsAndExits2(_ label: String, _ prefix: String) {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "\(prefix) \(Binary.path) > '\(NSTemporaryDirectory())cs-out-$$' 2>&1; s=$?; cat '\(NSTemporaryDirectory())cs-out-$$'; (exit $s)")
        #expect(tmux.exitStatus() == 2, "\(label)")
        let screen = tmux.waitFor("EXIT=").screen
        #expect(screen.contains("convscope render"), "suggests render: \(screen)")
    }

    @Test func stdoutNotATerminal() {
        let r = shell("TERM=xterm-256color '\(Binary.path)' | cat")
        #expect(r.err.contains("standard output is not a terminal"))
        #expect(r.err.contains("convscope render"))
        #expect(!r.out.contains("\u{1B}"), "no escape codes")
        #expect(r.out.isEmpty)
        let status = shell("TERM=xterm-256color '\(Binary.path)' > /dev/null 2>&1 < /dev/null; echo $?").out
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
    }
}
