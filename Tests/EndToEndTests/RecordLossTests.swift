import Foundation
import Testing

/// A record that could not be written is not forgotten when the screen closes.
@Suite("Record loss")
struct RecordLossTests {
    /// The record path turns into a directory mid-session: the next answer cannot be recorded,
    /// and `q q` says so on stderr with a non-zero status.
    @Test func aRecordThatFailedMidSessionIsReportedAtTheExit() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("record-loss") { dir in
            let tmux = recordedLabSession(in: dir, stderr: "2>err.txt")
            try FileManager.default.removeItem(atPath: dir + "/rec.txt")
            try FileManager.default.createDirectory(atPath: dir + "/rec.txt", withIntermediateDirectories: false)
            tmux.type("1x1x1x1")
            tmux.send("Enter")
            #expect(tmux.waitFor("answers not recorded").ok, "\(tmux.capture())")
            tmux.send("q")
            tmux.send("q")
            let status = tmux.exitStatus()
            #expect(status != nil && status != 0)
            let err = (try? String(contentsOfFile: dir + "/err.txt", encoding: .utf8)) ?? ""
            #expect(err.contains("convscope: the latest answers were not recorded to rec.txt"), "\(err)")
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(!before.isEmpty && before == after)
        }
    }
}

/// A named pipe where the state file goes: the screen quits at once and says why the parameters
/// were not saved (it waited forever in open for a reader).
@Suite("State file that is a pipe")
struct StatePipeTests {
    @Test func quittingWithAPipeForTheStateFileDoesNotWait() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("state-fifo") { dir in
            try FileManager.default.createDirectory(atPath: dir + "/convscope", withIntermediateDirectories: true)
            #expect(mkfifo(dir + "/convscope/state.json", 0o600) == 0)
            let tmux = TmuxSession(command: "export XDG_STATE_HOME='\(dir)'; env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' 2>&1")
            #expect(tmux.waitFor("output 1×2×6×6").ok, "\(tmux.capture())")
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            #expect(tmux.waitFor("a named pipe is there").ok, "\(tmux.capture())")
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(!before.isEmpty && before == after)
        }
    }
}
