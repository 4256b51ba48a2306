import Foundation
import Testing

/// The rest of `nn.Conv2d` tried as a new user would, through the real binary: reflect padding,
/// groups, an edge filter, files from numpy and a .pgm, and bad values refused in one line.
@Suite("nn.Conv2d options end to end", .serialized)
struct Conv2dOptionsTests {
    static let inputs = Binary.root + "/Tests/EndToEndTests/inputs"

    static func start(_ flags: String, columns: Int = 120, rows: Int = 40) -> TmuxSession {
        TmuxSession(columns: columns, rows: rows,
                    command: "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 \(Binary.path) --fresh \(flags)")
    }

    /// Reflect padding 2 on the defaults: the padded view mirrors the ramp, and the inspector's
    /// sum at output[0, 0, 0] reads the mirrored columns 2 1 0: 3 channels · 3 rows · 3 = 27.
    @Test func reflectPaddingShowsTheMirroredRingAndTheRightSums() {
        guard requireTmux() else { return }
        let tmux = Self.start("--padding-mode reflect --padding 2")
        #expect(tmux.waitFor("output 1×2×10×10").ok)
        tmux.send("Tab")
        let (ok, screen) = tmux.waitFor { $0.contains("output[0, 0, 0] =") }
        #expect(ok, "\(screen)")
        #expect(screen.contains("2 1 0 1 2 3 4 5 6 7 6 5"), "the ring mirrors each ramp row\n\(screen)")
        #expect(screen.contains("[2]+[1]+0"), "the sum reads the mirrored values\n\(screen)")
        #expect(screen.contains("= 27"), "\(screen)")
        let json = shell("'\(Binary.path)' render --format json --padding-mode reflect --padding 2")
        #expect(json.out.contains("\"padding\": [2, 2], \"padding_mode\": \"reflect\""))
        #expect(json.out.contains("\"output\": [[[[27, 18, 27, 54,"), "the first output row as PyTorch computes it")
    }

    /// Three groups: each output map is tagged with its group and its inspector sums one channel.
    @Test func threeGroupsShowThreeSeparatePaths() {
        guard requireTmux() else { return }
        let tmux = Self.start("--groups 3 --in-channels 3 --out-channels 3")
        #expect(tmux.waitFor("output 1×3×6×6").ok)
        let (ok, screen) = tmux.waitFor { $0.contains("channel 2 g2") }
        #expect(ok, "\(screen)")
        #expect(screen.contains("channel 0 g0") && screen.contains("channel 1 g1") && screen.contains("3 groups"))
        tmux.send("Tab")
        #expect(tmux.waitFor("Σ 1 ch").ok, "the inspector sums only the group's channel")
        let json = shell("'\(Binary.path)' render --format json --groups 3 --in-channels 3 --out-channels 3")
        #expect(json.out.contains("\"kernel_shape\": [3, 1, 3, 3]") && json.out.contains("\"groups\": 3"))
    }

    /// sobel-x on the checkerboard: signed outputs on a scale centred on 0.
    @Test func sobelOnTheCheckerboardShowsTheEdges() {
        guard requireTmux() else { return }
        let tmux = Self.start("--kernel sobel-x --input checker --h-in 16 --w-in 16 --in-channels 1 --out-channels 1")
        let (ok, screen) = tmux.waitFor { $0.contains("scale −4…4") }
        #expect(ok, "\(screen)")
        #expect(screen.contains("kernel 1×1×3×3 · sobel-x") && screen.contains("checkerboard"))
        #expect(screen.contains("−4") && screen.contains(" 4 "), "both edge signs appear\n\(screen)")
    }

    /// A .npy numpy wrote and a plain .pgm set the input's shape and values.
    @Test func numpyAndPgmFilesLoad() {
        guard requireTmux() else { return }
        let tmux = Self.start("--input '\(Self.inputs)/numpy-2x5x6.npy' --kernel-size 1 --out-channels 1")
        let (ok, screen) = tmux.waitFor { $0.contains("input 1×2×5×6") }
        #expect(ok, "\(screen)")
        #expect(screen.contains("scale −15…15"), "signed values on a scale centred on 0\n\(screen)")
        tmux.send("Right")  // h_in comes from the file
        #expect(tmux.waitFor("comes from").ok)
        let npy = shell("'\(Binary.path)' render --format json --input '\(Self.inputs)/numpy-2x5x6.npy' --kernel-size 1 --out-channels 1")
        #expect(npy.out.contains("\"input\": [[[[0, 1, 2, 3, 4, 5], [-1, 0, 1, 2, 3, 4]"), "numpy's values")
        let pgm = shell("'\(Binary.path)' render --format json --input '\(Self.inputs)/gradient-7x4.pgm' --kernel-size 1 --out-channels 1")
        #expect(pgm.out.contains("\"input_shape\": [1, 1, 7, 4]"), "\(pgm.out.prefix(200))\(pgm.err)")
    }

    /// Bad values and files: one line naming what is wrong and what is allowed, exit 64.
    @Test(arguments: [
        ("--padding-mode mirror", "allowed zeros, reflect, replicate, circular"),
        ("--bias lots", "allowed none or a number"),
        ("--input sparkle", "is not an input: allowed ramp-x"),
        ("--kernel /nonexistent/k.npy", "cannot be read"),
        ("--input " + Binary.root + "/Package.swift", "unknown file type; accepted: .npy, .csv, .pgm or .ppm"),
        ("--groups 0", "out of range: allowed 1...64"),
        // Past Int, still a whole number: out of range, not "not a whole number".
        ("--h-in 99999999999999999999999", "--h-in 99999999999999999999999 is out of range: allowed 1...1024"),
        ("--h-in 9x", "--h-in '9x' is not a whole number"),
    ])
    func badValuesAreOneLine(flags: String, words: String) {
        let r = shell("'\(Binary.path)' render --format json \(flags)")
        #expect(r.status == 64, "\(flags): \(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains(words), "\(flags): \(r.err)")
    }

    /// The course notebook's tensor says once that its height and width are swapped.
    @Test func notebookInputSaysItIsSwapped() {
        let r = shell("'\(Binary.path)' render --format json --input notebook --h-in 4 --w-in 6")
        #expect(r.status == 0)
        #expect(r.err.contains("height and width are swapped"))
        #expect(r.out.contains("\"input_shape\": [1, 3, 6, 4]"))
    }
}
