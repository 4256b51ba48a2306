import Foundation
import Testing

/// Bad command lines: one clear line naming the problem and what is allowed, the right exit
/// status, and nothing written to stdout or to disk.
@Suite("Bad command lines")
struct CommandLineTests {
    static let dir = TestArea.root + "/cli"

    /// (arguments, expected exit status, words the one-line message must contain)
    static let cases: [(String, Int32, [String])] = [
        ("--bogus", 64, ["Unknown option '--bogus'"]),
        ("render --bogus", 64, ["Unknown option"]),
        ("--h-in abc", 64, ["'abc'", "--h-in", "1...1024"]),
        ("render --w-in 1.5", 64, ["'1.5'", "--w-in", "1...1024"]),
        ("render --h-in -3", 64, ["--h-in -3", "1...1024"]),
        ("render --in-channels 0", 64, ["--in-channels 0", "1...64"]),
        ("render --out-channels 65", 64, ["--out-channels 65", "1...64"]),
        ("render --kernel-size-h 0", 64, ["--kernel-size-h 0", "1...32"]),
        ("render --stride-w 0", 64, ["--stride-w 0", "1...32"]),
        ("render --dilation-h 0", 64, ["--dilation-h 0", "1...32"]),
        ("render --padding-w -1", 64, ["--padding-w -1", "0...32"]),
        ("render --padding-h 33", 64, ["--padding-h 33", "0...32"]),
        ("render --h-in 1025", 64, ["--h-in 1025", "1...1024"]),
        ("render --kernel-size 3x", 64, ["--kernel-size '3x'", "HxW"]),
        ("render --kernel-size x3", 64, ["--kernel-size 'x3'", "HxW"]),
        ("render --kernel-size 3x4x5", 64, ["'3x4x5'", "HxW"]),
        ("render --stride 0x2", 64, ["--stride '0x2'", "1...32"]),
        ("render --padding abc", 64, ["--padding 'abc'", "HxW"]),
        ("render --kernel-size 3 --kernel-size-h 5", 64, ["--kernel-size", "--kernel-size-h", "either"]),
        ("render --dilation 2 --dilation-w 1", 64, ["--dilation", "--dilation-w"]),
        ("render --format pdf", 64, ["'pdf'", "json", "svg"]),
        ("render --size 80", 64, ["'80'", "COLSxROWS"]),
        ("render --size 0x24", 64, ["'0x24'", "COLSxROWS"]),
        ("render --size 80x", 64, ["'80x'", "COLSxROWS"]),
        ("render --size 99999x99999", 64, ["'99999x99999'", "1000×1000"]),
        ("render --size 10x5", 64, ["--size 10x5", "50×17"]),
        ("render --size 49x17", 64, ["--size 49x17", "50×17"]),
        ("render --size 50x16", 64, ["--size 50x16", "50×17"]),
        ("render --size -5x10", 64, ["'-5x10'", "--size", "50×17"]),
        ("render --inspect -0,0,0", 64, ["--inspect '-0,0,0'", "C,Y,X"]),
        ("render --inspect-input -1,0,0", 64, ["--inspect-input '-1,0,0'", "C,Y,X"]),
        ("render --inspect +0,0,0", 64, ["--inspect '+0,0,0'", "C,Y,X"]),
        ("render --stride -2", 64, ["--stride '-2'", "1...32"]),
        ("render --kernel-size-w -1", 64, ["--kernel-size-w -1", "1...32"]),
        ("render --format -json", 64, ["'-json'", "--format"]),
        ("render --theme -dark", 64, ["'-dark'", "dark"]),
        ("--export-format -svg", 64, ["'-svg'", "svg"]),
        ("render -o a.svg -o b.svg", 64, ["-o/--output given twice", "'a.svg'", "'b.svg'"]),
        ("render --output=a.svg -o b.svg", 64, ["-o/--output given twice"]),
        ("render --size 80x24 --size 90x30", 64, ["--size given twice", "'80x24'", "'90x30'"]),
        ("render --h-in 3 --h-in 4", 64, ["--h-in given twice"]),
        ("--export-format svg --export-format html", 64, ["--export-format given twice"]),
        ("tui --kernel-size 3 --kernel-size 5", 64, ["--kernel-size given twice"]),
        ("render --kernel-size 3×", 64, ["--kernel-size '3×'", "HxW"]),
        ("render -o --size", 64, ["-o '--size' looks like an option"]),
        ("render --fresh", 64, ["Unknown option '--fresh'", "convscope render"]),
        ("render --export-format svg", 64, ["Unknown option '--export-format'"]),
        ("tui --bogus", 64, ["Unknown option '--bogus'"]),
        ("render --theme blue", 64, ["'blue'", "dark", "light"]),
        ("render --inspect 0,9,9", 64, ["--inspect '0,9,9'", "Y 0...5"]),
        ("render --inspect a,b", 64, ["--inspect 'a,b'", "C,Y,X"]),
        ("render --inspect-input 3,0,0", 64, ["--inspect-input '3,0,0'", "C 0...2"]),
        ("render --inspect 0,0,0 --kernel-size 9", 64, ["no output to inspect"]),
        ("render --panel nope", 64, ["'nope'", "cost", "formula"]),
        ("--h-in", 64, ["Missing value", "--h-in", "1...1024"]),
        ("render --format svg -o /nonexistent-dir/x.svg", 1, ["/nonexistent-dir", "does not exist"]),
        ("render --format svg -o /tmp", 1, ["/tmp", "is a directory"]),
        ("--export-format pdf", 64, ["'pdf'", "svg"]),
    ]

    @Test(arguments: cases)
    func badCommandLine(_ arguments: String, _ status: Int32, _ words: [String]) {
        try? FileManager.default.createDirectory(atPath: Self.dir, withIntermediateDirectories: true)
        let before = (try? FileManager.default.contentsOfDirectory(atPath: Self.dir)) ?? []
        let r = shell("cd '\(Self.dir)' && TERM=xterm-256color '\(Binary.path)' \(arguments) < /dev/null")
        #expect(r.status == status, "\(arguments): exit \(r.status)\n\(r.err)")
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "\(arguments): one line, got:\n\(r.err)")
        for word in words { #expect(r.err.contains(word), "\(arguments): message should name \(word): \(r.err)") }
        #expect(r.out.isEmpty, "\(arguments): nothing on stdout")
        let after = (try? FileManager.default.contentsOfDirectory(atPath: Self.dir)) ?? []
        #expect(before == after, "\(arguments): nothing written")
    }

    @Test func helpStillWorks() {
        let r = shell("'\(Binary.path)' render --help")
        #expect(r.status == 0)
        #expect(r.out.contains("--kernel-size"))
    }
}
