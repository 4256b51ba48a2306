import ConvExercises
import Foundation
import Testing
@testable import ConvScopeRuntime

/// `--record` appends each answer's line to the file it wrote whole, so Enter does not rewrite a
/// 40,000-question file; the file read back as `--answers` holds every answer after every write,
/// and a file changed under the session is written whole again, never appended to blindly.
@Suite("The record file")
struct AnswerRecordFileTests {
    static func withFile(_ body: (String, AnswerRecordFile, () -> Int) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "record-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/rec.txt"
        var wholeWrites = 0
        let file = AnswerRecordFile(path: path) { text in
            wholeWrites += 1
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic); return nil } catch { return "\(error)" }
        }
        try body(path, file, { wholeWrites })
    }

    static func read(_ path: String) throws -> AnswerSheet {
        try AnswerSheet.parse(String(contentsOfFile: path, encoding: .utf8), questionCount: 40_000)
    }

    @Test func answersAreAppendedAndReadBackAfterEveryWrite() throws {
        try Self.withFile { path, file, wholeWrites in
            var sheet = AnswerSheet()
            #expect(file.start(sheet.text(title: "lab", questionCount: 40_000)) == nil)
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            for (number, answer) in [(1, "1x2x6x6"), (39_999, "7"), (1, "1x2x5x5"), (2, "-")] {
                sheet.record(answer, for: number)
                #expect(file.record(AnswerRecord(number: number, sheet: sheet, title: "lab", questionCount: 40_000)) == nil)
                #expect(try Self.read(path) == sheet, "after question \(number)")
            }
            #expect(wholeWrites() == 1, "one whole write, at the start")
            let grown = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            #expect(grown - size == "1: 1x2x6x6\n39999: 7\n1: 1x2x5x5\n2: -\n".utf8.count)
        }
    }

    @Test func aFileChangedUnderTheSessionIsWrittenWholeAgain() throws {
        try Self.withFile { path, file, wholeWrites in
            var sheet = AnswerSheet()
            #expect(file.start(sheet.text(title: "lab", questionCount: 3)) == nil)
            // Truncated by someone else, then replaced by a link: neither is appended to.
            try Data("# Answers for: lab\n".utf8).write(to: URL(fileURLWithPath: path))
            sheet.record("4", for: 2)
            #expect(file.record(AnswerRecord(number: 2, sheet: sheet, title: "lab", questionCount: 3)) == nil)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == sheet.text(title: "lab", questionCount: 3))
            let target = path + ".target"
            try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            sheet.record("5", for: 3)
            #expect(file.record(AnswerRecord(number: 3, sheet: sheet, title: "lab", questionCount: 3)) == nil)
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep", "the link's target is not written")
            #expect(wholeWrites() == 3)
        }
    }

    /// At a normal end the file is written whole once: each question's last answer on its line,
    /// nothing below the marker. Until then (and if the process dies first) the appended lines hold every answer.
    @Test func theFileIsTidiedOnceAtTheEnd() throws {
        try Self.withFile { path, file, wholeWrites in
            var sheet = AnswerSheet()
            #expect(file.start(sheet.text(title: "lab", questionCount: 5)) == nil)
            #expect(file.finish() == nil && wholeWrites() == 1, "nothing appended, nothing rewritten")
            for (number, answer) in [(1, "3"), (2, "4"), (1, "5"), (4, "6"), (4, "-")] {
                sheet.record(answer, for: number)
                #expect(file.record(AnswerRecord(number: number, sheet: sheet, title: "lab", questionCount: 5)) == nil)
            }
            let appended = try String(contentsOfFile: path, encoding: .utf8)
            #expect(appended.hasSuffix("\n1: 3\n2: 4\n1: 5\n4: 6\n4: -\n") && wholeWrites() == 1)
            #expect(try Self.read(path) == sheet)
            #expect(file.finish() == nil)
            let tidy = try String(contentsOfFile: path, encoding: .utf8)
            #expect(tidy == sheet.text(title: "lab", questionCount: 5) && wholeWrites() == 2)
            #expect(tidy.split(separator: "\n").filter { $0.hasPrefix("1: ") } == ["1: 5"])
            #expect(try Self.read(path) == sheet)
            #expect(file.finish() == nil && wholeWrites() == 2, "tidied once")
        }
    }

    /// A whole write that fails at the end leaves the appended file as it was, every answer in it.
    @Test func aFailedTidyKeepsTheAppendedFile() throws {
        let dir = NSTemporaryDirectory() + "record-tidy-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/rec.txt"
        var failing = false
        let file = AnswerRecordFile(path: path) { text in
            if failing { return "disk full" }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic); return nil } catch { return "\(error)" }
        }
        var sheet = AnswerSheet()
        #expect(file.start(sheet.text(title: "lab", questionCount: 3)) == nil)
        sheet.record("7", for: 2)
        #expect(file.record(AnswerRecord(number: 2, sheet: sheet, title: "lab", questionCount: 3)) == nil)
        let appended = try String(contentsOfFile: path, encoding: .utf8)
        failing = true
        #expect(file.finish() == "disk full" && file.failure == nil, "the answers are all in the file: none lost")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == appended)
        #expect(try Self.read(path) == sheet)
    }

    /// Below the marker a later line replaces an earlier one; a hand-written file still may not answer twice.
    @Test func onlyARecordingMayAnswerAQuestionTwice() {
        #expect(throws: ExerciseFileError.self) { try AnswerSheet.parse("1: 2\n1: 3\n", questionCount: 2) }
        let sheet = try? AnswerSheet.parse("1: 2\n2: -\n\(AnswerSheet.laterAnswersMarker)\n1: 3\n2: 4\n", questionCount: 2)
        #expect(sheet?.answers == [1: "3", 2: "4"])
    }
}
