import Foundation
import Testing

/// `--record` appends each answer as it is given and tidies the file once when the session ends:
/// a normal end leaves one line per question (its last answer), a killed session leaves the
/// appended lines, which still hold every answer.
@Suite("Record file at the end", .serialized)
struct RecordTidyTests {
    /// Question 1 answered twice (both wrong, so the screen stays on it), then how the session ends.
    static func answerTwice(_ how: String) throws -> (recorded: String, status: Int32?, dir: String) {
        var result: (String, Int32?, String) = ("", nil, "")
        try withTemporaryDirectory("record-tidy") { dir in
            let tmux = recordedLabSession(in: dir)
            tmux.type("9999x1x1x1")
            tmux.send("Enter")
            #expect(tmux.waitFor("Not right.").ok, "\(tmux.capture())")
            tmux.send("r")
            tmux.type("8888x1x1x1")
            tmux.send("Enter")
            // Both answers are in the file as they are given: appended below the marker.
            let path = dir + "/rec.txt"
            let deadline = Date().addingTimeInterval(TmuxSession.patience)
            var appended = ""
            while Date() < deadline {
                appended = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                if appended.contains("1: 8888x1x1x1") { break }
                usleep(50_000)
            }
            #expect(appended.contains("\n1: 9999x1x1x1\n") && appended.hasSuffix("\n1: 8888x1x1x1\n"), "\(appended)")
            var status: Int32?
            if how == "SIGKILL" {
                guard let pid = tmux.programPID else { Issue.record("convscope's pid not found"); return }
                kill(pid, SIGKILL)
                status = tmux.exitStatus()
            } else {
                tmux.send("q")
                tmux.send("q")
                status = tmux.exitStatus()
            }
            let recorded = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let graded = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers rec.txt --format json")
            let report = try JSONSerialization.jsonObject(with: Data(graded.out.utf8)) as? [String: Any]
            let answers = (report?["questions"] as? [[String: Any]] ?? []).map { $0["answer"] as? String ?? "" }
            #expect(answers.first == "8888x1x1x1", "the last answer is the one graded: \(graded.out) \(graded.err)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(files == ["lab.toml", "rec.txt"], "no temporary file left")
            result = (recorded, status, dir)
        }
        return result
    }

    @Test func aSessionThatEndsIsLeftWithOneLinePerQuestion() throws {
        guard requireTmux() else { return }
        let (recorded, status, _) = try Self.answerTwice("q q")
        #expect(status == 0)
        let lines = recorded.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("1: ") } == ["1: 8888x1x1x1"], "\(recorded)")
        #expect(lines.filter { $0.hasPrefix("2: ") } == ["2: -"] && lines.filter { $0.hasPrefix("3: ") } == ["3: -"])
        #expect(recorded.hasSuffix("# Answers given since, each replacing that question's line above:\n"), "nothing below the marker")
    }

    @Test func aKilledSessionKeepsEveryAnswer() throws {
        guard requireTmux() else { return }
        let (recorded, status, _) = try Self.answerTwice("SIGKILL")
        #expect(status == 137)
        #expect(recorded.hasSuffix("\n1: 9999x1x1x1\n1: 8888x1x1x1\n"), "\(recorded)")
    }
}

/// A generated lab of three shape questions on the exercise screen with `--record rec.txt` (and
/// the command's stderr sent where `stderr` says), once its first question shows.
func recordedLabSession(in dir: String, stderr: String = "") -> TmuxSession {
    let make = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 3 --kinds shape --variant 2 -o lab.toml")
    #expect(make.status == 0, "\(make.err)")
    let tmux = TmuxSession(columns: 100, rows: 30,
                           command: "cd '\(dir)' && TERM=xterm-256color '\(Binary.path)' exercise lab.toml --record rec.txt \(stderr)")
    #expect(tmux.waitFor("question 1 of 3").ok, "\(tmux.capture())")
    return tmux
}
