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
        // $? after fg is the status convscope ends with.
        tmux.type("fg; echo convscope-exit=$?"); tmux.send("Enter")
        #expect(tmux.waitFor("output 1×2×6×6").ok, "fg brings the screen back")
        // The key goes at once: the terminal's keypad mode is back before the screen is (an arrow
        // sent in the moment between them was read as an unknown ESC [ C and lost).
        #expect(tmux.keypadCursorMode, "the screen came back before the terminal's keypad mode")
        tmux.send("Right")
        #expect(tmux.waitFor("input 1×3×9×8").ok, "and the keys work again")
        tmux.send("q")
        // The typed line reads "convscope-exit=$?"; the shell prints the status after q.
        let quit = tmux.waitFor("convscope-exit=0")
        #expect(quit.ok, "convscope exits with 0 after Ctrl-Z, fg and q:\n\(quit.screen)")
        tmux.type("stty -a > '\(tmux.dir)/shell-after'; exit"); tmux.send("Enter")
        #expect(tmux.exitStatus() == 0, "the shell ends normally")
        let before = (try? String(contentsOfFile: tmux.dir + "/shell-before", encoding: .utf8)) ?? "missing"
        let after = (try? String(contentsOfFile: tmux.dir + "/shell-after", encoding: .utf8)) ?? "missing after"
        #expect(before == after, "stty -a after Ctrl-Z, fg and q equals stty -a before")
    }

    @Test func resizeStormThenANormalSizeShowsACorrectScreen() {
        guard requireTmux() else { return }
        let tmux = InteractiveTests.start()
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        var rng = SeededGenerator.fromEnvironment("resize storm")
        var sizes = 0
        for _ in 0..<200 {
            tmux.resize(columns: Int.random(in: 1...300, using: &rng), rows: Int.random(in: 1...100, using: &rng))
            sizes += 1
        }
        tmux.resize(columns: 100, rows: 30)
        let (ok, screen) = tmux.waitFor { $0.contains("output 1×2×6×6") && $0.contains("H_out = ⌊(8 + 2·0 − 1·(3−1) − 1) / 1⌋ + 1 = 6") }
        #expect(ok, "after \(sizes) random sizes (\(rng.replay)) the screen is right:\n\(screen)")
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
        let colored = shell("\(TestArea.tmux) capture-pane -e -p -t \(tmux.name)").out
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
        let colored = shell("\(TestArea.tmux) capture-pane -e -p -t \(tmux.name)").out
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
///
/// The bytes go in bursts of about 320, and after each burst r is pressed until the reset message
/// shows (the bytes never contain r, so only our r writes it): convscope has then read the whole
/// burst. Sent all at once on a loaded machine, thousands of bytes piled up in the terminal and the
/// test took a screen from the middle of the pile for the reset one, then sent q long before
/// convscope got to it. No byte quits (Esc backs out one level and never quits), so convscope must
/// still run after every burst.
@Suite("Random bytes in tmux")
struct RandomBytesTests {
    /// q, Ctrl-C, Ctrl-Z (they quit or suspend), a lone Esc (only whole sequences are sent), and r (the test's own reset marker).
    static let excluded: [UInt8] = [0x71, 0x03, 0x1a, 0x1b, 0x72]

    /// One random key-ish thing: a CSI sequence (complete or not), a UTF-8 character (perhaps
    /// with a stray continuation byte), or a printable or control byte.
    static func randomElement(_ rng: inout SeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            var bytes: [UInt8] = [0x1b, 0x5b] + (0..<Int.random(in: 0...4, using: &rng)).map { _ in UInt8.random(in: 0x30...0x3f, using: &rng) }
            // Not q or r even as a final byte: after an unfinished sequence or a stray byte, where
            // one sequence ends in random bytes is not defined, and a final q may land as a key.
            if Bool.random(using: &rng) {
                var final: UInt8
                repeat { final = UInt8.random(in: 0x40...0x7e, using: &rng) } while excluded.contains(final)
                bytes.append(final)
            }
            return bytes
        case 1:
            var bytes = Array(String(UnicodeScalar(UInt32.random(in: 0xa0...0x2fff, using: &rng)) ?? "é").utf8)
            if Bool.random(using: &rng) { bytes.append(UInt8.random(in: 0x80...0xbf, using: &rng)) }
            return bytes
        default:
            var b: UInt8
            repeat { b = UInt8.random(in: 0x01...0x7e, using: &rng) } while excluded.contains(b)
            return [b]
        }
    }

    /// Presses r until convscope shows the reset message over the default screen.
    static func resetAndWait(_ tmux: TmuxSession) -> (ok: Bool, screen: String) {
        var result = (ok: false, screen: "")
        // r may first close the help or end an unfinished escape sequence; each press is harmless.
        for _ in 0..<40 where !result.ok {
            tmux.send("Enter")  // typing holds every key but digits, Backspace, Enter and Esc
            tmux.send("r")
            result = tmux.waitFor(timeout: 1) {
                $0.contains("reset to the notebook's defaults") && $0.contains("output 1×2×6×6") && $0.contains("input 1×3×8×8")
            }
        }
        return result
    }

    static func start(in dir: String) -> TmuxSession {
        let tmux = TmuxSession(command: "cd '\(dir)' && env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        return tmux
    }

    @Test func randomBytesNeverCrashOrBreakTheTerminal() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("bytes") { (dir: String) throws in
            let tmux = Self.start(in: dir)
            var rng = SeededGenerator.fromEnvironment("random bytes")
            var sent = 0
            for burst in 0..<10 {
                var hex: [String] = []
                for _ in 0..<4 {
                    let bytes = (0..<50).flatMap { _ in Self.randomElement(&rng) }
                    sent += bytes.count
                    let chunk = bytes.map { String(format: "%02x", $0) }
                    hex += chunk
                    shell("\(TestArea.tmux) send-keys -t \(tmux.name) -H " + chunk.joined(separator: " "))
                }
                if let status = tmux.exitStatus(timeout: 0.3) {
                    // The bytes hold no quit key (q, Ctrl-C, Ctrl-Z) and Esc never quits, so any exit
                    // here is a failure: a crash, a signal, or a key read as quit.
                    let (before, after) = tmux.sttyBeforeAndAfter
                    Issue.record("""
                        burst \(burst + 1) (\(rng.replay)) ended convscope with status \(status)\
                        \(before == after ? "" : " and a changed terminal"): \(hex.joined(separator: " "))
                        """)
                    return
                }
                let (ok, screen) = Self.resetAndWait(tmux)
                guard ok else {
                    Issue.record("""
                        after burst \(burst + 1) (\(sent) random bytes, \(rng.replay)) the reset screen does not come \
                        back; \(tmux.programState); the burst: \(hex.joined(separator: " "))
                        \(screen)
                        """)
                    return
                }
            }
            print("random bytes: \(sent) sent in 10 bursts")
            tmux.send("q")
            let status = tmux.exitStatus()
            var probe = ""
            if status == nil {
                // Is the input still read at all? A visible key, then q once more.
                let before = tmux.capture()
                tmux.send("Down")
                let moved = tmux.waitFor(timeout: 3) { $0 != before }.ok
                tmux.send("q")
                probe = "; then Down \(moved ? "moved the selection" : "changed nothing") and a second q "
                    + (tmux.exitStatus() == 0 ? "quit" : "did not quit")
            }
            #expect(status == 0, "q quits after \(sent) random bytes (\(rng.replay)); \(tmux.programState)\(probe):\n\(tmux.capture())")
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(before == after)
        }
    }
}

