import Foundation
import Testing

/// Every flag `--help` lists, for the screen, `render` and `exercise`, has a row in one of the
/// README's tables, so a user finds it without reading `--help`.
@Suite("README flags")
struct ReadmeFlagsTests {
    static let readme: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The flags an option list names at the start of its lines ("  --h-in <h-in>", "  -o, --output").
    static func flags(_ help: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"^  (?:-[a-zA-Z], )?(--[a-z][a-z-]*)"#, options: .anchorsMatchLines)
        return Set(pattern.matches(in: help, range: NSRange(help.startIndex..., in: help)).map {
            String(help[Range($0.range(at: 1), in: help)!])
        }).subtracting(["--help"])
    }

    @Test(arguments: ["", "render", "exercise"])
    func everyFlagHasATableRow(_ command: String) {
        let help = shell("'\(Binary.path)' \(command) --help").out
        let flags = Self.flags(help)
        #expect(flags.count >= 8, "flags read from --help: \(flags.sorted())")
        let rows = Self.readme.split(separator: "\n").filter { $0.hasPrefix("|") }
        for flag in flags.sorted() {
            #expect(rows.contains { $0.contains("`\(flag)`") || $0.contains("`\(flag) ") }, "\(command) \(flag) has no row in the README's tables")
        }
    }
}
