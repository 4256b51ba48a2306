import Foundation
import Testing

/// The language on the command line and from the locale: Russian in tmux with LANG=ru_RU.UTF-8
/// (even where that locale is not installed), --lang en back to English, the POSIX order of the
/// locale variables, and a bad --lang.
@Suite("Language", .serialized)
struct LanguageTests {
    static func start(_ environment: String, _ flags: String = "") -> TmuxSession {
        TmuxSession(columns: 80, rows: 24, command: "env -u NO_COLOR -u LC_ALL -u LC_MESSAGES TERM=tmux-256color \(environment) "
                    + "\(Binary.path) --fresh \(flags)")
    }

    @Test func russianLocaleGivesTheRussianScreenAndHelp() {
        guard requireTmux() else { return }
        let tmux = Self.start("LANG=ru_RU.UTF-8")
        let (ok, screen) = tmux.waitFor { $0.contains("выход 1×2×6×6") && $0.contains("? справка · q выход") }
        #expect(ok, "the Russian screen, with Unicode glyphs\n\(screen)")
        #expect(screen.contains("ядро 2×3×3×3 · все единицы · без смещения"))
        tmux.send("?")
        #expect(tmux.waitFor("выбрать предыдущий параметр").ok)
        tmux.send("q")
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// The exercise screen reads the settings file's language as the course screen does.
    @Test func theExerciseScreenFollowsTheSettingsFilesLanguage() throws {
        guard requireTmux() else { return }
        try withTemporaryDirectory("exercise-lang") { dir in
            try FileManager.default.createDirectory(atPath: dir + "/convscope", withIntermediateDirectories: true)
            try "lang = \"ru\"\n".write(toFile: dir + "/convscope/config.toml", atomically: true, encoding: .utf8)
            let tmux = TmuxSession(columns: 100, rows: 30, command: "env -u NO_COLOR -u LC_ALL -u LC_MESSAGES TERM=tmux-256color "
                + "LANG=C.UTF-8 XDG_CONFIG_HOME='\(dir)' \(Binary.path) exercise '\(Binary.root)/examples/single-layer-shapes.toml'")
            let (ok, screen) = tmux.waitFor { $0.contains("вопрос 1 из 11") }
            #expect(ok, "\(screen)")
            tmux.send("Escape"); tmux.send("q"); tmux.send("q")
            #expect(tmux.exitStatus() == 0)
        }
    }

    @Test func langEnOverridesTheLocale() {
        guard requireTmux() else { return }
        let tmux = Self.start("LANG=ru_RU.UTF-8", "--lang en")
        let (ok, screen) = tmux.waitFor { $0.contains("output 1×2×6×6") && $0.contains("? help · q quit") }
        #expect(ok, "\(screen)")
        #expect(!screen.contains("выход"))
        tmux.send("q")
        #expect(tmux.exitStatus() == 0)
    }

    /// LC_ALL, then LC_MESSAGES, then LANG: the first set and not empty wins.
    @Test(arguments: [
        ("LC_ALL=C.UTF-8 LANG=ru_RU.UTF-8", "output 1×2×6×6"),
        ("LC_ALL= LC_MESSAGES=ru_RU.UTF-8 LANG=en_US.UTF-8", "выход 1×2×6×6"),
        ("LC_MESSAGES=en_GB.UTF-8 LANG=ru_RU.UTF-8", "output 1×2×6×6"),
        ("LANG=ru_RU.UTF-8", "выход 1×2×6×6"),
        ("LANG=C", "output 1×2×6×6"),
    ])
    func renderTakesTheLocale(environment: String, expected: String) {
        let result = shell("env -u LC_ALL -u LC_MESSAGES -u LANG \(environment) \(Binary.path) render --format text --size 80x24")
        #expect(result.status == 0)
        #expect(result.out.contains(expected), "\(environment)\n\(result.out)")
    }

    @Test func badLanguageIsOneLineWithTheAllowedValues() {
        let result = shell("\(Binary.path) render --lang xx --format text")
        #expect(result.status == 64)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("--lang xx") && lines[0].contains("allowed: en, ru"), "\(result.err)")
        #expect(result.out.isEmpty)
    }
}
