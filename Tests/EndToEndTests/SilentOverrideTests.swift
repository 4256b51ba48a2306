import Foundation
import Testing

/// A flag that another flag would silently override is refused: one line naming both flags and
/// why, exit 64, nothing on stdout. (Shorthand vs h/w flags and a flag given twice: CommandLineTests.)
@Suite("No flag silently ignored")
struct SilentOverrideTests {
    static let inputs = Binary.root + "/Tests/EndToEndTests/inputs"

    /// (flags, words the one line must contain)
    static let cases: [(String, [String])] = [
        ("--padding same --padding-h 2", ["--padding-h 2 would be ignored", "--padding same sets padding_h"]),
        ("--padding valid --padding-w 1", ["--padding-w 1 would be ignored", "--padding valid sets padding_w"]),
        ("--input \(inputs)/numpy-2x5x6.npy --h-in 4", ["--h-in 4 would be ignored", "numpy-2x5x6.npy sets h_in"]),
        ("--w-in 4 --input \(inputs)/gradient-7x4.pgm", ["--w-in 4 would be ignored", "gradient-7x4.pgm sets w_in"]),
        ("--input \(inputs)/numpy-2x5x6.npy --in-channels 2", ["--in-channels 2 would be ignored", "sets in_channels"]),
        ("--kernel \(inputs)/kernel-3x3.npy --kernel-size 5", ["--kernel-size 5 would be ignored", "kernel-3x3.npy sets kernel_size_h"]),
        ("--kernel \(inputs)/kernel-3x3.npy --kernel-size-w 3", ["--kernel-size-w 3 would be ignored", "sets kernel_size_w"]),
        ("--kernel \(inputs)/kernel-4x3x2x2.npy --out-channels 4", ["--out-channels 4 would be ignored", "kernel-4x3x2x2.npy sets out_channels"]),
        ("--layers --padding-mode reflect", ["--padding-mode", "--layers", "--layer"]),
        ("--coverage --bias 1", ["--bias", "--coverage"]),
        ("--layer 'Conv2d(3, 2, 3)' --input checker", ["--input", "does not take it"]),
        ("--layer 'Conv2d(3, 2, 3)' --groups 2", ["--groups", "layer string"]),
        ("--layer 'Conv2d(3, 2, 3)' --weights show", ["--weights", "--layer"]),
    ]

    @Test(arguments: cases)
    func overridingFlagsAreOneUsageLine(_ flags: String, _ words: [String]) {
        let r = shell("'\(Binary.path)' render --format json \(flags)")
        #expect(r.status == 64, "\(flags): exit \(r.status)\n\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.split(separator: "\n").count == 1, "\(flags): \(r.err)")
        for word in words { #expect(r.err.contains(word), "\(flags): should name \(word): \(r.err)") }
    }

    /// The stack screen draws no kernel section: `--weights` with a stack is refused there too.
    @Test func weightsWithAStackOnTheScreen() {
        let r = shell("'\(Binary.path)' --layer 'Conv2d(3, 2, 3)' --weights hide </dev/null")
        #expect(r.status == 64 && r.err.split(separator: "\n").count == 1 && r.err.contains("stack screen has none"), "\(r.err)")
    }

    /// Combinations that mean something still run: a 4-D kernel with the channels it fits, a
    /// file of the size the sliders say being no different from any file, the mode with no padding.
    @Test(arguments: [
        "--kernel \(inputs)/kernel-4x3x2x2.npy --in-channels 3",
        "--input \(inputs)/numpy-2x5x6.npy --kernel \(inputs)/kernel-3x3.npy --out-channels 1",
        "--padding-mode reflect",
        "--padding explicit --padding-h 1",
    ])
    func meaningfulCombinationsRun(_ flags: String) {
        expectRendersJSON(flags)
    }
}
