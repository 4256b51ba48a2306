import Foundation
import Testing

/// `convscope exercise` as a teacher runs it: grading exits 0 whatever the score, a bad file is one
/// line naming its line with status 64, --record writes the answers and leaves no temporary file,
/// and a generated lab graded with its own answers scores full.
@Suite("Exercise command")
struct ExerciseCommandTests {
    /// The shipped single-layer lab: 11 questions, the first two about shapes, the fourth about 'same'.
    static let lab = Binary.root + "/examples/single-layer-shapes.toml"

    @Test func gradingPrintsEachQuestionAndTheScoreAndRecordsTheAnswers() throws {
        try withTemporaryDirectory("exercise") { dir in
            try FileManager.default.copyItem(atPath: Self.lab, toPath: dir + "/lab.toml")
            try "# mine\n1×2×6×6\n4: 1\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
            let r = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record rec.txt")
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("1. [defaults] RIGHT"))
            #expect(r.out.contains("2. [stride-2] SKIPPED"))
            #expect(r.out.contains("4. [same] WRONG"))
            #expect(r.out.contains("H_out = ⌊(16 + 2·2 − 1·(5−1) − 1) / 1⌋ + 1 = 16"))
            #expect(r.out.hasSuffix("Score: 1/11\n"))
            let recorded = try String(contentsOfFile: dir + "/rec.txt", encoding: .utf8)
            #expect(recorded.contains("\n1: 1×2×6×6\n2: -\n3: -\n4: 1\n5: -\n"))
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(files == ["a.txt", "lab.toml", "rec.txt"], "no temporary file left")
            let again = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers rec.txt --format json")
            #expect(again.status == 0 && again.out.contains("\"score\" : 1,"))
        }
    }

    /// --record never costs a file: not the lab, not the answers graded, not another file that is
    /// not an answers file (unless --force); an answers file it wrote before is replaced.
    @Test func recordRefusesToOverwriteWhatIsNotAnAnswersFile() throws {
        try withTemporaryDirectory("exercise-record") { dir in
            try FileManager.default.copyItem(atPath: Self.lab, toPath: dir + "/lab.toml")
            let labText = try String(contentsOfFile: dir + "/lab.toml", encoding: .utf8)
            try "1×2×6×6\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
            try "my notes\n".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
            // Files that begin with # as an answers file does, and are not one: a lab with a comment,
            // a shell script, and a line that only nearly is the answers file's first line.
            let hashed = ["other.toml": "# the second lab\n" + labText, "run.sh": "#!/bin/sh\necho graded\n",
                          "near.txt": "# Answers for the other group\n1x8x4x4\n"]
            for (name, text) in hashed { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
            let notAnswers = (["notes.txt"] + hashed.keys.sorted()).map {
                ($0, "--record \($0) already exists and is not an answers file; use --force")
            }
            for (target, said) in [("lab.toml", "--record lab.toml is the lab FILE itself"),
                                   ("./lab.toml", "--record ./lab.toml is the lab FILE itself"),
                                   ("a.txt", "--record a.txt is --answers itself")] + notAnswers {
                let r = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record \(target)")
                #expect(r.status == 64, "\(target): \(r.err)")
                #expect(r.err.contains(said) && r.err.split(separator: "\n").count == 1, "\(r.err)")
            }
            #expect(try String(contentsOfFile: dir + "/lab.toml", encoding: .utf8) == labText, "the lab is untouched")
            #expect(try String(contentsOfFile: dir + "/notes.txt", encoding: .utf8) == "my notes\n")
            for (name, text) in hashed {
                #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == text, "\(name) is untouched")
            }
            let first = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record rec.txt")
            let again = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record rec.txt")
            #expect(first.status == 0 && again.status == 0, "an answers file is replaced: \(again.err)")
            let forced = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record notes.txt --force")
            #expect(forced.status == 0, "\(forced.err)")
            #expect(try String(contentsOfFile: dir + "/notes.txt", encoding: .utf8).hasPrefix("# Answers for: "))
        }
    }

    @Test func aBadFileIsOneLineWithItsLineAndStatus64() throws {
        try withTemporaryDirectory("exercise-bad") { dir in
            let text = try String(contentsOfFile: Self.lab, encoding: .utf8) + "kernal = 3\n"
            try text.write(toFile: dir + "/lab.toml", atomically: true, encoding: .utf8)
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            let r = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers /dev/null")
            #expect(r.status == 64)
            #expect(r.out.isEmpty)
            #expect(r.err.hasPrefix("convscope: lab.toml: line \(line): exercise 11: unknown key 'kernal'"), "\(r.err)")
            #expect(r.err.split(separator: "\n").count == 1)
        }
    }

    @Test func aGeneratedLabGradesFullWithItsOwnAnswers() throws {
        try withTemporaryDirectory("exercise-generate") { dir in
            let make = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 10 --kinds shape,padding,value,rf --variant 4 -o lab.toml")
            #expect(make.status == 0, "\(make.err)")
            let same = shell("'\(Binary.path)' exercise --generate 10 --kinds shape,padding,value,rf --variant 4")
            #expect(same.out == (try? String(contentsOfFile: dir + "/lab.toml", encoding: .utf8)), "the same variant gives the same file")
            let json = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers /dev/null --format json")
            let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
            let expected = (report?["questions"] as? [[String: Any]] ?? []).map { "\($0["number"]!): \($0["expected"]!)" }
            #expect(expected.count == 10)
            try expected.joined(separator: "\n").write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
            let graded = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt")
            #expect(graded.out.hasSuffix("Score: 10/10\n"), "\(graded.out)")
            #expect(!shell("'\(Binary.path)' exercise --help").out.lowercased().contains("seed"))
        }
    }
}
