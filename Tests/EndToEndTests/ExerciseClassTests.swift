import Foundation
import Testing

/// A lab for a class: thirty answers files graded into one gradebook, the answer key, and a lab
/// of its own for every student of a roster.
@Suite("Exercise for a class")
struct ExerciseClassTests {
    static let unet = Binary.root + "/examples/unet-sizes.toml"

    /// Thirty students: most answer, two leave the file empty, one file is binary, one answers a question twice.
    static func writeClass(in dir: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var names: [String] = []
        for n in 1...30 {
            let name = String(format: "student-%02d.txt", n)
            let path = dir + "/" + name
            switch n {
            case 7, 19: try Data().write(to: URL(fileURLWithPath: path))
            case 23: try Data([0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]).write(to: URL(fileURLWithPath: path))
            case 29: try "1: 1x16x7x7\n2: 7x7\n1: 1x16x7x7\n".write(toFile: path, atomically: true, encoding: .utf8)
            default:
                // Everyone gets question 1; question 5 only every third student; the rest wrong or skipped.
                let lines = ["1: 1x16x7x7", "2: \(n % 2 == 0 ? "7x7" : "8x8")", "5: \(n % 3 == 0 ? "1x32x14x14" : "1x16x14x14")", "6: no"]
                try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            names.append(name)
        }
        return names
    }

    @Test func thirtyAnswersFilesMakeOneCSVThatNamesEveryFile() throws {
        try withTemporaryDirectory("gradebook") { dir in
            let names = try Self.writeClass(in: dir + "/answers")
            let csv = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Self.unet)' --answers answers --format csv")
            #expect(csv.status == 1, "files that cannot be graded make the status 1")
            let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.count == 31, "a header and one row per file: \(rows)")
            #expect(rows[0] == "file,score,total,error,encoder,odd-size,decoder-meets-skip,decoder-even,skip-channels,mismatch,bottleneck-field,encoder-params")
            for (row, name) in zip(rows.dropFirst(), names) { #expect(row.hasPrefix("answers/" + name + ","), "\(row)") }
            #expect(rows[7] == "answers/student-07.txt,0,8,,skipped,skipped,skipped,skipped,skipped,skipped,skipped,skipped", "an empty file is all skipped")
            #expect(rows[23].hasPrefix("answers/student-23.txt,,8,not UTF-8 text"), "the binary file keeps its row: \(rows[23])")
            #expect(rows[29].contains("question 1 is answered twice (lines 1 and 3)"), "\(rows[29])")
            #expect(rows[6] == "answers/student-06.txt,4,8,,right,right,skipped,skipped,right,right,skipped,skipped", "\(rows[6])")
            #expect(csv.err.contains("student-23.txt: not graded") && csv.err.contains("student-29.txt: not graded"), "\(csv.err)")
            // The same files named one by one give the same CSV.
            let listed = names.map { "answers/" + $0 }.joined(separator: " ")
            let byName = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Self.unet)' --answers \(listed) --format csv")
            #expect(byName.out == csv.out)
            // JSON: the same rows, and per question how many got it right.
            let json = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Self.unet)' --answers answers --format json")
            let book = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
            #expect((book?["students"] as? [Any])?.count == 30)
            let right = (book?["questions"] as? [[String: Any]] ?? []).map { $0["right"] as? Int ?? -1 }
            #expect(right == [26, 15, 0, 0, 10, 26, 0, 0], "\(right)")
            // The table: the question the class missed most is the one to explain next.
            let table = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Self.unet)' --answers answers")
            #expect(table.out.contains("3. decoder-meets-skip (output_padding): 0/28  ← the most missed: explain it next"), "\(table.out)")
            #expect(table.out.contains("2 of 30 files could not be graded"))
            let russian = shell("cd '\(dir)' && '\(Binary.path)' exercise '\(Self.unet)' --answers answers --lang ru")
            #expect(russian.out.contains("← чаще всего ошибались: разберите его"), "\(russian.out)")
        }
    }

    @Test(arguments: ["en", "ru"]) func theKeyHoldsEveryAnswerAndItsWorking(_ lang: String) throws {
        try withTemporaryDirectory("answer-key") { dir in
            let lab = Binary.root + "/examples/unet-sizes\(lang == "ru" ? "-ru" : "").toml"
            let graded = shell("'\(Binary.path)' exercise '\(lab)' --lang \(lang) --answers /dev/null --format json")
            let questions = (try JSONSerialization.jsonObject(with: Data(graded.out.utf8)) as? [String: Any])?["questions"] as? [[String: Any]] ?? []
            #expect(questions.count == 8)
            for format in ["text", "markdown", "html"] {
                let key = shell("'\(Binary.path)' exercise '\(lab)' --lang \(lang) --key --format \(format) -o '\(dir)/key.\(format)'")
                #expect(key.status == 0, "\(key.err)")
                let text = try String(contentsOfFile: dir + "/key.\(format)", encoding: .utf8)
                let written = { (line: String) in format != "html" ? line : line.replacingOccurrences(of: "&", with: "&amp;")
                    .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;") }
                for q in questions {
                    let expected = q["expected"] as? String ?? "?"
                    #expect(text.contains(written(expected)), "\(format): \(expected)")
                    #expect((q["steps"] as? [String] ?? []).allSatisfy { text.contains(written($0)) }, "\(format): \(q)")
                }
            }
            let html = try String(contentsOfFile: dir + "/key.html", encoding: .utf8)
            #expect(html.contains("<html lang=\"\(lang)\">") && html.contains("background: #ffffff"), "printable, light")
            #expect(html.contains(lang == "ru" ? "Ответ:" : "Answer:"))
        }
    }

    @Test func everyStudentOfARosterGetsTheirOwnLabTheSameOnEveryRun() throws {
        try withTemporaryDirectory("variants") { dir in
            let one = shell("'\(Binary.path)' exercise --generate 6 --variant anna")
            let again = shell("'\(Binary.path)' exercise --generate 6 --variant anna")
            let capital = shell("'\(Binary.path)' exercise --generate 6 --variant Anna")
            let other = shell("'\(Binary.path)' exercise --generate 6 --variant boris")
            #expect(one.status == 0 && one.out == again.out && one.out != other.out, "a name is its own variant")
            let questions = { (text: String) in text.components(separatedBy: "[[exercise]]").dropFirst() }
            #expect(questions(capital.out) == questions(one.out), "Anna and anna get the same questions")
            #expect(one.out.contains("--variant anna") && one.out.contains("variant anna:"))
            let numbered = shell("'\(Binary.path)' exercise --generate 6 --variant 3")
            #expect(numbered.out.contains("title = \"Generated lab, variant 3: "))
            try "# group 2\nanna\nboris\n\n12\nМария Иванова\n".write(toFile: dir + "/roster.txt", atomically: true, encoding: .utf8)
            let made = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 5 --variants roster.txt -o labs")
            #expect(made.status == 0, "\(made.err)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/labs").sorted()
            #expect(files == ["12-key.txt", "12.toml", "anna-key.txt", "anna.toml", "boris-key.txt", "boris.toml",
                              "Мария_Иванова-key.txt", "Мария_Иванова.toml"], "\(files)")
            let anna = try String(contentsOfFile: dir + "/labs/anna.toml", encoding: .utf8)
            #expect(anna == shell("'\(Binary.path)' exercise --generate 5 --variant anna").out, "the roster's lab is --variant's")
            // The key's answers are the grader's.
            let key = try String(contentsOfFile: dir + "/labs/boris-key.txt", encoding: .utf8)
            let graded = shell("'\(Binary.path)' exercise '\(dir)/labs/boris.toml' --answers /dev/null --format json")
            for q in (try JSONSerialization.jsonObject(with: Data(graded.out.utf8)) as? [String: Any])?["questions"] as? [[String: Any]] ?? [] {
                #expect(key.contains("Answer: \(q["expected"] as? String ?? "?")"))
            }
            try "anna\nAnna\n".write(toFile: dir + "/twice.txt", atomically: true, encoding: .utf8)
            let twice = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 5 --variants twice.txt -o other")
            #expect(twice.status != 0 && twice.err.contains("line 2 names Anna again (line 1)"), "\(twice.err)")
        }
    }
}
