import ConvScopeApp
import Foundation
import Testing
@testable import convscope

/// config.toml: every key, flags winning, and one line per problem with the rest still used.
@Suite("Settings file")
struct SettingsFileTests {
    @Test func everyKeyIsRead() {
        let text = """
            # comment
            theme = "light"
            cmap = "cividis"
            lang = "ru"
            mouse = false
            animation_speed = 16
            """
        let (settings, warnings) = SettingsFile.parse(text, file: "config.toml")
        #expect(warnings.isEmpty)
        #expect(settings == Settings(theme: .light, colormap: .cividis, language: .ru, mouse: false, animationSpeed: 16))
        var state = AppState()
        settings.apply(to: &state)
        #expect(state.theme == .light && state.environment.colormap == .cividis && state.environment.language == .ru)
        #expect(!state.mouseEnabled && AppState.speeds[state.speedIndex] == 16)
    }

    @Test func anEmptyOrMissingFileChangesNothing() throws {
        #expect(SettingsFile.parse("", file: "f") == (Settings(), []))
        let missing = SettingsFile(path: NSTemporaryDirectory() + "convscope-no-such-\(getpid())/config.toml").load()
        #expect(missing.settings == Settings() && missing.warnings.isEmpty)
        var state = AppState()
        Settings().apply(to: &state)
        #expect(state == AppState())
    }

    @Test func badKeysAndValuesAreOneLineEachAndTheRestCounts() {
        let text = """
            cmap = "jet"
            theme = "light"
            colour = 1
            mouse = "yes"
            animation_speed = 5
            [window]
            width = 3
            """
        let (settings, warnings) = SettingsFile.parse(text, file: "~/.config/convscope/config.toml")
        #expect(settings == Settings(theme: .light))
        #expect(warnings == [
            #"convscope: ~/.config/convscope/config.toml line 1: cmap = "jet" is not allowed (allowed: "rocket", "viridis", "cividis", "magma", "gray"); the rest of the file is used"#,
            "convscope: ~/.config/convscope/config.toml line 3: unknown key colour (known: theme, cmap, lang, mouse, animation_speed); the rest of the file is used",
            #"convscope: ~/.config/convscope/config.toml line 4: mouse = "yes" is not allowed (allowed: true, false); the rest of the file is used"#,
            "convscope: ~/.config/convscope/config.toml line 5: animation_speed = 5 is not allowed (allowed: 1, 2, 4, 8, 16, 32); the rest of the file is used",
            "convscope: ~/.config/convscope/config.toml line 6: unknown key window (known: theme, cmap, lang, mouse, animation_speed); the rest of the file is used",
        ])
        #expect(warnings.allSatisfy { !$0.contains("\n") })
    }

    @Test func warningsSpeakTheFilesLanguage() {
        let (_, warnings) = SettingsFile.parse("lang = \"ru\"\ncmap = \"jet\"\n", file: "config.toml")
        #expect(warnings == [#"convscope: config.toml, строка 2: cmap = "jet" недопустимо (можно: "rocket", "viridis", "cividis", "magma", "gray"); остальное из файла учтено"#])
    }

    @Test func aFileThatIsNotTOMLIsIgnoredWithItsLine() {
        let (settings, warnings) = SettingsFile.parse("theme = \"light\"\ncmap = viridis\n", file: "config.toml")
        #expect(settings == Settings())
        #expect(warnings == ["convscope: config.toml line 2: not valid TOML; the settings file is ignored"])
    }

    @Test func theFileIsFoundThroughXDGConfigHome() {
        #expect(SettingsFile.standard(environment: ["XDG_CONFIG_HOME": "/x/conf", "HOME": "/home/u"]).path == "/x/conf/convscope/config.toml")
        #expect(SettingsFile.standard(environment: ["HOME": "/home/u"]).path == "/home/u/.config/convscope/config.toml")
        // A relative XDG_CONFIG_HOME is ignored, as the XDG specification says.
        #expect(SettingsFile.standard(environment: ["XDG_CONFIG_HOME": "conf", "HOME": "/home/u"]).path == "/home/u/.config/convscope/config.toml")
    }

    @Test func anUnreadableFileIsOneLine() throws {
        let dir = NSTemporaryDirectory() + "convscope-settings-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([0xff, 0xfe, 0x00]).write(to: URL(fileURLWithPath: dir + "/config.toml"))
        let loaded = SettingsFile(path: dir + "/config.toml").load()
        #expect(loaded.settings == Settings())
        #expect(loaded.warnings.count == 1 && loaded.warnings[0].contains("cannot be read as UTF-8 text"))
    }
}
