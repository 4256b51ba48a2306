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
        for id in ParameterID.geometry {
            tmux.send("Right")
            p.setClamped(id, p[id] + 1)
            let expectedIn = "input " + Self.shape(p.inputShape)
            let expectedOut = p.outputShape.map { "output " + Self.shape($0) } ?? "PyTorch refuses"
            let h = p.heightAxis
            let expectedFormula = "+ 1 = \(h.outputSize)"
            // A capture can land mid-redraw (the panel new, the formula line not yet): wait for all.
            let (ok, screen) = tmux.waitFor { s in
                Self.panelShows(s, id, p[id]) && s.contains(expectedIn) && s.contains(expectedOut)
                    && (!h.kernelFits || s.contains(expectedFormula))
            }
            #expect(ok, "after Right on \(id.name): expected \(expectedIn), \(expectedOut)\n\(screen)")
            if h.kernelFits {
                #expect(screen.contains("+ 1 = \(h.outputSize)"), "H_out formula follows")
            }
            tmux.send("Down")
        }
        // PgUp doubles, Home/End go to the range ends, typed values are taken.
        for _ in ParameterID.geometry.count..<ParameterID.allCases.count { tmux.send("Down") }
        tmux.send("Home")  // back on h_in after a Down past every row
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
        tmux.send("q")
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
        #expect(tmux.waitFor("zoom auto (large)").ok, "a big window uses large cells")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// Each way out restores the terminal: echo and icanon are back and stty is as before.
    @Test(arguments: ["q", "C-c", "SIGTERM", "SIGHUP"])
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
        // 120×40: room for the summary under the eighteen parameter rows.
        let tmux = Self.start("--h-in 1024 --w-in 1024 --in-channels 64 --out-channels 64 --kernel-size 32",
                              columns: 120, rows: 40)
        // The summary under the parameter panel (the section header gives the shape's room to the block size).
        #expect(tmux.waitFor("in  1×64×1024×1024").ok)
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

/// The inspector, the animation and the saved state, driven in tmux.
@Suite("Teaching views in tmux", .serialized)
struct TeachingTests {
    @Test func inspectorWritesOutTheSumAndHighlightsTheTaps() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start(columns: 120, rows: 40)
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("Tab")  // focus on the output maps, cursor at (0, 0, 0)
        tmux.send("Down", "Down", "Right", "Right", "Right")
        let (ok, screen) = tmux.waitFor("output[0, 2, 3] = Σ 3 ch × 3×3 taps = 3+4+5+3+4+5+3+4+5 + 3+4+5+3+4+5+3+4+5 + 3+4+5+3+4+5+3+4+5 = 108")
        #expect(ok, "the sum for output[0, 2, 3]:\n\(screen)")
        // The highlighted taps (gold background) are the receptive field: rows 2-4, columns 3-5 of every input channel.
        let colored = shell("\(TestArea.tmux) capture-pane -e -p -t \(tmux.name)").out
        let gold = "48;5;220"
        let goldRows = colored.split(separator: "\n").enumerated().filter { $0.element.contains(gold) }.map(\.offset)
        #expect(goldRows == [6, 7, 8], "taps on input rows 2…4 (screen rows 6…8, under the column indices): \(goldRows)")
        tmux.send("Tab")  // reverse inspector on the input
        #expect(tmux.waitFor("input[0, 0, 0] feeds 1 output cell").ok)
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func animationStepsAndPlays() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start(columns: 120, rows: 40)
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("n", "n", "n")
        #expect(tmux.waitFor("output[0, 0, 3] =").ok, "n steps in raster order")
        tmux.send("N")
        #expect(tmux.waitFor("output[0, 0, 2] =").ok, "N steps back")
        tmux.send("}", "}", "}")  // 32 cells/s
        tmux.send("Space")
        #expect(tmux.waitFor("playing 32 cells/s").ok)
        #expect(tmux.waitFor("output[0, 3,").ok, "it moves on by itself")
        tmux.send("Right")  // keys keep working: moving the cursor pauses
        #expect(tmux.waitFor("paused").ok)
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func lastParametersComeBackAndFreshIgnoresThem() throws {
        guard requireTmux() else { return }
        let first = InteractiveTests.start()
        #expect(first.waitFor("output 1×2×6×6").ok)
        first.send("Right")
        #expect(first.waitFor("input 1×3×9×8").ok)
        first.send("q")
        #expect(first.exitStatus() == 0)
        let stateFile = first.dir + "/state/convscope/state.json"
        let saved = try String(contentsOfFile: stateFile, encoding: .utf8)
        #expect(saved.contains("\"h_in\" : 9"))
        // A second run with the same state home starts where the first stopped.
        let second = TmuxSession(command: "export XDG_STATE_HOME='\(first.dir)/state'; env -u NO_COLOR TERM=tmux-256color \(Binary.path)")
        #expect(second.waitFor("input 1×3×9×8").ok)
        second.send("q")
        #expect(second.exitStatus() == 0)
        let fresh = TmuxSession(command: "export XDG_STATE_HOME='\(first.dir)/state'; env -u NO_COLOR TERM=tmux-256color \(Binary.path) --fresh")
        #expect(fresh.waitFor("input 1×3×8×8").ok, "--fresh starts from the notebook's defaults")
        fresh.send("q")
        #expect(fresh.exitStatus() == 0)
        // A corrupt file is ignored with a notice.
        try "{not json".write(toFile: stateFile, atomically: true, encoding: .utf8)
        let corrupt = TmuxSession(command: "export XDG_STATE_HOME='\(first.dir)/state'; env -u NO_COLOR TERM=tmux-256color \(Binary.path)")
        #expect(corrupt.waitFor("is not a convscope state file").ok)
        #expect(corrupt.waitFor("input 1×3×8×8").ok)
        corrupt.send("q")
        #expect(corrupt.exitStatus() == 0)
    }
}
