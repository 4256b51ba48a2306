import ConvCore
import ArgumentParser
import ConvScopeApp
import Foundation

/// `--lang en|ru`: the language of the screen, the help and the exports' words. Without it the
/// locale decides, as POSIX orders it: the first of LC_ALL, LC_MESSAGES and LANG that is set and
/// not empty; a Russian locale (ru, ru_RU.UTF-8, …) gives Russian, anything else English.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), parsing: .unconditional,
            help: "Language of the screen, help and exports: en or ru (default: from LC_ALL, LC_MESSAGES, LANG).")
    var lang: String?

    func validate() throws {
        guard let lang, Language(rawValue: lang) == nil else { return }
        throw ValidationError("--lang \(lang) is not a language: allowed: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    /// The flag's language, nil without the flag.
    var given: Language? { lang.flatMap(Language.init(rawValue:)) }

    /// The flag's language, else the locale's.
    var language: Language {
        given ?? Self.fromLocale(ProcessInfo.processInfo.environment)
    }

    /// The language a locale environment asks for.
    static func fromLocale(_ environment: [String: String]) -> Language {
        guard let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return .en }
        // "ru_RU.UTF-8" → "ru": the language code before the territory, codeset and modifier.
        let code = locale.prefix { $0 != "_" && $0 != "." && $0 != "@" }
        return code == "ru" ? .ru : .en
    }
}
