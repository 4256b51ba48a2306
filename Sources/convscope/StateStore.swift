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

    private struct Saved: Codable {
        var version: Int
        var parameters: [String: Int]
        /// The heatmap palette; absent in files from before palettes (they mean rocket).
        var cmap: String?
    }

    /// What a session leaves for the next one.
    struct Session: Equatable {
        var parameters: ConvParameters
        var colormap: ColormapName = .rocket
    }

    /// The saved session; nil and a notice when there is none or it cannot be used.
    func load() -> (session: Session?, notice: Notice?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, .savedSessionIgnored(.unreadable, path: path))
        }
        guard let saved = try? JSONDecoder().decode(Saved.self, from: data), saved.version == 1 else {
            return (nil, .savedSessionIgnored(.notAStateFile, path: path))
        }
        var p = ConvParameters()
        for id in ParameterID.allCases {
            guard let value = saved.parameters[id.name], id.range.contains(value) else {
                return (nil, .savedSessionIgnored(.parameter(id.name), path: path))
            }
            p[id] = value
        }
        // An unknown palette name (a newer version's) falls back to rocket; the parameters still count.
        let colormap = saved.cmap.flatMap { name in ColormapName.choices.first { $0.rawValue == name } } ?? .rocket
        return (Session(parameters: p, colormap: colormap), nil)
    }

    /// Saves the session atomically; returns a message when that fails.
    func save(_ session: Session) -> String? {
        var values: [String: Int] = [:]
        for id in ParameterID.allCases { values[id.name] = session.parameters[id] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try Self.makeDirectories(parentDirectory(of: path))
            let data = try encoder.encode(Saved(version: 1, parameters: values, cmap: session.colormap.rawValue))
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
