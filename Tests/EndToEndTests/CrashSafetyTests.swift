import Foundation
import Testing

/// Values past what a 64-bit integer holds (a file of 1e19s) are drawn, never a crash that leaves
/// the terminal raw: headless and on the screen.
@Suite("Huge values", .serialized)
struct HugeValueTests {
    static let file = Binary.root + "/Tests/EndToEndTests/inputs/huge-1e19-3x3.npy"

    @Test func renderWritesThemAsPythonDoes() {
        let text = shell("'\(Binary.path)' render --format text --size 80x24 --input '\(Self.file)' --kernel-size 1 --out-channels 1")
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("1e+19"), "\(text.out)")
    }

    @Test func theScreenDrawsThemAndQuitsCleanly() {
        guard requireTmux() else { return }
        let tmux = TmuxSession(columns: 80, rows: 24, command:
            "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(Binary.path) --fresh --input '\(Self.file)' --kernel-size 1 --out-channels 1")
        let (ok, screen) = tmux.waitFor { $0.contains("output 1×1×3×3") && $0.contains("1e+19") }
        #expect(ok, "\(screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}

/// Whatever kills convscope from inside (a trap, a bad access), the shell gets its terminal back:
/// the same `stty -a`, the cursor, the main screen, no mouse reports, and one line saying so.
@Suite("A crash restores the terminal", .serialized)
struct CrashRestoreTests {
    /// Linux's signal numbers (x86-64 and arm64 agree), for the line convscope prints.
    static let linuxNumbers = ["QUIT": 3, "USR1": 10, "USR2": 12, "PIPE": 13, "ALRM": 14, "STKFLT": 16, "XCPU": 24,
                               "XFSZ": 25, "VTALRM": 26, "PROF": 27, "IO": 29, "PWR": 30, "SYS": 31]

    /// The crashes, then every other signal whose default action ends a process (sent from outside).
    @Test(arguments: ["SEGV", "ILL", "ABRT", "QUIT", "USR1", "USR2", "ALRM", "PIPE", "VTALRM", "PROF", "XCPU", "XFSZ",
                      "SYS", "IO", "PWR", "STKFLT", "40"])
    func aFatalSignalLeavesTheShellTheTerminalItHad(signal: String) {
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=tmux-256color PS1='$ ' bash --norc --noprofile -i")
        #expect(tmux.waitFor { $0.hasPrefix("$") }.ok)
        // A link of the test's own, so pkill finds this convscope by its path and no other.
        let link = tmux.dir + "/convscope-crash-\(signal)"
        #expect(shell("ln -sf '\(Binary.path)' '\(link)'").status == 0)
        tmux.type("stty -a > '\(tmux.dir)/before'; '\(link)' --fresh; echo status=$?")
        tmux.send("Enter")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        let killed = shell("pkill -\(signal) -f '^\(link) '")
        #expect(killed.status == 0, "\(killed.err)")
        // "status=1…" is the shell's answer; the typed line itself holds "status=$?".
        let (ok, screen) = tmux.waitFor { $0.contains("status=1") }
        #expect(ok, "\(screen)")
        let crash = ["SEGV", "ILL", "ABRT"].contains(signal)
        let number = Int(signal) ?? Self.linuxNumbers[signal] ?? -1
        #expect(screen.contains(crash ? "convscope: internal error (a fatal signal); the terminal was restored"
                                      : "convscope: ended by signal \(number); the terminal was restored"), "\(screen)")
        tmux.type("stty -a > '\(tmux.dir)/after'; exit"); tmux.send("Enter")
        _ = tmux.exitStatus()
        let before = (try? String(contentsOfFile: tmux.dir + "/before", encoding: .utf8)) ?? "missing"
        let after = (try? String(contentsOfFile: tmux.dir + "/after", encoding: .utf8)) ?? "missing after"
        #expect(before == after, "stty -a after the crash equals stty -a before")
    }
}
