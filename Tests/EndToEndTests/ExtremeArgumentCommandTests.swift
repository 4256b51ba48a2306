import Foundation
import Testing

/// The binary at the ends of every argument a layer string takes, as a separate process so a trap
/// (SIGILL) fails one case instead of the run: the table (text and JSON), the values as JSON
/// and every kind of exercise question, each under `ulimit -v` so an unbounded allocation fails
/// too. Each ends with status 0 or 1 (a layer PyTorch refuses) or is refused with 64 in one line.
@Suite("Every argument at its ends, through the binary")
struct ExtremeArgumentCommandTests {
    /// Each kind with every argument at its largest, then at its smallest where that differs.
    static let layers = [
        "Conv2d(4096, 4096, 64, stride=64, padding=64, dilation=64, groups=4096, padding_mode='circular')",
        "Conv2d(4096, 4096, 64, stride=1, padding='same', dilation=64)",
        "Conv2d(1, 1, 64, stride=1, padding=64, dilation=64, padding_mode='reflect')",
        "ConvTranspose2d(4096, 4096, 64, stride=64, padding=64, output_padding=63, dilation=64, groups=4096)",
        "ConvTranspose2d(1, 1, 64, stride=64, padding=0, output_padding=63, dilation=64)",
        "MaxPool2d(64, stride=64, padding=32, dilation=64, ceil_mode=True)",
        "AvgPool2d(64, stride=64, padding=32, ceil_mode=True, count_include_pad=False, divisor_override=4096)",
        "BatchNorm2d(4096, eps=1e300, track_running_stats=False)", "LeakyReLU(negative_slope=1e300)", "Dropout2d(p=1.0)",
    ]

    /// 1 GiB of address space: far more than a bounded command needs, far less than one unbounded map.
    static func run(_ arguments: String, in dir: String) -> (status: Int32, out: String, err: String) {
        shell("cd '\(dir)' && bash -c \"ulimit -v 1048576; '\(Binary.path)' \(arguments)\" < /dev/null")
    }

    static func expectNoTrap(_ r: (status: Int32, out: String, err: String), _ what: String) {
        #expect([0, 1, 64].contains(r.status), "\(what): status \(r.status) \(r.err.prefix(300))")
        if r.status == 64 { #expect(r.err.split(separator: "\n").count == 1, "\(what): \(r.err.prefix(600))") }
    }

    @Test(arguments: layers)
    func tablesAndValuesHoldAtTheEnds(_ layer: String) {
        withTemporaryDirectory("extreme-render") { dir in
            let channels = layer.hasPrefix("Conv") || layer.hasPrefix("Batch") ? "" : "--in-channels 4096 "
            for (side, copies) in [(1024, 1), (1024, 3), (1, 3)] {
                let stack = Array(repeating: "--layer \\\"\(layer)\\\"", count: copies).joined(separator: " ")
                let input = "--h-in \(side) --w-in \(side) \(channels)\(stack)"
                for command in ["render --layers \(input)", "render --layers --format json \(input)",
                                "render --format json \(input) -o out.json"] {
                    Self.expectNoTrap(Self.run(command, in: dir), command)
                }
            }
        }
    }

    /// Every question kind on the largest Conv2d and ConvTranspose2d and on a value past float32.
    @Test(arguments: ["shape", "size", "value", "padding", "stride", "kernel", "output_padding", "rf", "params", "mults",
                      "dense_params", "dense_mults", "valid"])
    func everyQuestionKindAnswersOrRefuses(_ ask: String) throws {
        try withTemporaryDirectory("extreme-ask") { dir in
            let extra = switch ask {
            case "value": "cell = [0, 0, 0]\n"
            case "stride", "kernel", "output_padding": "target = [9223372036854775807, 1]\n"
            default: ""
            }
            for (layer, input) in [("ConvTranspose2d(4096, 4096, 64, stride=64, dilation=64)", "[1, 4096, 1024, 1024]"),
                                   ("Conv2d(4096, 4096, 1)", "[1, 4096, 1024, 1024]"), ("Conv2d(1, 1, 64, dilation=64)", "[1, 1, 1024, 1024]"),
                                   ("LeakyReLU(negative_slope=1e300)", "[1, 1, 8, 8]")] {
                let lab = "title = \"t\"\n[[exercise]]\nid = \"x\"\nlayer = \"\(layer)\"\ninput = \(input)\nask = \"\(ask)\"\n\(extra)"
                try Data(lab.utf8).write(to: URL(fileURLWithPath: dir + "/lab.toml"))
                Self.expectNoTrap(Self.run("exercise lab.toml --answers /dev/null", in: dir), "\(ask) on \(layer)")
                Self.expectNoTrap(Self.run("exercise lab.toml --key", in: dir), "--key \(ask) on \(layer)")
            }
        }
    }
}
