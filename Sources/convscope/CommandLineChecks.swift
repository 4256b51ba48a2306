import ArgumentParser
import Foundation

/// Two mistakes ArgumentParser lets through, refused before it parses:
/// - an option given twice (`-o a.svg -o b.svg`): it would silently keep the last one. Flags may
///   repeat (`--force` twice means the same).
/// - after a subcommand, an option only the root takes (`render --fresh`): the root reads the
///   whole command line leniently, so it would be accepted and ignored.
/// The options and their names come from the parser's own description of the tool, so options
/// added later are covered.
func checkCommandLine(_ arguments: [String], of root: any ParsableCommand.Type) throws {
    guard let tool = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
          var command = tool["command"] as? [String: Any] else { return }
    var path = [command["commandName"] as? String ?? ""]
    var names = CommandNames(command)
    var seen: [String: String] = [:]  // an option's spellings → the value given first
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
        let argument = arguments[index]
        index += 1
        let subcommands = command["subcommands"] as? [[String: Any]] ?? []
        if let sub = subcommands.first(where: { $0["commandName"] as? String == argument }) {
            command = sub
            path.append(argument)
            names = CommandNames(command)
            seen = [:]
            continue
        }
        let spelling = argument.hasPrefix("--") ? String(argument.prefix { $0 != "=" }) : argument
        if path.count > 1, spelling.count > 1, spelling.hasPrefix("-"), !names.all.contains(spelling) {
            throw ValidationError("Unknown option '\(spelling)': `\(path.joined(separator: " "))` does not take it.")
        }
        guard let option = names.singleValueOptions[spelling] else { continue }
        let value: String
        if spelling.count < argument.count {
            value = String(argument.dropFirst(spelling.count + 1))
        } else {
            guard index < arguments.count else { return }  // "Missing value": ArgumentParser says so
            value = arguments[index]
            index += 1
        }
        if let first = seen[option] {
            throw ValidationError("\(option) given twice ('\(first)' and '\(value)'); give it once.")
        }
        seen[option] = value
    }
}

/// The option and flag names one command answers to.
private struct CommandNames {
    /// Every spelling (`-o`, `--output`) of a non-repeating option → all its spellings, e.g. "-o/--output".
    var singleValueOptions: [String: String] = [:]
    /// Every option and flag spelling, help included.
    var all: Set<String> = ["-h", "--help"]

    init(_ command: [String: Any]) {
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag" else { continue }
            let spellings = (argument["names"] as? [[String: String]] ?? [])
                .map { ($0["kind"] == "short" ? "-" : "--") + ($0["name"] ?? "") }
            all.formUnion(spellings)
            guard kind == "option", argument["isRepeating"] as? Bool != true else { continue }
            for name in spellings { singleValueOptions[name] = spellings.joined(separator: "/") }
        }
    }
}
