import ConvCore
import ConvScopeApp
import Foundation
import TOMLKit

/// The interactive screen's preferences from $XDG_CONFIG_HOME/convscope/config.toml
/// (~/.config when unset). Command-line flags win over them. A bad key or value is one warning
/// and the rest of the file still counts; a file that is not TOML is one warning and ignored.
struct Settings: Equatable {
    var theme: ExportTheme?
    var colormap: ColormapName?
    var language: Language?
    var mouse: Bool?
    /// Animation speed in output cells per second, one of `AppState.speeds`.
    var animationSpeed: Int?

    /// The keys the file may hold, in the order the README documents them.
    static let keys = ["theme", "cmap", "lang", "mouse", "animation_speed"]

    /// Puts every value the file set into a state (flags are applied after, and win).
    func apply(to state: inout AppState) {
        if let theme { state.theme = theme }
        if let colormap { state.environment.colormap = colormap }
        if let language { state.environment.language = language }
        if let mouse { state.mouseEnabled = mouse }
        if let animationSpeed, let index = AppState.speeds.firstIndex(of: animationSpeed) { state.speedIndex = index }
    }
}

/// An XDG base directory: the variable when it holds an absolute path (the specification says
/// to ignore a relative one), else `fallback` under $HOME.
func xdgDirectory(_ variable: String, else fallback: String, environment: [String: String]) -> String {
    if let value = environment[variable], value.hasPrefix("/") { return value }
    return homeDirectory(environment: environment) + "/" + fallback
}

/// $HOME when it is an absolute path; else the account's home from the password database: an
/// empty HOME= must not put the state file under /.local.
func homeDirectory(environment: [String: String]) -> String {
    if let home = environment["HOME"], home.hasPrefix("/") { return home }
    if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
        let home = String(cString: directory)
        if home.hasPrefix("/") { return home }
    }
    return NSHomeDirectory()
}

/// The settings file: where it is, and reading it into `Settings` plus warnings.
struct SettingsFile {
    let path: String

    /// The file for this environment: $XDG_CONFIG_HOME (an absolute path) or ~/.config.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SettingsFile {
        SettingsFile(path: xdgDirectory("XDG_CONFIG_HOME", else: ".config", environment: environment) + "/convscope/config.toml")
    }

    /// The settings, and one line per problem (none when the file does not exist).
    func load() -> (settings: Settings, warnings: [String]) {
        let shown = displayed(path)
        let data: Data
        do {
            guard let bytes = try BoundedRead.regularFile(atPath: path, limit: 1 << 20) else { return (Settings(), []) }
            data = bytes
        } catch {
            return (Settings(), [SettingsText.unreadable(file: shown, .en)])
        }
        guard let text = TextFileDecoding.text(data) else { return (Settings(), [SettingsText.unreadable(file: shown, .en)]) }
        return Self.parse(text, file: shown)
    }

    /// Reads the text of a settings file called `file` in messages.
    static func parse(_ text: String, file: String) -> (settings: Settings, warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return (Settings(), [SettingsText.notTOML(file: file, line: error.source.begin.line, .en)])
        } catch {
            return (Settings(), [SettingsText.notTOML(file: file, line: nil, .en)])
        }
        var settings = Settings()
        var warnings: [String] = []
        // The warnings speak the language the file asks for.
        let lang = table["lang"]?.string.flatMap(Language.init(rawValue:)) ?? .en
        let places = keyPlaces(text)
        func warn(_ key: String, _ value: String, allowed: String) {
            warnings.append(SettingsText.badValue(file: file, line: places[key]?.line, key: key, value: value,
                                                  allowed: allowed, lang))
        }
        for key in table.keys.sorted(by: { (places[$0]?.line ?? 0) < (places[$1]?.line ?? 0) }) {
            let value = table[key]!
            let shownValue = places[key]?.value ?? ""
            switch key {
            case "theme":
                settings.theme = choice(value, ExportTheme.allCases) ?? {
                    warn(key, shownValue, allowed: quoted(ExportTheme.allCases.map(\.rawValue))); return nil
                }()
            case "cmap":
                settings.colormap = choice(value, ColormapName.choices) ?? {
                    warn(key, shownValue, allowed: quoted(ColormapName.choices.map(\.rawValue))); return nil
                }()
            case "lang":
                settings.language = choice(value, Language.allCases) ?? {
                    warn(key, shownValue, allowed: quoted(Language.allCases.map(\.rawValue))); return nil
                }()
            case "mouse":
                settings.mouse = value.bool ?? { warn(key, shownValue, allowed: "true, false"); return nil }()
            case "animation_speed":
                let speeds = AppState.speeds
                settings.animationSpeed = value.int.flatMap { speeds.contains($0) ? $0 : nil } ?? {
                    warn(key, shownValue, allowed: speeds.map(String.init).joined(separator: ", ")); return nil
                }()
            default:
                warnings.append(SettingsText.unknownKey(file: file, line: places[key]?.line, key: key,
                                                        known: Settings.keys.joined(separator: ", "), lang))
            }
        }
        return (settings, warnings)
    }

    /// The case of `all` a TOML string names, if any.
    private static func choice<T: RawRepresentable>(_ value: TOMLValueConvertible, _ all: [T]) -> T? where T.RawValue == String {
        value.string.flatMap { name in all.first { $0.rawValue == name } }
    }

    private static func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }

    /// The line (from 1) of each top-level key or table header, and the value as written there:
    /// TOMLKit gives positions for syntax errors only.
    static func keyPlaces(_ text: String) -> [String: (line: Int, value: String)] {
        var places: [String: (line: Int, value: String)] = [:]
        let blanks = CharacterSet(charactersIn: " \t")
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            let key: Substring, value: String
            if trimmed.hasPrefix("[") {
                key = trimmed.drop { $0 == "[" }.prefix { $0 != "]" && $0 != "." }
                value = "[…]"
            } else if let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("#") {
                key = trimmed[..<equals].prefix { $0 != "." }
                // The value up to a comment (a '#' inside quotes is rare enough in these keys).
                value = trimmed[trimmed.index(after: equals)...].prefix { $0 != "#" }.trimmingCharacters(in: blanks)
            } else {
                continue
            }
            let name = key.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            if places[name] == nil { places[name] = (index + 1, value) }
        }
        return places
    }
}
