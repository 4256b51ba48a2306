import Foundation
import Testing

/// A flag the course screen's layer kind would ignore, or a file its layer cannot read, is
/// refused: one line naming the flag and what the kind takes, exit 64, nothing on stdout.
@Suite("No flag the layer kind ignores")
struct KindFlagRefusalTests {
    static let inputs = Binary.root + "/Tests/EndToEndTests/inputs"
    static let files = Binary.root + "/Tests/ConvCoreTests/Fixtures/course_kind_files"

    /// (flags, words the one line must contain)
    static let refused: [(String, [String])] = [
        ("--output-padding 1", ["--output-padding 1 does not apply to a Conv2d", "--layer-kind ConvTranspose2d"]),
        ("--output-padding-h 1 --layer-kind Conv2d", ["--output-padding-h 1 does not apply to a Conv2d"]),
        ("--layer-kind Conv1d --output-padding-w 1", ["--output-padding-w 1 does not apply to a Conv1d"]),
        ("--layer-kind Conv1d --stride-h 2", ["--stride-h 2 does not apply to a Conv1d", "--stride-w"]),
        ("--layer-kind Conv1d --kernel-size-h 3", ["--kernel-size-h 3 does not apply to a Conv1d", "--kernel-size-w"]),
        ("--layer-kind Conv1d --padding 1x2", ["--padding 1x2 does not apply to a Conv1d", "--padding-w"]),
        ("--layer-kind Conv1d --dilation-h 2", ["--dilation-h 2 does not apply", "--dilation-w"]),
        ("--layer-kind Conv1d --h-in 4", ["--h-in 4 does not apply to a Conv1d", "--w-in"]),
        ("--layer-kind Conv1d --kernel \(inputs)/kernel-3x3.npy", ["kernel-3x3.npy has shape (3, 3)", "(1, k)"]),
        ("--layer-kind Conv1d --input \(inputs)/numpy-2x5x6.npy", ["numpy-2x5x6.npy has shape (1, 2, 5, 6)", "(1, C, 1, L)"]),
        ("--layer-kind ConvTranspose2d --flip", ["--flip shows a Conv2d's true convolution", "ConvTranspose2d"]),
        ("--layer-kind Conv1d --flip", ["--flip", "the layer_kind row is Conv1d"]),
        ("--layer-kind ConvTranspose2d --padded", ["--padded draws a Conv2d's", "ConvTranspose2d"]),
        ("--layer-kind Conv1d --weights show", ["--weights show shows a Conv2d's kernel section", "Conv1d"]),
        ("--layer-kind Conv1d --panel cost", ["--panel cost: a Conv1d has no panels"]),
        ("--layer-kind ConvTranspose2d --kernel \(inputs)/kernel-4x3x2x2.npy --out-channels 2",
         ["kernel-4x3x2x2.npy", "(C_in, C_out/groups, kH, kW)"]),
    ]

    @Test(arguments: refused)
    func aFlagTheKindIgnoresIsOneUsageLine(_ flags: String, _ words: [String]) {
        let r = shell("'\(Binary.path)' render --format json \(flags)")
        #expect(r.status == 64, "\(flags): exit \(r.status)\n\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1, "\(flags): \(r.err)")
        for word in words { #expect(r.err.contains(word), "\(flags): should name \(word): \(r.err)") }
    }

    /// What the kind takes still runs: output_padding on a ConvTranspose2d, a shorthand whose
    /// halves agree on a Conv1d, files the kind's layer reads (a 4-D file in either kind's order).
    @Test(arguments: [
        "--layer-kind ConvTranspose2d --stride 2 --output-padding 1",
        "--layer-kind Conv1d --stride 2 --kernel-size 3",
        "--layer-kind Conv1d --input \(files)/s-2d-input.npy --kernel \(files)/s-2d-kernel.npy --out-channels 3",
        "--layer-kind ConvTranspose2d --kernel \(inputs)/kernel-3x3.npy",
        "--layer-kind ConvTranspose2d --kernel \(inputs)/kernel-4x3x2x2.npy --out-channels 3",
        "--kernel \(inputs)/kernel-4x3x2x2.npy --in-channels 3",
        "--layer-kind ConvTranspose2d --panel cost",
    ])
    func whatTheKindTakesRuns(_ flags: String) {
        expectRendersJSON(flags)
    }
}
