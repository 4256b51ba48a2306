import Foundation
import Testing

/// `convscope exercise` as a teacher runs it: grading exits 0 whatever the score, a bad file is one
/// line naming its line with status 64, --record writes the answers and leaves no temporary file,
/// and a generated lab graded with its own answers scores full.
@Suite("Exercise command")
struct ExerciseCommandTests {
    static let lab = """
        title = "Two"
        [[exercise]]
        layer = "Conv2d(3, 8, 3, stride=2, padding=1)"
        input = [1, 3, 8, 8]
        ask = "shape"
        [[exercise]]
        layer = "Conv2d(3, 8, 5)"
        input = [1, 3, 16, 16]
        ask = "padding"
        """

    @Test func gradingPrintsEachQuestionAndTheScoreAndRecordsTheAnswers() throws {
        try withTemporaryDirectory("exercise") { dir in
            try Self.lab.write(toFile: dir + "/lab.toml", atomically: true, encoding: .utf8)
            try "# mine\n1×8×4×4\n2: 1\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
            let r = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers a.txt --record rec.txt")
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("1. [q1] RIGHT"))
            #expect(r.out.contains("2. [q2] WRONG"))
            #expect(r.out.contains("H_out = ⌊(16 + 2·2 − 1·(5−1) − 1) / 1⌋ + 1 = 16"))
            #expect(r.out.hasSuffix("Score: 1/2\n"))
            let recorded = try String(contentsOfFile: dir + "/rec.txt", encoding: .utf8)
            #expect(recorded.hasSuffix("1: 1×8×4×4\n2: 1\n"))
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(files == ["a.txt", "lab.toml", "rec.txt"], "no temporary file left")
            let again = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers rec.txt --format json")
            #expect(again.status == 0 && again.out.contains("\"score\" : 1"))
        }
    }

    @Test func aBadFileIsOneLineWithItsLineAndStatus64() throws {
        try withTemporaryDirectory("exercise-bad") { dir in
            try (Self.lab + "\nkernal = 3\n").write(toFile: dir + "/lab.toml", atomically: true, encoding: .utf8)
            let r = shell("cd '\(dir)' && '\(Binary.path)' exercise lab.toml --answers /dev/null")
            #expect(r.status == 64)
            #expect(r.out.isEmpty)
            #expect(r.err.hasPrefix("convscope: lab.toml: line 10: exercise 2: unknown key 'kernal'"))
            #expect(r.err.split(separator: "\n").count == 1)
        }
    }

    @Test func aGeneratedLabGradesFullWithItsOwnAnswers() throws {
        try withTemporaryDirectory("exercise-generate") { dir in
            let make = shell("cd '\(dir)' && '\(Binary.path)' exercise --generate 10 --kinds shape,padding,value,rf --variant 4 -o lab.toml")
            #expect(make.status == 0, "\(make.err)")
            let same = shell("'\(Binary.path)' exercise --generate 10 --kinds shape,padding,value,rf --seed 4")
            #expect(same.out == (try? String(contentsOfFile: dir + "/lab.toml", encoding: .utf8)), "--seed is --variant")
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
