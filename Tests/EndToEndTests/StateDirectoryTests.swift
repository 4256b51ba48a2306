import Foundation
import Testing

/// A state folder that cannot be made is one plain sentence when convscope saves on quitting.
@Suite("State directory")
struct StateDirectoryTests {
    @Test func aFileWhereTheStateFolderGoesIsNamed() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("state-file") { dir in
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: dir + "/convscope"))
            let tmux = TmuxSession(command: "export XDG_STATE_HOME='\(dir)'; env -u NO_COLOR TERM=tmux-256color '\(Binary.path)' --fresh 2>&1")
            #expect(tmux.waitFor("output 1×2×6×6").ok)
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            let screen = tmux.waitFor("could not save").screen
            let message = screen.split(separator: "\n").map(String.init)
                .drop { !$0.hasPrefix("convscope: could not save") }.prefix { !$0.hasPrefix("EXIT=") }.joined()
            #expect(message == "convscope: could not save the parameters to \(dir)/convscope/state.json: \(dir)/convscope is not a directory",
                    "\(screen)")
            #expect(!screen.contains("Error Domain") && !screen.contains("NSError"))
        }
    }
}
