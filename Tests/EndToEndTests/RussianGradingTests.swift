import Foundation
import Testing

/// `convscope exercise FILE --answers` prints its labels in the language: --lang, else the locale.
@Suite("Graded report in Russian")
struct RussianGradingTests {
    @Test(arguments: ["env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 '\(Binary.path)' exercise lab.toml --answers a.txt --lang ru",
                      "env -u LC_ALL -u LC_MESSAGES LANG=ru_RU.UTF-8 '\(Binary.path)' exercise lab.toml --answers a.txt"])
    func theLabelsFollowTheLanguage(_ command: String) throws {
        try withTemporaryDirectory("exercise-ru") { dir in
            try FileManager.default.copyItem(atPath: ExerciseCommandTests.lab, toPath: dir + "/lab.toml")
            try "1×2×6×6\n4: 1\n5: banana\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
            let r = shell("cd '\(dir)' && \(command)")
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("1. [defaults] ВЕРНО: "), "\(r.out)")
            #expect(r.out.contains("2. [stride-2] ПРОПУЩЕН: "))
            #expect(r.out.contains("4. [same] НЕВЕРНО: "))
            #expect(r.out.contains("5. [") && r.out.contains("НЕ ПРОЧИТАН: "))
            #expect(r.out.contains("\n   ответ:     1×2×6×6\n   правильно: "))
            #expect(r.out.contains("\n   ответ:     (нет ответа)\n"))
            #expect(r.out.contains("\n   подсказка: введите "))
            #expect(r.out.hasSuffix("Итог: 1 из 11\n"))
            for english in ["RIGHT", "WRONG", "SKIPPED", "answer:", "expected:", "hint:", "Score:", "(no answer)"] {
                #expect(!r.out.contains(english), "\(english) in\n\(r.out)")
            }
        }
    }
}
