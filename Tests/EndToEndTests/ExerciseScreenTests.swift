import Foundation
import Testing

/// `convscope exercise FILE` on a real terminal (tmux), as a student and a teacher use it.
@Suite("Exercise screen", .serialized)
struct ExerciseScreenTests {
    /// Done when: a generated 10-question lab answered half right and half wrong shows the right
    /// score, hints and reveals; the recorded answers, graded headlessly, give the same score.
    @Test func aGeneratedLabAnsweredHalfRightScoresTheSameOnScreenAndGraded() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("exercise-screen") { dir in
            let make = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 10 --kinds shape,padding,value,rf --variant 7 -o lab.toml")
            #expect(make.status == 0, "\(make.err)")
            // The expected answers come from the headless grader on an empty sheet.
            let empty = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers /dev/null --format json")
            let report = try JSONSerialization.jsonObject(with: Data(empty.out.utf8)) as? [String: Any]
            let expected = (report?["questions"] as? [[String: Any]] ?? []).compactMap { $0["expected"] as? String }
            try #require(expected.count == 10)

            let tmux = TmuxSession(columns: 100, rows: 30, command: "cd '\(dir)' && TERM=xterm-256color '\(Binary.path)' exercise lab.toml --record rec.txt")
            #expect(tmux.waitFor("1/10 · score 0/10").ok, "\(tmux.capture())")
            var right = 0
            for (index, answer) in expected.enumerated() {
                let number = index + 1
                #expect(tmux.waitFor("question \(number) of 10").ok, "\(tmux.capture())")
                if number % 2 == 1 {
                    // Odd questions right (typed with × on the first, x elsewhere).
                    tmux.type(number == 1 ? answer : answer.replacingOccurrences(of: "×", with: "x"))
                    tmux.send("Enter")
                    right += 1
                    let screen = tmux.waitFor("Right! \(answer)")
                    #expect(screen.ok, "question \(number): \(screen.screen)")
                    #expect(screen.screen.contains("\(number)/10 · score \(right)/10"))
                } else {
                    // Even questions wrong twice: the formula, then its numbers; then the reveal on request.
                    let wrong = Self.wrongAnswer(for: answer)
                    tmux.type(wrong)
                    tmux.send("Enter")
                    let first = tmux.waitFor("Hint: ")
                    #expect(first.ok && first.screen.contains("Not right.") && first.screen.contains("your answer: \(wrong)"),
                            "question \(number): \(first.screen)")
                    #expect(!first.screen.contains("Answer:") && !first.screen.contains("Working:"),
                            "question \(number): the answer stays hidden")
                    // r opens an empty answer line under the last answer: the second try is typed anew.
                    tmux.send("r")
                    tmux.type(wrong)
                    tmux.send("Enter")
                    let second = tmux.waitFor("Hint: the formula with this layer's numbers")
                    #expect(second.ok, "question \(number): \(second.screen)")
                    tmux.send("v")
                    let reveal = tmux.waitFor("Answer: \(answer)")
                    #expect(reveal.ok && reveal.screen.contains("Working:"), "question \(number): \(reveal.screen)")
                    #expect(reveal.screen.contains("\(number)/10 · score \(right)/10"))
                }
                if number < 10 { tmux.send(">") }
            }
            #expect(tmux.waitFor("10/10 · score 5/10").ok)
            // Every question answered: q quits at once.
            tmux.send("q")
            #expect(tmux.exitStatus() == 0)
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(!before.isEmpty && before == after, "the terminal is restored")

            let recorded = try String(contentsOfFile: dir + "/rec.txt", encoding: .utf8)
            #expect(recorded.hasPrefix("# Answers for: "))
            let graded = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers rec.txt --format json")
            let regraded = try JSONSerialization.jsonObject(with: Data(graded.out.utf8)) as? [String: Any]
            #expect(regraded?["score"] as? Int == 5)
            let results = (regraded?["questions"] as? [[String: Any]] ?? []).compactMap { $0["result"] as? String }
            #expect(results == (1...10).map { $0 % 2 == 1 ? "right" : "wrong" })
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(files == ["lab.toml", "rec.txt"], "no temporary file left")
        }
    }

    /// Without a terminal the file's questions are printed; --record then has nothing to keep.
    /// On a terminal, a record file that cannot be written is one line before the screen starts.
    @Test func pipedTheQuestionsArePrintedAndABadRecordPathStopsBeforeTheScreen() throws {
        let lab = Binary.root + "/examples/unet-sizes-ru.toml"
        let printed = shell("'\(Binary.path)' exercise '\(lab)' < /dev/null")
        #expect(printed.status == 0 && printed.out.hasPrefix("Размеры маленькой U-Net\n\n1. [encoder] Кодировщик"), "\(printed)")
        let piped = shell("'\(Binary.path)' exercise '\(lab)' --record /tmp/never-written.txt < /dev/null")
        #expect(piped.status == 64 && piped.err.contains("--record keeps the answers of --answers"), "\(piped.err)")
        guard requireTmux() else { return }
        let tmux = TmuxSession(command: "TERM=xterm-256color '\(Binary.path)' exercise '\(lab)' --record /nonexistent/dir/rec.txt")
        #expect(tmux.exitStatus() == 1)
        let screen = tmux.capture()
        #expect(screen.contains("convscope: ") && screen.contains("/nonexistent/dir/rec.txt"), "\(screen)")
        #expect(!screen.contains("вопрос 1 из 8"), "the screen never started")
        let (before, after) = tmux.sttyBeforeAndAfter
        #expect(!before.isEmpty && before == after)
    }

    /// An answer of the same form that cannot be right: its last number replaced by 9999.
    static func wrongAnswer(for answer: String) -> String {
        let plain = answer.replacingOccurrences(of: "×", with: "x")
        guard let digits = plain.range(of: "[0-9]+", options: [.regularExpression, .backwards]) else { return "9999" }
        return plain.replacingCharacters(in: digits, with: "9999")
    }

    /// Ten kinds of mistake in an exercise file, opened for the screen: each is one line with its
    /// line number and status 64 before the screen starts, and the terminal is left as it was.
    @Test func malformedFilesAreOneLineEachAndLeaveTheTerminalAlone() throws {
        guard requireTmux() else { return }
        let good = "title = \"Lab\"\n\n[[exercise]]\nlayer = \"Conv2d(3, 8, 3)\"\ninput = [1, 3, 8, 8]\nask = \"shape\"\n"
        let cases: [(text: String, line: Int?, phrase: String)] = [
            ("title = \"Lab\"\n\n[[exercise]]\nlayer = \"Conv2d(3, 8, 3)\ninput = [1, 3, 8, 8]\n", 4, "not valid TOML"),
            (good + "kernal = 3\n", 7, "unknown key 'kernal'"),
            (good.replacingOccurrences(of: "ask = \"shape\"", with: "ask = \"area\""), 6, "ask 'area' is not a question kind"),
            (good.replacingOccurrences(of: "Conv2d(3, 8, 3)", with: "LSTM(3, 8)"), 4, "LSTM"),
            (good.replacingOccurrences(of: "ask = \"shape\"", with: ""), 3, "needs ask"),
            (good.replacingOccurrences(of: "ask = \"shape\"", with: "ask = \"value\"\ncell = [0, 6, 0]"), 7, "outside the output"),
            (good + "expect = \"1x8x8x8\"\n", 7, "expect says 1x8x8x8"),
            ("  \n\n", nil, "the file is empty"),
            (good.replacingOccurrences(of: "input = [1, 3, 8, 8]", with: "input = \"1x3x8x8\""), 5, "input must be a list"),
            (good + "at = 3\n", 7, "at = 3 names no layer"),
        ]
        try withTemporaryDirectory("exercise-bad-screen") { dir in
            for (index, bad) in cases.enumerated() {
                try bad.text.write(toFile: "\(dir)/bad\(index).toml", atomically: true, encoding: .utf8)
            }
            let loop = (0..<cases.count).map { "'\(Binary.path)' exercise bad\($0).toml; echo \"status $?\"" }.joined(separator: "; ")
            let tmux = TmuxSession(columns: 200, rows: 40, command: "cd '\(dir)' && TERM=xterm-256color sh -c '\(loop.replacingOccurrences(of: "'", with: "'\\''"))'")
            // Ten starts of the binary on a loaded machine take a while.
            #expect(tmux.exitStatus(timeout: 90) == 0)
            // -J joins a message tmux wrapped back into its one line.
            let screen = shell("\(TestArea.tmux) capture-pane -p -J -t \(tmux.name)").out
            let lines = screen.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("EXIT=") }
            try #require(lines.count == 2 * cases.count, "\(lines)")
            for (index, bad) in cases.enumerated() {
                let message = lines[2 * index]
                let where_ = bad.line.map { "line \($0): " } ?? ""
                #expect(message.hasPrefix("convscope: bad\(index).toml: \(where_)") && message.contains(bad.phrase), "\(message)")
                #expect(lines[2 * index + 1] == "status 64")
            }
            let (before, after) = tmux.sttyBeforeAndAfter
            #expect(!before.isEmpty && before == after, "the terminal is left as it was")
        }
    }
}
