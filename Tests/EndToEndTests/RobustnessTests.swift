import Foundation
import Testing

/// Suspend and resume, resize storms and the environment matrix, in a real terminal.
@Suite("Robustness in tmux", .serialized)
struct RobustnessTests {
    @Test func ctrlZThenFgThenQuitLeavesTheTerminalAsItWas() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=tmux-256color PS1='$ ' bash --norc --noprofile -i")
        #expect(tmux.waitFor { $0.hasPrefix("$") }.ok)
        tmux.type("stty -a > '\(tmux.dir)/shell-before'; '\(Binary.path)' --fresh")
        tmux.send("Enter")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("C-z")
        let stopped = tmux.waitFor("Stopped")
        #expect(stopped.ok, "Ctrl-Z suspends to the shell:\n\(stopped.screen)")
        tmux.type("fg"); tmux.send("Enter")
        #expect(tmux.waitFor("output 1×2×6×6").ok, "fg brings the screen back")
        tmux.send("Right")
        #expect(tmux.waitFor("input 1×3×9×8").ok, "and the keys work again")
        tmux.send("q")
        tmux.type("stty -a > '\(tmux.dir)/shell-after'; exit"); tmux.send("Enter")
        #expect(tmux.exitStatus() != nil)
        let before = (try? String(contentsOfFile: tmux.dir + "/shell-before", encoding: .utf8)) ?? "missing"
        let after = (try? String(contentsOfFile: tmux.dir + "/shell-after", encoding: .utf8)) ?? "missing after"
        #expect(before == after, "stty -a after Ctrl-Z, fg and q equals stty -a before")
    }

    @Test func resizeStormThenANormalSizeShowsACorrectScreen() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start()
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        var rng = SystemRandomNumberGenerator()
        var sizes = 0
        for _ in 0..<200 {
            tmux.resize(columns: Int.random(in: 1...300, using: &rng), rows: Int.random(in: 1...100, using: &rng))
            sizes += 1
        }
        tmux.resize(columns: 100, rows: 30)
        let (ok, screen) = tmux.waitFor { $0.contains("output 1×2×6×6") && $0.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6") }
        #expect(ok, "after \(sizes) random sizes the screen is right:\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 100 })
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// NO_COLOR=1: the numbers as in colour, and no colour escapes on screen.
    @Test func noColorEnvironment() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "NO_COLOR=1 TERM=tmux-256color LANG=C.UTF-8 '\(Binary.path)' --fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        let colored = shell("tmux capture-pane -e -p -t \(tmux.name)").out
        #expect(!colored.contains("38;5;") && !colored.contains("48;5;"), "no palette colours")
        #expect(tmux.capture().contains("27  54  81 108 135 162"), "the numbers carry the picture")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// TERM=xterm has 8 colours: the coarse ramp, still every value written.
    @Test func eightColourTerminal() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(columns: 120, rows: 40, command: "env -u NO_COLOR TERM=xterm LANG=C.UTF-8 '\(Binary.path)' --fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        #expect(tmux.capture().contains("27  54  81 108 135 162"))
        let colored = shell("tmux capture-pane -e -p -t \(tmux.name)").out
        #expect(!colored.contains("48;5;"), "no 256-colour backgrounds on an 8-colour terminal")
        #expect(colored.contains("\u{1B}[4") , "ANSI background colours are used")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// LANG=C: no UTF-8, so the screen is drawn in ASCII.
    @Test func asciiLocale() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR -u LC_ALL -u LC_CTYPE LANG=C TERM=tmux-256color '\(Binary.path)' --fresh")
        let (ok, screen) = tmux.waitFor("output 1x2x6x6")
        #expect(ok, "ASCII shapes:\n\(screen)")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "only ASCII on screen")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// Odd COLUMNS/LINES values do not change what the terminal reports.
    @Test(arguments: ["COLUMNS=abc LINES=-5", "COLUMNS=10 LINES=3", "COLUMNS=99999 LINES=0"])
    func oddColumnsAndLines(_ values: String) {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR \(values) TERM=tmux-256color LANG=C.UTF-8 '\(Binary.path)' --fresh")
        let (ok, screen) = tmux.waitFor("output 1×2×6×6")
        #expect(ok, "\(values): the real 80x24 screen is used:\n\(screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    @Test func stdinNotATerminal() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "echo hi | env TERM=tmux-256color '\(Binary.path)' 2>&1")
        #expect(tmux.exitStatus() == 2)
        let screen = tmux.waitFor("EXIT=").screen
        #expect(screen.contains("standard input is not a terminal"))
        #expect(screen.contains("convscope render"))
    }
}

/// The state file: written atomically, and a place it cannot be written is a message, not a crash.
@Suite("State file")
struct StateFileTests {
    @Test func unwritableStateHomeIsAMessage() {
        guard requireTmux() else { return }
        // /proc refuses new directories, even to root.
        let tmux = TmuxSession(command: "export XDG_STATE_HOME=/proc/convscope-test; env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh 2>&1")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        tmux.send("q")
        #expect(tmux.exitStatus() == 0, "quitting still succeeds")
        let screen = tmux.waitFor("could not save").screen
        #expect(screen.contains("could not save the parameters"), "\(screen)")
    }

    @Test func savedFileIsCompleteJSONWithNoTemporaryLeftBehind() throws {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start("--kernel-size 5")
        #expect(tmux.waitFor("kernel 2×3×5×5").ok)
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
        let dir = tmux.dir + "/state/convscope"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files == ["state.json"])
        let data = try #require(FileManager.default.contents(atPath: dir + "/state.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let parameters = object?["parameters"] as? [String: Int]
        #expect(parameters?["kernel_size_h"] == 5 && parameters?["kernel_size_w"] == 5)
    }
}

