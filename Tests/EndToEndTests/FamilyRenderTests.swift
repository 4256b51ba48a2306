import ConvCore
import Foundation
import Testing

/// `render --view`, `--flip`, `--input-shape` and `--causal` through the real binary.
@Suite("The convolution family on the command line")
struct FamilyRenderTests {
    static func render(_ arguments: String) -> (status: Int32, out: String, err: String) {
        shell("'\(Binary.path)' render \(arguments) < /dev/null")
    }

    static let transposed = "--layer 'ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)' --h-in 4 --w-in 4"

    @Test func aTransposedConvolutionIsExplainedAsADirectOneWithEqualSums() {
        let r = Self.render(Self.transposed + " --view direct --format text --inspect 2,3,4 --size 140x40")
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        let totals = lines.filter { $0.hasPrefix("direct:") || $0.hasPrefix("scatter:") }
            .map { $0.components(separatedBy: " = ")[1] }
        #expect(r.out.contains("→ 8×10×10"))
        #expect(r.out.contains("both forms give the same sum"))
        #expect(totals.count == 2 && Set(totals).count == 1, "\(totals)")
    }

    @Test func theScatterViewExportsAsSVG() {
        let r = Self.render(Self.transposed + " --view scatter --format svg")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("<?xml") || r.out.hasPrefix("<svg"))
        #expect(r.out.contains("stamps per output cell"))
    }

    @Test func aNodeOfAStackIsExplainedOnWhatTheLayersBeforeItMake() {
        let stack = "--layer 'Conv2d(3, 8, 3, padding=1)' --layer 'ReLU()' --layer 'ConvTranspose2d(8, 4, 2, stride=2)' --h-in 3 --w-in 3"
        let r = Self.render(stack + " --view scatter --format text --size 140x40 --node 2")
        #expect(r.status == 0, "\(r.err)")
        // The Conv2d's output corner on the ramp (all-ones weights): 3 channels × (0 + 1) × 2 rows = 6.
        #expect(r.out.contains("scatter: out[0, 1, 1] = 48 = 1·6 + 1·6"))
        let wrong = Self.render(stack + " --view scatter --format text --node 1")
        #expect(wrong.status == 64 && wrong.err.contains("--node 1 names no ConvTranspose2d"))
    }

    @Test func theViewsRefuseWhatTheyCannotDraw() {
        let json = Self.render(Self.transposed + " --view direct --format json")
        #expect(json.status == 64 && json.err.contains("--view draws a picture: give --format text, ansi, svg or html."))
        let plain = Self.render("--layer 'Conv2d(3, 8, 3)' --view direct --format text")
        #expect(plain.status == 64 && plain.err.contains("--view direct explains a ConvTranspose2d"))
        let shape = Self.render("--layer 'Conv1d(3, 4, 3)' --input-shape 1,3")
        #expect(shape.status == 64 && shape.err.contains("allowed 1,C,L (a sequence) or 1,C,D,H,W (a volume)"))
    }

    @Test func aConv3dRunsOnAVolumeAsTheCoreComputesIt() throws {
        let r = Self.render("--layer 'Conv3d(3, 2, 3, padding=1, stride=(1, 2, 2))' --input-shape 1,3,8,8,8")
        #expect(r.status == 0, "\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let layer = (json["layers"] as! [[String: Any]])[0]
        #expect(layer["output_shape"] as? [Int] == [1, 2, 8, 4, 4])
        let parsed = try FamilyLayerParser.parse("Conv3d(3, 2, 3, padding=1, stride=(1, 2, 2))")
        let expected = try FamilyForward.run(parsed, input: TensorN.ramp(shape: [1, 3, 8, 8, 8]),
                                             weight: TensorN(shape: parsed.weightShape!, repeating: 1), bias: nil)
        #expect((layer["output"] as! [NSNumber]).map(\.floatValue) == expected.storage)
    }

    @Test func aVolumesInspectedCellLightsItsTapsAcrossSlices() {
        let r = Self.render("--layer 'Conv3d(1, 1, 3, padding=1)' --input-shape 1,1,4,4,4 --inspect 0,1,0,2 --format text --size 120x40")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("The last layer's output [1, 0, 2] reads 18 input positions"))
        let sliceRow = r.out.split(separator: "\n").first { $0.hasPrefix("0 1*2*3*   0 1*2*3*   0 1*2*3*   0 1 2 3") }
        #expect(sliceRow != nil, "\(r.out)")
        let outside = Self.render("--layer 'Conv3d(1, 1, 3)' --input-shape 1,1,4,4,4 --inspect 0,2,0,0 --format text")
        #expect(outside.status == 64 && outside.err.contains("is not a cell of the last output 1×2×2×2"))
    }

    @Test func hugeLayersAreOneLineNeverACrash() {
        let weights = Self.render("--layer 'Conv3d(4096, 4096, 3)' --input-shape 1,4096,3,3,3")
        #expect(weights.status == 64 && weights.err.contains("more than the 16777216 convscope computes for a 1-D or 3-D stack"))
        let refused = Self.render("--layer 'Conv3d(4096, 4096, 64)' --input-shape 1,4096,1,1,64")
        #expect(refused.status == 1 && refused.out.contains("Kernel size can't be greater than actual input size"))
        let view = Self.render("--layer 'ConvTranspose2d(1, 1, 64, stride=64)' --h-in 1024 --w-in 1024 --view direct --format text")
        #expect(view.status == 64 && view.err.contains("--view draws maps of at most 64×64 cells"))
        let picture = Self.render("--layer 'Conv3d(1, 1, 3)' --input-shape 1,1,64,64,64 --format text")
        #expect(picture.status == 64 && picture.err.contains("--format json for the values"))
    }

    @Test func aConv1dChannelMismatchIsPyTorchsMessage() {
        let r = Self.render("--layer 'Conv1d(2, 4, 3)' --input-shape 1,3,10 --layers")
        #expect(r.status == 1)
        #expect(r.out.contains("RuntimeError: Given groups=1, weight of size [4, 2, 3], expected input[1, 3, 10] to have 2 "
                               + "channels, but got 3 channels instead"))
    }

    @Test func aCausalDilatedStackNeverReadsTheFuture() {
        let layers = [1, 2, 4].map { "--layer 'Conv1d(1, 1, 2, dilation=\($0))'" }.joined(separator: " ")
        let r = Self.render(layers + " --input-shape 1,1,16 --causal --format text --size 120x40")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("output t = 15 reads inputs 8…15 (*), never a later one; receptive field 8."))
        #expect(r.out.contains("Receptive field after each layer: 2, 4, 8 (dilations 1, 2, 4)."))
        let padded = Self.render("--layer 'Conv1d(1, 1, 2, padding=1)' --input-shape 1,1,8 --causal --layers")
        #expect(padded.status == 1 && padded.out.contains("write the layer with padding=0"))
    }

    @Test func aPrintedConv1dModelIsRead() throws {
        let file = TestArea.root + "/conv1d_model.txt"
        try? FileManager.default.createDirectory(atPath: TestArea.root, withIntermediateDirectories: true)
        try """
        Sequential(
          (0): Conv1d(3, 8, kernel_size=(3,), stride=(1,), padding=(1,), padding_mode=reflect)
          (1): MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
        )
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let r = Self.render("--model '\(file)' --input-shape 1,3,10 --layers")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("(0) Conv1d(3, 8, kernel_size=(3,), stride=(1,), padding=(1,), padding_mode=reflect)  →  1×8×10  params 80  mults 720"))
        #expect(r.out.contains("(1) MaxPool1d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)  →  1×8×5"))
        let withoutShape = Self.render("--model '\(file)' --layers")
        #expect(withoutShape.status == 64 && withoutShape.err.contains("run in `convscope render` with --input-shape 1,C,L or 1,C,D,H,W"))
        let json = Self.render("--model '\(file)' --input-shape 1,3,10 --layers --format json")
        let table = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let rows = table["layers"] as! [[String: Any]]
        #expect(rows.map { $0["output_shape"] as? [Int] } == [[1, 8, 10], [1, 8, 5]])
        #expect(rows.map { $0["params"] as? Int } == [80, 0])
    }
}
