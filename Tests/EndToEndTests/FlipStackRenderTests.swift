import Foundation
import Testing

/// `render --layer … --flip --kernel PRESET` through the real binary: every Conv2d's kernel
/// flipped, each layer's values equal to PyTorch's (Tests/ConvCoreTests/Fixtures/pytorch_flip_stacks.json).
@Suite("A stack's true convolution on the command line")
struct FlipStackRenderTests {
    struct Case: Decodable {
        let layers: [String]
        let preset: String
        let input_shape: [Int]
        let outputs: [[Float]]
    }

    struct File: Decodable { let cases: [Case] }

    static func flat(_ value: Any) -> [Float] {
        if let list = value as? [Any] { return list.flatMap(flat) }
        return [(value as! NSNumber).floatValue]
    }

    @Test func everyLayersValuesArePyTorchsWithFlippedKernels() throws {
        let url = URL(fileURLWithPath: Binary.root + "/Tests/ConvCoreTests/Fixtures/pytorch_flip_stacks.json")
        let cases = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
        for c in cases.prefix(12) {
            let layers = c.layers.map { "--layer \"\($0)\"" }.joined(separator: " ")
            let r = shell("'\(Binary.path)' render \(layers) --flip --kernel \(c.preset) --h-in \(c.input_shape[2]) "
                          + "--w-in \(c.input_shape[3]) --in-channels \(c.input_shape[1]) < /dev/null")
            #expect(r.status == 0, "\(c.layers): \(r.err)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let written = (json["layers"] as! [[String: Any]]).map { Self.flat($0["output"]!) }
            #expect(written.count == c.outputs.count)
            for (mine, torch) in zip(written, c.outputs) {
                #expect(mine.count == torch.count && zip(mine, torch).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) },
                        "\(c.layers) \(c.preset)")
            }
        }
    }

    @Test func whatTheFlipOfAStackCannotDoIsOneLine() {
        let text = shell("'\(Binary.path)' render --layer 'Conv2d(1, 1, 3)' --flip --format text < /dev/null")
        #expect(text.status == 64 && text.err.contains("--flip with a stack writes every layer's values: give --format json"))
        let stride = shell("'\(Binary.path)' render --layer 'Conv2d(1, 1, 3)' --flip --stride 2 < /dev/null")
        #expect(stride.status == 64 && stride.err.contains("--stride with --flip and a stack: allowed --kernel PRESET"))
    }
}

/// `render --view direct|scatter` of a ConvTranspose1d through the real binary.
@Suite("A transposed sequence explained on the command line")
struct TransposedSequenceRenderTests {
    static let stack = "--layer 'Conv1d(1, 2, 2)' --layer 'ConvTranspose1d(2, 1, 3, stride=2, padding=1, output_padding=1)' --input-shape 1,1,6"

    @Test(arguments: ["direct", "scatter"])
    func bothFormsGivePyTorchsOutputAndTheSameSum(_ view: String) {
        let r = shell("'\(Binary.path)' render \(Self.stack) --view \(view) --format text --size 100x30 --inspect 0,3 < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        // torch: ConvTranspose1d(2, 1, 3, stride=2, padding=1, output_padding=1) of Conv1d(1, 2, 2) on arange(6.),
        // all weights 1, no bias: [2, 8, 6, 16, 10, 24, 14, 32, 18, 18].
        #expect(r.out.contains(" 2  8  6 16*10 24 14 32 18 18"), "\(r.out)")
        #expect(r.out.contains("direct: out[0, 0, 3] = 16") && r.out.contains("scatter: out[0, 0, 3] = 16"))
        #expect(r.out.contains("ConvTranspose1d(2, 1, kernel_size=(3,), stride=(2,), padding=(1,),"))
    }

    @Test func aCellOutsideOrNoTransposedLayerIsOneLine() {
        let outside = shell("'\(Binary.path)' render \(Self.stack) --view direct --format text --inspect 0,10 < /dev/null")
        #expect(outside.status == 64 && outside.err.contains("--inspect 0,10 is not a cell of the ConvTranspose1d's output 1×1×10"))
        let none = shell("'\(Binary.path)' render --layer 'Conv1d(1, 2, 2)' --input-shape 1,1,6 --view direct --format text < /dev/null")
        #expect(none.status == 64 && none.err.contains("--view direct on a sequence explains a ConvTranspose1d"))
    }
}

/// A torch.fx print of a 1-D or 3-D model on the command line: traced on --input-shape, its
/// values PyTorch's; a module it does not trace is one line naming the node.
@Suite("A traced 1-D or 3-D model on the command line")
struct TracedFamilyModelRenderTests {
    static let prints = Binary.root + "/Tests/ConvCoreTests/Fixtures/fx_family/"

    @Test func aSequenceModelsValuesArePyTorchs() throws {
        let r = shell("'\(Binary.path)' render --model '\(Self.prints)sequence_net.txt' --input-shape 1,2,8 --format json < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        let torch = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.prints + "sequence_net.json"))) as! [String: Any]
        let last = (torch["nodes"] as! [[String: Any]]).last!
        let expected = (last["values"] as! [NSNumber]).map { "\($0.intValue)" }.joined(separator: ", ")
        #expect(r.out.contains("[[" + expected + "]]") || r.out.contains("[" + expected + "]"), "\(expected) in \(r.out.suffix(400))")
        let table = shell("'\(Binary.path)' render --model '\(Self.prints)volume_head.txt' --input-shape 1,1,4,4,4 --layers < /dev/null")
        #expect(table.status == 0 && table.out.contains("1×2×4×4×4"), "\(table.out)\(table.err)")
        // Conv3d(1, 2, 3, padding=1): 2·1·27 + 2 = 56 parameters, a 3/1 window; MaxPool3d(2) a 2/2 one.
        #expect(table.out.contains("1×1×4×4×4  1×2×4×4×4  3/1      56") && table.out.contains("2/2"), "\(table.out)")
    }

    @Test(arguments: ["--input-shape 1,2,8 --layers", "--input-shape 1,2,8 --format json"])
    func aModuleNotTracedIsOneLineNamingItsNode(_ flags: String) {
        let r = shell("'\(Binary.path)' render --model '\(Self.prints)sequence_head.txt' \(flags) < /dev/null")
        #expect(r.status == 64 && r.out.isEmpty, "\(r.out)")
        #expect(r.err.contains("line 13: bn = self.bn(conv): at column 1: BatchNorm1d is not traced"), "\(r.err)")
    }

    @Test func theInputShapeGoesWithTheModelsDimensions() {
        let twoD = shell("'\(Binary.path)' render --model '\(Binary.root)/Tests/ConvCoreTests/Fixtures/fx_prints/alexnet.txt' "
                         + "--input-shape 1,3,8 --layers < /dev/null")
        #expect(twoD.status == 64 && twoD.err.contains("is a torch.fx print of a 2-D model: it takes --h-in, --w-in and --in-channels"))
        let oneD = shell("'\(Binary.path)' render --model '\(Self.prints)sequence_net.txt' --layers < /dev/null")
        #expect(oneD.status == 64 && oneD.err.contains("is a torch.fx print of a 1-D or 3-D model: give its input with --input-shape"))
    }
}
