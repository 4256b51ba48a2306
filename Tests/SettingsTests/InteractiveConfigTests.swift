import ConvCore
import ConvScopeApp
import Testing
@testable import convscope

/// One resolution for every interactive screen: --lang beats the settings file's `lang`, which
/// beats the locale; a bad value in the file is one line and the locale decides; a terminal
/// without UTF-8 speaks English.
@Suite("Interactive config")
struct InteractiveConfigTests {
    static let russianLocale = ["LANG": "ru_RU.UTF-8"]
    static func file(_ text: String) -> (settings: Settings, warnings: [String]) { SettingsFile.parse(text, file: "config.toml") }

    @Test func theFlagBeatsTheFileWhichBeatsTheLocale() {
        let russianFile = Self.file("lang = \"ru\"\ntheme = \"light\"")
        #expect(InteractiveConfig.resolve(flag: .en, settings: russianFile, locale: Self.russianLocale).language == .en)
        #expect(InteractiveConfig.resolve(flag: nil, settings: russianFile, locale: ["LANG": "en_GB.UTF-8"]).language == .ru)
        #expect(InteractiveConfig.resolve(flag: nil, settings: Self.file(""), locale: Self.russianLocale).language == .ru)
        #expect(InteractiveConfig.resolve(flag: nil, settings: Self.file(""), locale: [:]).language == .en)
        #expect(InteractiveConfig.resolve(flag: .ru, settings: Self.file("lang = \"en\""), locale: [:]).language == .ru)
    }

    @Test func aBadValueIsOneClearLineAndTheLocaleDecides() throws {
        let config = InteractiveConfig.resolve(flag: nil, settings: Self.file("lang = \"de\""), locale: Self.russianLocale)
        #expect(config.language == .ru)
        let line = try #require(config.warnings.first)
        #expect(config.warnings.count == 1 && !line.contains("\n"))
        #expect(line.contains("lang") && line.contains("\"de\"") && line.contains("\"en\", \"ru\""), "\(line)")
    }

    @Test func theFilesOtherPreferencesReachTheStateAndATerminalWithoutUTF8SpeaksEnglish() {
        let config = InteractiveConfig.resolve(flag: nil, settings: Self.file("lang = \"ru\"\ntheme = \"light\"\nmouse = false"),
                                               locale: [:])
        var state = AppState()
        config.applySettings(to: &state)
        #expect(state.theme == .light && !state.mouseEnabled)
        #expect(config.language(on: RenderEnvironment(unicode: true, language: .en)) == .ru)
        #expect(config.language(on: RenderEnvironment(unicode: false, language: .en)) == .en)
    }
}
