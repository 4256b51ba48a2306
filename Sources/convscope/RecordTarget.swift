import ArgumentParser
import ConvExercises
import Foundation

/// Where `exercise --record` may write: never over the lab itself or the answers being graded,
/// and over an existing file only when it is an answers file (a student reopening a lab) or with
/// --force — a mistyped name must not cost anyone their lab.
enum RecordTarget {
    /// Throws a one-line usage error when `record` must not be written.
    static func check(_ record: String, lab: String, answers: String?, force: Bool) throws {
        for (flag, other) in [("the lab FILE", lab), ("--answers", answers)] {
            if let other, sameFile(record, other) {
                throw ValidationError("--record \(displayed(record)) is \(flag) itself; record the answers to another file.")
            }
        }
        // Only an existing regular file is at stake; SafeFileWriter refuses directories and devices itself.
        var info = stat()
        guard !force, stat(record, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        if let handle = FileHandle(forReadingAtPath: record),
           let head = try? handle.read(upToCount: AnswerSheet.header.utf8.count),
           String(decoding: head, as: UTF8.self) == AnswerSheet.header {
            return
        }
        throw ValidationError("--record \(displayed(record)) already exists and is not an answers file; "
            + "use --force to replace it, or record to another file.")
    }

    /// True when both paths name one existing file (the same device and inode, links included).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }
}