/// xorshift64*: a small generator fully determined by its seed, so a failing random test can be
/// replayed. The seed comes from CONVSCOPE_TEST_RANDOM, or is fresh each run, and is printed.
struct SeededGenerator: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) {
        self.seed = seed
        state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed
    }

    /// The seed from CONVSCOPE_TEST_RANDOM or a fresh one, printed with the test's name.
    static func fromEnvironment(_ test: String) -> SeededGenerator {
        let given = ProcessInfo.processInfo.environment["CONVSCOPE_TEST_RANDOM"].flatMap { UInt64($0) }
        let generator = SeededGenerator(seed: given ?? UInt64.random(in: 1...UInt64(UInt32.max)))
        print("\(test): \(generator.replay)")
        return generator
    }

    /// How to run the test again with the same numbers.
    var replay: String { "seed \(seed), rerun with CONVSCOPE_TEST_RANDOM=\(seed)" }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

extension TmuxSession {
    /// Whether convscope still runs (and its ps state: T means stopped), or how it ended, for failure messages.
    var programState: String {
        if let pid = programPID {
            let ps = shell("ps -o stat=,wchan= -p \(pid)").out.trimmingCharacters(in: .whitespacesAndNewlines)
            return "convscope runs as pid \(pid) (ps state and wait channel: \(ps))"
        }
        let ended = (try? String(contentsOfFile: dir + "/exit", encoding: .utf8)) ?? "no exit status yet"
        return "convscope is not running (\(ended.trimmingCharacters(in: .whitespacesAndNewlines)))"
    }
}
