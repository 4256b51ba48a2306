import Foundation
import Testing

/// What convscope prints from a file or a flag reaches the terminal with its control characters
/// shown escaped (no ESC, OSC, BEL, CR, C1 CSI…), and an error quotes at most a short excerpt.
@Suite("Untrusted text")
struct UntrustedTextTests {
    /// ESC, BEL, CR, backspace, DEL and the single-character CSI of C1 (U+009B).
    static let controls: [String] = ["\u{1B}]2;OWNED\u{07}", "\u{1B}[2J", "\r", "\u{08}", "\u{7F}", "\u{9B}31m"]

    /// A printed source: the files it writes (given the control text) and the command reading them.
    struct Source: CustomTestStringConvertible, Sendable {
        let name: String
        let files: @Sendable (String) -> [String: String]
        let command: String
        var testDescription: String { name }
    }

    static let lab = "'\(Binary.root)/examples/single-layer-shapes.toml'"
    static let sources: [Source] = [
        Source(name: "graded answers (text)", files: { ["a.txt": "1: \($0)x\n2: 1x8x4x4\n"] },
               command: "exercise \(lab) --answers a.txt --format text"),
        Source(name: "lab title and prompt (exercise --format text)",
               files: { ["lab.toml": "title = \"T\($0.tomlEscaped)\"\n[[exercise]]\nid = \"x\"\nlayer = \"Conv2d(3, 2, 3)\"\ninput = [1, 3, 8, 8]\nask = \"shape\"\nprompt = \"P\($0.tomlEscaped)\"\n"] },
               command: "exercise lab.toml --format text"),
        Source(name: "lab error", files: { ["lab.toml": "title = \"T\"\n\"k\($0.tomlEscaped)\" = 1\n"] },
               command: "exercise lab.toml --format text"),
        Source(name: "csv error", files: { ["in.csv": "1, 2\n3, z\($0)\n"] }, command: "render --input in.csv --format text"),
        Source(name: "--model error", files: { ["m.txt": "Sequential(\n  (0): Conv2d(3, 8, 3, foo=\($0))\n)\n"] },
               command: "render --model m.txt --h-in 8 --w-in 8 --layers"),
        Source(name: "answers error", files: { ["a.txt": "99\($0): 5\n"] }, command: "exercise \(lab) --answers a.txt"),
    ]

    @Test(arguments: sources)
    func controlCharactersAreShownEscaped(_ source: Source) throws {
        for control in Self.controls {
            try withTemporaryDirectory("untrusted") { dir in
                for (name, text) in source.files(control) {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
                }
                let r = shell("cd '\(dir)' && '\(Binary.path)' \(source.command) < /dev/null")
                let printed = r.out + r.err
                #expect(!printed.isEmpty)
                let raw = printed.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
                #expect(raw.isEmpty, "\(source.name) with \(control.debugDescription): \(printed.debugDescription.prefix(600))")
            }
        }
    }

    /// A 2 MiB token in a CSV was echoed whole; now the message quotes its first characters.
    @Test func aHugeTokenIsQuotedAsAShortExcerpt() throws {
        try withTemporaryDirectory("huge-token") { dir in
            try Data(("1, " + String(repeating: "z", count: 2 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/in.csv"))
            let r = shell("cd '\(dir)' && '\(Binary.path)' render --input in.csv --format text")
            #expect(r.status == 64 && r.err.contains("'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…' is not a number"), "\(r.err.prefix(300))")
            #expect(r.err.count < 400)
        }
    }
}

extension String {
    /// The text as a TOML basic string's contents (control characters as \uXXXX, as TOML requires).
    var tomlEscaped: String {
        unicodeScalars.map { $0.properties.generalCategory == .control ? String(format: "\\u%04X", $0.value) : String($0) }.joined()
    }
}
