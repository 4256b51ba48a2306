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

    /// Version 1 held the twelve sliders; version 2 adds the rest of the table's rows as words
    /// (padding mode, padding, input and kernel by their command-line words, bias or null).
    private struct Saved: Codable {
        var version: Int
        var parameters: [String: Int]
        var choices: [String: String]?
        var bias: Float?
        /// The heatmap palette; absent in files from before palettes (they mean rocket).
        var cmap: String?
    }

    /// What a session leaves for the next one.
    struct Session: Equatable {
        var parameters: Conv2dSettings
        var colormap: ColormapName = .rocket
    }

    /// The saved session; nil and a notice when there is none or it cannot be used.
    func load() -> (session: Session?, notice: Notice?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, .savedSessionIgnored(.unreadable, path: path))
        }
        guard let saved = try? JSONDecoder().decode(Saved.self, from: data), [1, 2].contains(saved.version) else {
            return (nil, .savedSessionIgnored(.notAStateFile, path: path))
        }
        var p = ConvParameters()
        for id in ParameterID.geometry {
            guard let value = saved.parameters[id.name], id.range.contains(value) else {
                return (nil, .savedSessionIgnored(.parameter(id.name), path: path))
            }
            p[id] = value
        }
        // An unknown palette name (a newer version's) falls back to rocket; the parameters still count.
        let colormap = saved.cmap.flatMap { name in ColormapName.choices.first { $0.rawValue == name } } ?? .rocket
        var s = Conv2dSettings(p)
        guard saved.version == 2 else { return (Session(parameters: s, colormap: colormap), nil) }
        // The other rows go through the command line's own parser, files included.
        var arguments: [String] = []
        for (id, flag) in [(ParameterID.paddingMode, "--padding-mode"), (.padding, "--padding"), (.input, "--input"),
                           (.kernel, "--kernel")] {
            if let word = saved.choices?[id.name], !(id == .padding && word == "explicit") { arguments += [flag, word] }
        }
        if let groups = saved.parameters[ParameterID.groups.name] { arguments += ["--groups", String(groups)] }
        if let bias = saved.bias { arguments += ["--bias", formatNumber(bias)] }
        do {
            let options = try ParameterOptions.parse(arguments)
            s = try options.apply(to: s)
        } catch {
            return (nil, .savedSessionIgnored(.option(ParameterOptions.message(for: error)), path: path))
        }
        return (Session(parameters: s, colormap: colormap), nil)
    }

    /// Saves the session atomically; returns a message when that fails.
    func save(_ session: Session) -> String? {
        let s = session.parameters
        var values: [String: Int] = [:]
        for id in ParameterID.geometry { values[id.name] = s.geometry[id] }
        values[ParameterID.groups.name] = s.groups
        var choices: [String: String] = [:]
        for id in [ParameterID.paddingMode, .padding, .input, .kernel] { choices[id.name] = s.valueText(id) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try Self.makeDirectories(parentDirectory(of: path))
            let data = try encoder.encode(Saved(version: 2, parameters: values, choices: choices, bias: s.bias,
                                                cmap: session.colormap.rawValue))
            try SafeFileWriter.write(Array(data) + [10], to: path, replace: true)
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
