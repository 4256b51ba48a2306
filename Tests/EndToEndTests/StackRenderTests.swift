import Foundation
import Testing

/// `convscope render --layer/--model`: a pasted model, a broken channel count, the U-Net paper's
/// sizes, JSON against PyTorch's fixtures, coverage counts and bad stack inputs, all through the
/// real binary.
@Suite("Stacks on the command line")
struct StackRenderTests {
    static let fixtures = Binary.root + "/Tests/ConvCoreTests/Fixtures"
    static let models = fixtures + "/models"

    /// The PyTorch fixtures of scripts/make_stack_fixtures.py, as plain JSON.
    nonisolated(unsafe) static let pytorch: [String: Any] = {
        let data = FileManager.default.contents(atPath: fixtures + "/pytorch_stacks.json")!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func render(_ arguments: String) -> (status: Int32, out: String, err: String) {
        shell("'\(Binary.path)' render \(arguments) < /dev/null")
    }

    static func layerFlags(_ layers: [String]) -> String { layers.map { "--layer " + quoted($0) }.joined(separator: " ") }

    /// The table row of the layer named `name`: `(name)  module  output …`.
    static func row(_ table: String, _ name: String) -> String? {
        table.split(separator: "\n").map(String.init).first { $0.hasPrefix("(\(name)) ") }
    }

    /// The table row of layer `index` by position (the index-th row, whatever its name).
    static func row(_ table: String, _ index: Int) -> String? {
        let rows = table.split(separator: "\n").map(String.init).filter { $0.hasPrefix("(") }
        return rows.indices.contains(index) ? rows[index] : nil
    }

    static func shapeText(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }

    static func model(_ file: String) -> [String: Any] {
        (pytorch["models"] as! [[String: Any]]).first { $0["file"] as? String == file }!
    }

    @Test func pastedEncoderDecoderShowsEveryLayer() {
        let expected = Self.model("encoder_decoder.txt")
        let input = expected["input_shape"] as! [Int]
        let r = Self.render("--model '\(Self.models)/encoder_decoder.txt' --h-in \(input[2]) --w-in \(input[3]) --layers")
        #expect(r.status == 0, "\(r.err)")
        let reprs = expected["reprs"] as! [String], shapes = expected["shapes"] as! [[Int]]
        #expect(reprs.count == 13)
        for (index, (repr, shape)) in zip(reprs, shapes).enumerated() {
            let row = Self.row(r.out, index) ?? ""
            #expect(row.contains(repr) && row.contains(Self.shapeText(shape) + " "), "layer \(index): \(row)")
        }
        let line = r.out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(line == ([input] + shapes).map(Self.shapeText).joined(separator: " → "))
        #expect(r.out.contains("total: 9,281 parameters"))
    }

    @Test func brokenChannelCountShowsPyTorchsMessageAtThatLayer() throws {
        let expected = Self.model("broken_channels.txt")
        let input = expected["input_shape"] as! [Int]
        let error = expected["error"] as! [String: Any]
        let message = error["message"] as! String
        let flags = "--model '\(Self.models)/broken_channels.txt' --h-in \(input[2]) --w-in \(input[3])"
        let table = Self.render(flags + " --layers")
        #expect(table.status == 1)
        #expect(Self.row(table.out, 2)?.contains("✗ broken") == true)
        #expect(table.out.contains("✗ RuntimeError: " + message), "\(table.out)")
        #expect(Self.row(table.out, 3)?.contains("not run") == true)
        let json = Self.render(flags)
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect(object["error"] as? String == message)
        #expect(object["layer"] as? Int == error["layer"] as? Int)
        #expect((object["layers"] as? [Any])?.count == 2, "the layers before it ran and are printed")
    }

    @Test func uNetPaperTakes572To388ThroughEverySize() {
        let unet = (Self.pytorch["unets"] as! [[String: Any]]).first { $0["tag"] as? String == "unet-paper-572" }!
        let layers = unet["layers"] as! [String], shapes = unet["shapes"] as! [[Int]]
        let r = Self.render("--h-in 572 --w-in 572 --layers " + Self.layerFlags(layers))
        #expect(r.status == 0, "\(r.err)")
        #expect(shapes.count == layers.count && shapes.last == [1, 2, 388, 388])
        for (index, shape) in shapes.enumerated() {
            #expect(Self.row(r.out, index)?.contains(" " + Self.shapeText(shape) + " ") == true, "layer \(index)")
        }
        #expect(r.out.contains("output 1×2×388×388"))
    }

    @Test func paddedUNetAt572BreaksAtItsFirstCatAndSaysWhichOutputPaddingRepairsIt() {
        let unet = (Self.pytorch["unets"] as! [[String: Any]]).first { $0["tag"] as? String == "unet-padded-572" }!
        let error = unet["error"] as! [String: Any]
        let index = error["layer"] as! Int
        let r = Self.render("--h-in 572 --w-in 572 --layers " + Self.layerFlags(unet["layers"] as! [String]))
        #expect(r.status == 1)
        #expect(r.out.contains("✗ RuntimeError: " + (error["message"] as! String)))
        #expect(r.out.contains("note (\(index - 1)): output_padding=1 would give 71×71 like"),
                "\(r.out)")
    }

