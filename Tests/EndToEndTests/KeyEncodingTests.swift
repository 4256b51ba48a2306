import Foundation
import Testing

/// Home, End, PgUp, PgDn and Delete in every encoding common terminals send (xterm's normal and
/// application modes, vt220, rxvt, the linux console, tmux and screen), written as raw bytes into
/// the pane under TERMs whose terminfo names one encoding or another: each is read by the real key
/// reader, whichever TERM says.
@Suite("Key encodings in tmux", .serialized)
struct KeyEncodingTests {
    static let home = ["1b 5b 31 7e", "1b 5b 37 7e", "1b 5b 48", "1b 4f 48", "1b 5b 31 3b 32 48"]
    static let end = ["1b 5b 34 7e", "1b 5b 38 7e", "1b 5b 46", "1b 4f 46", "1b 5b 31 3b 32 46"]
    static let pageUp = "1b 5b 35 7e", pageDown = "1b 5b 36 7e", delete = "1b 5b 33 7e"

    /// True when the screen's h_in row holds `value` (marked "!1" when PyTorch would refuse it).
    static func hIn(_ value: Int, in screen: String) -> Bool {
        screen.split(separator: "\n").contains { line in
            line.contains("▸h_in") && line.split(separator: " ").contains { $0.filter(\.isNumber) == "\(value)" }
        }
    }

    @Test(arguments: ["xterm-256color", "tmux-256color", "screen", "linux", "vt220", "rxvt"])
    func everyEncodingIsRead(term: String) {
        guard requireTmux() else { return }
        guard shell("infocmp \(term)").status == 0 else {
            Issue.record("no terminfo entry for \(term) here"); return
        }
        let tmux = TmuxSession(command: "env -u NO_COLOR TERM=\(term) '\(Binary.path)' --fresh --no-color")
        #expect(tmux.waitFor("output 1×2×6×6").ok)
        for (home, end) in zip(Self.home, Self.end) {
            tmux.sendBytes(end)
            var (ok, screen) = tmux.waitFor { Self.hIn(1024, in: $0) }
            #expect(ok, "TERM=\(term): End as \(end) sets h_in to its maximum:\n\(screen)")
            tmux.sendBytes(home)
            (ok, screen) = tmux.waitFor { Self.hIn(1, in: $0) }
            #expect(ok, "TERM=\(term): Home as \(home) sets h_in to its minimum:\n\(screen)")
        }
        tmux.sendBytes(Self.pageUp)
        var (ok, screen) = tmux.waitFor { Self.hIn(2, in: $0) }
        #expect(ok, "TERM=\(term): PgUp as \(Self.pageUp) doubles h_in:\n\(screen)")
        tmux.sendBytes(Self.pageDown)
        (ok, screen) = tmux.waitFor { Self.hIn(1, in: $0) }
        #expect(ok, "TERM=\(term): PgDn as \(Self.pageDown) halves h_in:\n\(screen)")
        // Delete erases the last typed digit: 5, 7, Delete, Enter sets 5.
        tmux.type("57")
        tmux.sendBytes(Self.delete)
        tmux.send("Enter")
        (ok, screen) = tmux.waitFor { Self.hIn(5, in: $0) }
        #expect(ok, "TERM=\(term): Delete as \(Self.delete) erases the 7 of 57:\n\(screen)")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }
}

extension TmuxSession {
    /// Writes raw bytes (hex, space-separated) into the pane, as a terminal would send them.
    func sendBytes(_ hex: String) {
        shell("\(TestArea.tmux) send-keys -t \(name) -H " + hex)
    }
}
