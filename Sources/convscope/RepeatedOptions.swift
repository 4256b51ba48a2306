import ArgumentParser
import Foundation

/// Refuses an option given twice (`-o a.svg -o b.svg`): ArgumentParser would silently keep the
/// last one. Flags may repeat (saying `--force` twice means the same). The options and the names
/// they answer to come from the parser's own description of the commands, so new options are covered.
func refuseRepeatedOptions(_ arguments: [String], of root: any ParsableCommand.Type) throws {
    guard let tool = try? JSONSerialization.jsonObject(with: Data(root._dumpHelp().utf8)) as? [String: Any],
          var command = tool["command"] as? [String: Any] else { return }
    var seen: [String: String] = [:]  // an option's spellings → the value given first
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
        let argument = arguments[index]
        index += 1
        let subcommands = command["subcommands"] as? [[String: Any]] ?? []
        if let sub = subcommands.first(where: { $0["commandName"] as? String == argument }) {
            command = sub
            seen = [:]
            continue
        }
        let spelling = argument.hasPrefix("--") ? String(argument.prefix { $0 != "=" }) : argument
        guard let option = singleValueOptions(of: command)[spelling] else { continue }
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

/// Every spelling (`-o`, `--output`) of a command's non-repeating options → all its spellings, e.g. "-o/--output".
private func singleValueOptions(of command: [String: Any]) -> [String: String] {
    var options: [String: String] = [:]
    for argument in command["arguments"] as? [[String: Any]] ?? [] {
        guard argument["kind"] as? String == "option", argument["isRepeating"] as? Bool != true else { continue }
        let names = (argument["names"] as? [[String: String]] ?? []).map { ($0["kind"] == "short" ? "-" : "--") + ($0["name"] ?? "") }
        for name in names { options[name] = names.joined(separator: "/") }
    }
    return options
}
