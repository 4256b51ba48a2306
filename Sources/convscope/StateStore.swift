import ConvCore
import Foundation

/// The last parameters, kept between runs in $XDG_STATE_HOME/convscope/state.json
/// (~/.local/state when unset). A broken file is ignored with a notice, never a crash.
struct StateStore {
    let path: String

    /// The store for this environment.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateStore {
        let base: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return StateStore(path: base + "/convscope/state.json")
    }

    private struct Saved: Codable {
        var version: Int
        var parameters: [String: Int]
    }

    /// The saved parameters; nil and a notice when there is none or it cannot be used.
    func load() -> (parameters: ConvParameters?, notice: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (nil, nil) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, "saved parameters ignored: the file cannot be read (\(path))")
        }
        guard let saved = try? JSONDecoder().decode(Saved.self, from: data), saved.version == 1 else {
            return (nil, "saved parameters ignored: it is not a convscope state file (\(path))")
        }
        var p = ConvParameters()
        for id in ParameterID.allCases {
            guard let value = saved.parameters[id.name], id.range.contains(value) else {
                return (nil, "saved parameters ignored: \(id.name) is missing or out of range (\(path))")
            }
            p[id] = value
        }
        return (p, nil)
    }

    /// Saves the parameters atomically; returns a message when that fails.
    func save(_ p: ConvParameters) -> String? {
        var values: [String: Int] = [:]
        for id in ParameterID.allCases { values[id.name] = p[id] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try Self.makeDirectories(parentDirectory(of: path))
            let data = try encoder.encode(Saved(version: 1, parameters: values))
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