    /// Reprs, shapes and messages of random PyTorch stacks (the values differ: the fixtures use
    /// random weights, render the course notebook's all-ones).
    @Test func jsonMatchesPyTorchsShapesAndMessages() throws {
        let stacks = (Self.pytorch["stacks"] as! [[String: Any]]).prefix(20)
        for stack in stacks {
            let input = stack["input_shape"] as! [Int]
            let r = Self.render("--in-channels \(input[1]) --h-in \(input[2]) --w-in \(input[3]) "
                                + Self.layerFlags(stack["layers"] as! [String]))
            let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            let tag = stack["tag"] as! String
            if let construction = stack["construction_error"] as? [String: Any] {
                #expect(r.status == 1 && object["error"] as? String == construction["message"] as? String, "\(tag)")
                #expect(object["layer"] as? Int == construction["layer"] as? Int, "\(tag)")
                continue
            }
            let results = stack["results"] as! [[String: Any]]
            let layers = object["layers"] as! [[String: Any]]
            #expect(layers.count == results.count, "\(tag)")
            #expect(object["input_shape"] as? [Int] == input)
            for (mine, theirs) in zip(layers, results) {
                #expect(mine["output_shape"] as? [Int] == theirs["output_shape"] as? [Int], "\(tag)")
                let module = mine["module"] as! String
                if !module.hasPrefix("Cat(") { #expect(module == theirs["repr"] as? String, "\(tag)") }
                let hasWeight = module.hasPrefix("Conv")
                #expect((mine["weight"] is NSNull) != hasWeight, "\(tag): weight null exactly where the layer has none")
            }
            if let error = stack["error"] as? [String: Any] {
                #expect(r.status == 1 && object["layer"] as? Int == error["layer"] as? Int, "\(tag)")
                if (error["message"] as! String).hasPrefix("convscope:") == false {
                    #expect(object["error"] as? String == error["message"] as? String, "\(tag)")
                }
            } else {
                #expect(r.status == 0 && object["error"] == nil, "\(tag)")
            }
        }
    }

    /// Checked by hand: a 2×2 kernel at stride 3 reads rows and columns 0, 1, 3, 4 of 7 once
    /// each and never 2, 5, 6; a 3×3 transposed kernel at stride 2 writes the overlap columns
    /// 2 and 4 of 7 twice, the rest once: products of the two axes.
    @Test func coverageCountsOnHandCheckedCases() throws {
        let strided = Self.render("--h-in 7 --w-in 7 --kernel-size 2 --stride 3 --coverage --format text")
        #expect(strided.status == 0)
        let axis = [1, 1, 0, 1, 1, 0, 0]
        let grid = axis.map { r in axis.map { String(r * $0) }.joined(separator: " ") }
        #expect(strided.out.contains(grid.joined(separator: "\n") + "\n0 = never read, n = read by n windows; "
                                     + "min 0, max 1, 33 of 49 cells never read"), "\(strided.out)")
        let transposed = Self.render("--h-in 3 --w-in 3 --coverage --layer 'ConvTranspose2d(1, 1, 3, stride=2)'")
        #expect(transposed.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(transposed.out.utf8)) as! [String: Any]
        let layer = (object["layers"] as! [[String: Any]])[0]
        let writes = [1, 1, 2, 1, 2, 1, 1]
        #expect(layer["coverage_of"] as? String == "output")
        #expect(layer["coverage"] as? [[Int]] == writes.map { r in writes.map { r * $0 } })
    }

    @Test func aMismatchedInputChannelCountIsPyTorchsErrorAtLayer0() throws {
        let r = Self.render("--in-channels 2 --h-in 16 --w-in 16 --layer 'Conv2d(3, 8, 3)'")
        #expect(r.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(object["input_shape"] as? [Int] == [1, 2, 16, 16])
        #expect((object["layers"] as? [Any])?.isEmpty == true)
        #expect(object["error"] as? String == "Given groups=1, weight of size [8, 3, 3, 3], expected "
                + "input[1, 2, 16, 16] to have 3 channels, but got 2 channels instead")
        #expect(object["layer"] as? Int == 0)
        // Without --in-channels the input takes the first layer's 3 channels.
        #expect(Self.render("--h-in 16 --w-in 16 --layer 'Conv2d(3, 8, 3)'").status == 0)
    }

    /// (arguments, exit status, words the one line must hold)
    static let badInputs: [(String, Int32, [String])] = [
        ("--layer 'Linear(3, 4)' --layer 'Flatten()'", 64, ["Linear at (0), Flatten at (1) are not supported", "Conv2d"]),
        ("--layer 'Conv2d(3, 8, 3, strid=2)'", 64, ["strid", "column 17", "stride"]),
        ("--layer 'Conv2d(3, 8, 3'", 64, ["Conv2d(3, 8, 3", "column 15"]),
        ("--layer 'Conv2d(3, 8, 3)' --kernel-size 3", 64, ["--kernel-size", "layer string"]),
        ("--layer 'Conv2d(3, 8, 3)' --model x.txt", 64, ["--layer and --model"]),
        ("--model /nonexistent/model.txt", 64, ["/nonexistent/model.txt", "does not exist"]),
        ("--model /tmp", 64, ["--model '/tmp' is a directory"]),
        ("--model '\(models)/unsupported.txt'", 64, ["Flatten at (1), Linear at (2) are not supported"]),
        ("--layer 'Conv2d(3, 8, 3)' --format svg", 64, ["--format svg", "json or text"]),
        ("--layer 'Conv2d(3, 8, 3)' --inspect 0,0,0", 64, ["--inspect", "json or text"]),
        ("--model ''", 64, ["--model needs a file name"]),
        ("--layer 'Conv2d(4, 6, 3, groups=4)' --format text", 1,
         ["layer (0)", "ValueError: out_channels must be divisible by groups"]),
        ("--layer 'Conv2d(3, 8, 3)' --layer 'Cat(x)'", 64, ["Cat(x)", "column"]),
    ]

    @Test(arguments: badInputs)
    func badStackInputIsOneLine(_ arguments: String, _ status: Int32, _ words: [String]) {
        let r = Self.render(arguments)
        #expect(r.status == status, "\(arguments): exit \(r.status)\n\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(arguments): one line, got:\n\(r.err)")
        for word in words { #expect(r.err.contains(word), "\(arguments): should name \(word): \(r.err)") }
        #expect(r.out.isEmpty, "\(arguments): nothing on stdout")
    }

    @Test func modelFromStandardInputWithACatLine() {
        let r = shell("'\(Binary.path)' render --layers --h-in 16 --w-in 16 --model - < '\(Self.models)/skip.txt'")
        #expect(r.status == 0, "\(r.err)")
        // The Cat is named cat and renumbers nothing: the print's (6) stays (6).
        #expect(Self.row(r.out, "cat")?.contains("Cat(1)") == true && Self.row(r.out, "cat")?.contains("1×16×16×16") == true,
                "\(r.out)")
        #expect(Self.row(r.out, "6")?.contains("Conv2d(16, 8,") == true, "\(r.out)")
    }
}
