import ConvCore
import ConvScopeApp
import Foundation

/// The last parameters, kept between runs in $XDG_STATE_HOME/convscope/state.json
/// (~/.local/state when unset). A broken file is ignored with a notice, never a crash.
struct StateStore {
    let path: String

    /// The store for this environment.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateStore {
        StateStore(path: xdgDirectory("XDG_STATE_HOME", else: ".local/state", environment: environment) + "/convscope/state.json")
    }

    /// Version 1 held the twelve sliders; version 2 added the other rows (padding mode, padding,
    /// input and kernel as words under `choices`, groups, bias or null). Version 3 holds every
    /// row of the parameter table by its name and its command-line word
    /// (`Conv2dSettings.valueText`): integer rows as numbers under `parameters` (as before), the
    /// others under `words`; they are read back with the table's own reader, so a row added
    /// later needs nothing here.
    private static let version = 3
    /// A state file is under a kilobyte; anything past 1 MiB is not one.
    private static let sizeLimit = 1 << 20

    private struct Saved: Codable {
        var version: Int
        var parameters: [String: Int]
        var choices: [String: String]?
        var bias: Float?
        var words: [String: String]?
        /// The heatmap palette; absent in files from before palettes (they mean rocket).
        var cmap: String?
        /// The theme `t` chose; absent in files from before it was kept (they mean dark).
        var theme: String?
    }

    /// What a session leaves for the next one.
    struct Session: Equatable {
        var parameters: Conv2dSettings
        var colormap: ColormapName = .rocket
        var theme: ExportTheme = .dark
    }

    /// The saved session; nil and a notice when there is none or it cannot be used.
    func load() -> (session: Session?, notice: Notice?) {
        let data: Data
        do {
            guard let bytes = try BoundedRead.regularFile(atPath: path, limit: Self.sizeLimit) else { return (nil, nil) }
            data = bytes
        } catch {
            return (nil, .savedSessionIgnored(.unreadable, path: path))
        }
        guard let text = TextFileDecoding.text(data),
              let saved = try? JSONDecoder().decode(Saved.self, from: Data(text.utf8)), (1...Self.version).contains(saved.version) else {
            return (nil, .savedSessionIgnored(.notAStateFile, path: path))
        }
        // An unknown palette name (a newer version's) falls back to rocket; the parameters still count.
        let colormap = saved.cmap.flatMap { name in ColormapName.choices.first { $0.rawValue == name } } ?? .rocket
        let theme = saved.theme.flatMap(ExportTheme.init(rawValue:)) ?? .dark
        var s = Conv2dSettings()
        // The layer kind first, as the flags are read, then the table's order, so a file read last
        // sets the sizes it fixes.
        for row in Conv2dSettings.layerKindFirst(LayerSpec.conv2d.parameters, row: { $0.id }) {
            guard let word = Self.word(row, in: saved) else {
                // Versions 1 and 2 always held the twelve sliders; a missing later row keeps its default.
                if saved.version < 3 && row.id.isGeometry { return (nil, .savedSessionIgnored(.parameter(row.name), path: path)) }
                continue
            }
            do {
                try s.read(row.id, word: word, files: .disk)
            } catch {
                let problem: SavedSessionProblem = row.kind == .integer ? .parameter(row.name) : .option(error.message)
                return (nil, .savedSessionIgnored(problem, path: path))
            }
        }
        return (Session(parameters: s, colormap: colormap, theme: theme), nil)
    }

    /// A row's word in a file of any version: v1 held the sliders, v2 kept choices and bias apart.
    private static func word(_ row: ParameterSpec, in saved: Saved) -> String? {
        switch saved.version {
        case 1: return row.id.isGeometry ? saved.parameters[row.name].map(String.init) : nil
        case 2:
            if row.id == .bias { return saved.bias.map(formatNumber) ?? "none" }
            return saved.parameters[row.name].map(String.init) ?? saved.choices?[row.name]
        default: return row.kind == .integer ? saved.parameters[row.name].map(String.init) : saved.words?[row.name]
        }
    }

    /// Saves the session atomically; returns a message when that fails.
    func save(_ session: Session) -> String? {
        let s = session.parameters
        var numbers: [String: Int] = [:], words: [String: String] = [:]
        for row in LayerSpec.conv2d.parameters {
            if row.kind == .integer { numbers[row.name] = Int(s.valueText(row.id)) } else { words[row.name] = s.valueText(row.id) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try Self.makeDirectories(parentDirectory(of: path))
            let data = try encoder.encode(Saved(version: Self.version, parameters: numbers, words: words, cmap: session.colormap.rawValue,
                                            theme: session.theme.rawValue))
            try SafeFileWriter.replaceOwnFile(Array(data) + [10], at: path)
            return nil
        } catch let error as FileWriteError {
            return "could not save the parameters to \(displayed(path)): \(error.reason)"
        } catch {
            return "could not save the parameters to \(displayed(path)): \(error.localizedDescription)"
        }
    }

    /// mkdir -p with messages a user can act on ("… is not a directory"), not an NSError dump.
    static func makeDirectories(_ directory: String) throws {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw FileWriteError(path: directory, reason: "\(displayed(prefix)) is not a directory")
                }
            } else if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw FileWriteError(path: directory, reason: "cannot create \(displayed(prefix)): \(lastError())")
            }
        }
    }
}
