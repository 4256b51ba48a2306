import Foundation
import Testing

/// Inputs without a bound are refused in one line, never read or computed until memory runs out:
/// endless text (/dev/zero, a runaway pipe) for every text a user names, and stacks whose maps or
/// work a small input can blow up (a transposed convolution of stride 32).
@Suite("Input limits")
struct InputLimitTests {
    static let lab = Binary.root + "/examples/single-layer-shapes.toml"

    @Test(arguments: [
        ("exercise file", "exercise /dev/zero", "/dev/zero is larger than 4 MiB"),
        ("answers file", "exercise '\(lab)' --answers /dev/zero", "/dev/zero is larger than 4 MiB"),
        ("model file", "render --layers --model /dev/zero", "--model '/dev/zero' is larger than 4 MiB"),
        ("model on stdin", "render --layers --model - < /dev/zero", "--model '-' is larger than 4 MiB"),
    ])
    func endlessTextIsRefusedInOneLine(_ what: String, _ arguments: String, _ message: String) {
        // An unbounded read never ends on /dev/zero: `timeout` then ends it with 124, not 64 or 1.
        let r = shell("timeout 120 '\(Binary.path)' \(arguments)" + (arguments.contains("<") ? "" : " < /dev/null"))
        #expect(r.status == 64 || r.status == 1, "\(what): status \(r.status), \(r.err)")
        #expect(r.err.contains(message), "\(what): \(r.err)")
        #expect(r.err.split(separator: "\n").count == 1 && r.out.isEmpty, "\(what): one line, nothing on stdout")
    }

    /// A finite file just over the limit is refused by its size too, not read and then judged by
    /// its content: the endless cases above cannot tell "checked" from "not checked" safely.
    @Test func aFiniteFileOverTheLimitIsRefused() throws {
        try withTemporaryDirectory("limit") { dir in
            // Comment lines that would parse fine if the size were not checked.
            let line = "# " + String(repeating: "x", count: 1021) + "\n"
            let text = String(repeating: line, count: 4 << 10) + line
            try text.write(toFile: dir + "/big.txt", atomically: false, encoding: .utf8)
            for (arguments, message) in [
                ("exercise '\(dir)/big.txt'", "big.txt is larger than 4 MiB"),
                ("exercise '\(Self.lab)' --answers '\(dir)/big.txt'", "big.txt is larger than 4 MiB"),
                ("render --layers --model '\(dir)/big.txt'", "big.txt' is larger than 4 MiB"),
            ] {
                let r = shell("timeout 20 '\(Binary.path)' \(arguments) < /dev/null")
                #expect(r.status == 64 || r.status == 1, "\(arguments): status \(r.status), \(r.err.prefix(300))")
                #expect(r.err.contains(message), "\(arguments): \(r.err.prefix(300))")
            }
        }
    }

    @Test(arguments: ["", "--coverage --format text"])
    func aStackWithAHugeMapIsRefusedBeforeComputing(_ extra: String) {
        let layers = "--layer 'Conv2d(3, 64, 32)' --layer 'ConvTranspose2d(64, 64, 32, stride=32)' --h-in 1024 --w-in 1024"
        let r = shell("'\(Binary.path)' render \(layers) \(extra) < /dev/null")
        #expect(r.status == 64, "\(r.status): \(r.err.prefix(300))")
        #expect(r.err.contains("layer (1) makes a map of 1×64×31776×31776"), "\(r.err.prefix(300))")
        #expect(r.err.split(separator: "\n").count == 1 && r.out.isEmpty)
        // The shapes alone are still there.
        let table = shell("'\(Binary.path)' render \(layers) --layers < /dev/null")
        #expect(table.status == 0 && table.out.contains("1×64×31776×31776"))
    }
}