/// Random bytes through the real terminal input path (ncurses parsing, escape sequences, UTF-8).
@Suite("Random bytes in tmux")
struct RandomBytesTests {
    @Test func randomBytesNeverCrashOrBreakTheTerminal() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("bytes") { (dir: String) throws in
            let tmux = TmuxSession(command: "cd '\(dir)' && env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            var rng = SystemRandomNumberGenerator()
            var sent = 0
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                for _ in 0..<50 {
                    switch Int.random(in: 0..<10, using: &rng) {
                    case 0:  // a CSI sequence, complete or not
                        bytes += [0x1b, 0x5b] + (0..<Int.random(in: 0...4, using: &rng)).map { _ in UInt8.random(in: 0x30...0x3f, using: &rng) }
                        if Bool.random(using: &rng) { bytes.append(UInt8.random(in: 0x40...0x7e, using: &rng)) }
                    case 1:  // a UTF-8 character, or a broken one
                        bytes += Array(String(UnicodeScalar(UInt32.random(in: 0xa0...0x2fff, using: &rng)) ?? "é").utf8)
                        if Bool.random(using: &rng) { bytes.append(UInt8.random(in: 0x80...0xbf, using: &rng)) }
                    default:  // printable ASCII and control bytes, except the quit keys (q, Ctrl-C, Ctrl-Z, lone Esc)
                        var b: UInt8
                        repeat { b = UInt8.random(in: 0x01...0x7e, using: &rng) } while [0x71, 0x03, 0x1a, 0x1b].contains(b)
                        bytes.append(b)
                    }
                }
                sent += bytes.count
                shell("tmux send-keys -t \(tmux.name) -H " + bytes.map { String(format: "%02x", $0) }.joined(separator: " "))
            }
            // Still running and drawing: close any overlay and typing, then reset. The app may still be
            // working through the bytes, and an unfinished escape sequence at their end swallows the
            // next key, so Enter (which ends typing; r waits while a value is typed) and r are pressed
            // again (both are idempotent) until the defaults show.
            usleep(300_000)
            var (ok, screen) = (false, "")
            for _ in 0..<15 where !ok {
                tmux.send("Enter")
                tmux.send("r")
                // Not while a value is still being typed (its prompt says "Enter set"): q would wait.
                (ok, screen) = tmux.waitFor(timeout: 2) {
                    $0.contains("output 1×2×6×6") && $0.contains("in  1×3×8×8") && !$0.contains("Enter set")
                }
            }
            #expect(ok, "after \(sent) random bytes the default screen comes back:\n\(screen)")
            // The screen can show the defaults while bytes are still being read (a random r); q waits
            // while a value is typed, so Enter goes first, and both are repeated until convscope ends.
            var status: Int32?
            for _ in 0..<10 where status == nil {
                tmux.send("Enter")
                tmux.send("q")
                status = tmux.exitStatus(timeout: 1.5)
            }
            #expect(status == 0)
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(before == after)
        }
    }
}
