import ConvCore
import ConvScopeApp
import Foundation

/// What every interactive screen (course, model, graph, exercise) starts with, resolved in one
/// place: a flag beats the settings file, which beats the locale; a terminal that cannot show
/// UTF-8 speaks English. A bad value in the file is one line in `warnings` and is ignored.
struct InteractiveConfig: Equatable {
    /// The language the screen speaks, before the terminal has its say.
    var language: Language
    /// What the settings file set (theme, palette, mouse, speed; its `lang` is in `language`).
    var settings: Settings
    /// One line per problem in the settings file.
    var warnings: [String]

    /// `flag` (--lang), else the settings file's `lang`, else the locale of `environment`.
    static func resolve(flag: Language?, settings file: (settings: Settings, warnings: [String]),
                        locale environment: [String: String]) -> InteractiveConfig {
        InteractiveConfig(language: flag ?? file.settings.language ?? LanguageOption.fromLocale(environment),
                          settings: file.settings, warnings: file.warnings)
    }

    /// The same for this process: its --lang, the standard settings file and its environment.
    static func resolve(_ option: LanguageOption) -> InteractiveConfig {
        resolve(flag: option.given, settings: SettingsFile.standard().load(), locale: ProcessInfo.processInfo.environment)
    }

    /// The language on `terminal`: Cyrillic needs UTF-8, so a terminal without it gets English.
    func language(on terminal: RenderEnvironment) -> Language { terminal.glyphs.unicode ? language : .en }

    /// Puts the settings file's preferences into a state; the flags are applied after, and win.
    func applySettings(to state: inout AppState) { settings.apply(to: &state) }
}
