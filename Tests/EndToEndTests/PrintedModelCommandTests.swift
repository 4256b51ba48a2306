import Foundation
import Testing

/// `render --model` with real torchvision prints, through the binary: an exact trace or status 64
/// naming the container; never a trace of another network with status 0 or 1.
@Suite("print(model) on the command line")
struct PrintedModelCommandTests {
    static let prints = Binary.root + "/Tests/ConvCoreTests/Fixtures/model_prints"

    static func fixture(_ id: String) -> [String: Any] {
        let data = FileManager.default.contents(atPath: "\(prints)/\(id).json")!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func render(_ id: String, _ flags: String = "--layers") -> (status: Int32, out: String, err: String) {
        let input = fixture(id)["input_shape"] as! [Int]
        return StackRenderTests.render("--model '\(prints)/\(id).txt' --in-channels \(input[1]) --h-in \(input[2]) "
                                       + "--w-in \(input[3]) \(flags)")
    }

    static let ids: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: prints)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Every real print, through the binary: status 64 naming the container, or status 0 with
    /// PyTorch's shapes and parameters (where the print hid a setting, the note says so instead).
    @Test(arguments: ids)
    func everyRealPrintIsTracedExactlyOrRefusedByName(_ id: String) throws {
        let f = Self.fixture(id)
        if f["expect"] as? String == "refuse" {
            for flags in ["--layers", "--layers --format json", "--format json"] {
                let r = Self.render(id, flags)
                #expect(r.status == 64, "\(id) \(flags): \(r.err)")
                #expect(r.out.isEmpty)
                let name = f["container_name"] as! String
                let place = name.isEmpty ? "\(f["container"]!):" : "\(f["container"]!) at (\(name)):"
                #expect(r.err.contains("line \(f["container_line"]!): \(place) print(model) does not show its forward")
                        || r.err.contains("line \(f["container_line"]!): \(place) a ModuleList only holds modules"), "\(r.err)")
                #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
            }
            return
        }
        let r = Self.render(id, "--layers --format json")
        #expect(r.status == 0, "\(id): \(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let expected = f["nodes"] as! [[String: Any]]
        #expect(nodes.map { $0["name"] as! String } == expected.map { $0["name"] as! String })
        #expect(nodes.map { $0["params"] as! Int } == expected.map { $0["params"] as! Int })
        #expect(json["params"] as? Int == f["params"] as? Int)
        let hidden = expected.filter { $0["print_hides"] != nil }
        if hidden.isEmpty {
            #expect(nodes.map { $0["output_shape"] as! [Int] } == expected.map { $0["output_shape"] as! [Int] })
            #expect(json["output_shape"] as? [Int] == f["output_shape"] as? [Int])
            // Only what a print hides may be said (an AvgPool2d at its defaults is still an assumption).
            #expect(r.err.split(separator: "\n").allSatisfy { $0.contains("its print does not show") }, "\(r.err)")
        } else {
            for node in hidden { #expect(r.err.contains("AvgPool2d at (\(node["name"]!)): its print does not show")) }
        }
    }

    /// `--layers --format json`: the table as JSON, names, inputs, shapes, parameters and fields.
    @Test func theTableAsJSONCarriesThePrintsNames() throws {
        let f = Self.fixture("nested_sequential")
        let r = Self.render("nested_sequential", "--layers --format json")
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let expected = f["nodes"] as! [[String: Any]]
        #expect(nodes.map { $0["name"] as! String } == expected.map { $0["name"] as! String })
        #expect(nodes.map { $0["target"] as! String } == expected.map { $0["name"] as! String })
        #expect(nodes.map { $0["output_shape"] as! [Int] } == expected.map { $0["output_shape"] as! [Int] })
        #expect(nodes.map { $0["params"] as! Int } == expected.map { $0["params"] as! Int })
        #expect(nodes.first?["inputs"] as? [String] == ["input"])
        #expect(nodes[1]["inputs"] as? [String] == [expected[0]["name"] as! String])
        #expect(nodes.first?["op"] as? String == "Conv2d")
        #expect(nodes.first?["rf"] as? [Int] == [3, 3] && nodes.first?["jump"] as? [Int] == [1, 1])
        #expect(json["output_shape"] as? [Int] == f["output_shape"] as? [Int])
        #expect(json["params"] as? Int == f["params"] as? Int)
        #expect(json["mults"] as? Int == nodes.reduce(0) { $0 + ($1["mults"] as! Int) })
        #expect(json["input_shape"] as? [Int] == f["input_shape"] as? [Int])
    }

    /// A Cat reads two nodes, by the print's names; a broken real Sequential keeps PyTorch's own message.
    @Test func catReadsTwoNodesAndABrokenChainKeepsPyTorchsMessage() throws {
        let unet = "Sequential(\n  (0): Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n  (1): ReLU()\n"
            + "  # cat 0\n  (2): Conv2d(8, 2, kernel_size=(1, 1), stride=(1, 1))\n)\n"
        let r = shell("printf '%s' \(StackRenderTests.quoted(unet)) | '\(Binary.path)' render --model - --layers --format json")
        #expect(r.status == 0, "\(r.err)")
        let nodes = try #require((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])?["nodes"]
            as? [[String: Any]])
        #expect(nodes.map { $0["name"] as! String } == ["0", "1", "cat", "2"])
        #expect(nodes[2]["inputs"] as? [String] == ["0", "1"])
        #expect(nodes[2]["target"] as? String == "cat" && nodes[2]["op"] as? String == "Cat")
        let text = shell("printf '%s' \(StackRenderTests.quoted(unet)) | '\(Binary.path)' render --model - --layers")
        #expect(text.out.contains("\n(2)    Conv2d(8, 2,") || text.out.contains("\n(2)  "), "\(text.out)")
        let broken = StackRenderTests.render("--model '\(StackRenderTests.models)/broken_channels.txt' --layers --format json")
        #expect(broken.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(broken.out.utf8)) as? [String: Any])
        #expect((json["error"] as? String)?.hasPrefix("Given groups=1, weight of size") == true, "\(broken.out)")
        #expect(json["name"] as? String != nil && json["layer"] as? Int != nil)
    }

    /// AvgPool2d's print hides ceil_mode and count_include_pad: one line on standard error per
    /// layer and a note under its row; written in, they are used.
    @Test func whatAPrintHidesIsSaid() {
        let r = Self.render("avgpool_ceil_mode")
        #expect(r.status == 0)
        let note = "AvgPool2d at (1): its print does not show ceil_mode, count_include_pad or divisor_override; "
            + "PyTorch's defaults (False, True, None) assumed"
        #expect(r.err.contains("convscope: " + note), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 2)
        #expect(r.out.contains("(1)  AvgPool2d(kernel_size=2, stride=2, padding=0)"))
        #expect(r.out.contains("\n    assumed ceil_mode=False, count_include_pad=True, divisor_override=None, PyTorch's defaults"), "\(r.out)")
        let written = shell("printf 'AvgPool2d(2, ceil_mode=True, count_include_pad=False, divisor_override=None)\\n' | "
                            + "'\(Binary.path)' render --model - --layers --in-channels 1 --h-in 7 --w-in 7")
        #expect(written.err.isEmpty, "\(written.err)")
        #expect(written.out.hasPrefix("1×1×7×7 → 1×1×4×4"), "\(written.out)")
    }
}
