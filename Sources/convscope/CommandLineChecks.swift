import ArgumentParser
import Foundation

/// Two mistakes ArgumentParser lets through, refused before it parses:
/// - an option given twice (`-o a.svg -o b.svg`): it would silently keep the last one. Flags may
///   repeat (`--force` twice means the same).
/// - after a subcommand, an option only the root takes (`render --fresh`): the root reads the
///   whole command line leniently, so it would be accepted and ignored.
/// The options and their names come from the parser's own description of the tool, so options
/// added later are covered.
///
/// Describing a command costs milliseconds at every start (reflection and JSON), so the walk
/// follows the subcommands by their types and describes only the one command whose options it
/// must check, and only when there is something to check.
///
/// `_dumpHelp()` is ArgumentParser's one underscored call left: its JSON is the only public form
/// of a command's option table. Package.swift pins the parser `exact:`, and CommandLineTests'
/// "given twice" and SilentOverrideTests' "does not take it" cases fail if that JSON changes.
func checkCommandLine(_ arguments: [String], of root: any ParsableCommand.Type) throws {
    let end = arguments.firstIndex(of: "--") ?? arguments.count
    var command: any ParsableCommand.Type = root
    var path = [commandName(of: root)]
    var segmentStart = 0
    for index in 0..<end {
        let name = arguments[index]
        if let sub = command.configuration.subcommands.first(where: { commandName(of: $0) == name }) {
            try checkSegment(arguments[segmentStart..<index], of: command, path: path)
            command = sub
            path.append(name)
            segmentStart = index + 1
        }
    }
    try checkSegment(arguments[segmentStart..<end], of: command, path: path)
}

/// The name a command is called by; every command here names itself in its configuration.
private func commandName(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? String(describing: command)
}

/// The arguments given to one command (up to its subcommand's name, if any).
private func checkSegment(_ arguments: ArraySlice<String>, of command: any ParsableCommand.Type, path: [String]) throws {
    // A repeat needs two options; an unknown option after a subcommand needs one.
    let dashed = arguments.count { $0.count > 1 && $0.hasPrefix("-") }
    guard dashed >= (path.count > 1 ? 1 : 2),
          let tool = try? JSONDecoder().decode(HelpDump.self, from: Data(command._dumpHelp().utf8)) else { return }
    let names = CommandNames(tool.command)
    var seen: [String: String] = [:]  // an option's spellings → the value given first
    var index = arguments.startIndex
    while index < arguments.endIndex {
        let argument = arguments[index]
        index += 1
        let spelling = argument.hasPrefix("--") ? String(argument.prefix { $0 != "=" }) : argument
        if path.count > 1, spelling.count > 1, spelling.hasPrefix("-"), !names.all.contains(spelling) {
            throw ValidationError("Unknown option '\(spelling)': `\(path.joined(separator: " "))` does not take it.")
        }
        guard let option = names.singleValueOptions[spelling] else { continue }
        let value: String
        if spelling.count < argument.count {
            value = String(argument.dropFirst(spelling.count + 1))
        } else {
            guard index < arguments.endIndex else { return }  // "Missing value": ArgumentParser says so
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

    init(_ command: HelpDump.Command) {
        for argument in command.arguments ?? [] {
            guard argument.kind == "option" || argument.kind == "flag" else { continue }
            let spellings = (argument.names ?? []).map { ($0.kind == "short" ? "-" : "--") + $0.name }
            all.formUnion(spellings)
            guard argument.kind == "option", argument.isRepeating != true else { continue }
            for name in spellings { singleValueOptions[name] = spellings.joined(separator: "/") }
        }
    }
}

/// The part of ArgumentParser's help dump (`_dumpHelp()`, JSON) the checks read. Decoded with
/// JSONDecoder rather than JSONSerialization: the latter's Objective-C-style objects pull
/// CoreFoundation's code into every start (docs/PERFORMANCE.md, "Resident memory").
private struct HelpDump: Decodable {
    struct Name: Decodable { var kind: String; var name: String }
    struct Argument: Decodable { var kind: String; var names: [Name]?; var isRepeating: Bool? }
    struct Command: Decodable { var arguments: [Argument]? }
    var command: Command
}
