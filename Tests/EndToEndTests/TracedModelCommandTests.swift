import Foundation
import Testing

/// `render --model FILE --layers` with `print(torch.fx.symbolic_trace(model))` of real
/// torchvision models, through the binary: every node's shape and parameters as torch's ShapeProp.
@Suite("torch.fx prints on the command line")
struct TracedModelCommandTests {
    static let prints = Binary.root + "/Tests/ConvCoreTests/Fixtures/fx_prints"

    static func fixture(_ id: String) -> [String: Any] {
        let data = FileManager.default.contents(atPath: "\(prints)/\(id).json")!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test(arguments: ["resnet18", "squeezenet1_0", "mobilenet_v3_small", "unet_small"])
    func tableAsJSONEqualsShapeProp(_ id: String) throws {
        let f = Self.fixture(id)
        let input = f["input_shape"] as! [Int]
        let r = shell("'\(Binary.path)' render --model '\(Self.prints)/\(id).txt' --layers --format json --in-channels \(input[1]) "
                      + "--h-in \(input[2]) --w-in \(input[3]) < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        let expected = f["nodes"] as! [[String: Any]]
        #expect(nodes.map { $0["name"] as! String } == expected.map { $0["name"] as! String })
        #expect(nodes.map { $0["inputs"] as! [String] } == expected.map { $0["inputs"] as! [String] })
        #expect(nodes.map { $0["output_shape"] as! [Int] } == expected.map { $0["shape"] as! [Int] })
        #expect(json["params"] as? Int == f["params"] as? Int)
        #expect(json["output_shape"] as? [Int] == f["output_shape"] as? [Int])
    }

    /// The text table names a join's inputs; what the forward does that convscope does not follow
    /// is one line naming the code line; ShuffleNet's channel shuffle traces; values are the default output.
    @Test func joinsAreNamedAndWhatIsNotFollowedIsOneLine() {
        let table = shell("'\(Binary.path)' render --model '\(Self.prints)/resnet18.txt' --layers --h-in 224 --w-in 224 < /dev/null")
        #expect(table.status == 0)
        #expect(table.out.contains("← layer1_0_bn2 + maxpool"), "\(table.out.prefix(2000))")
        #expect(table.out.contains("total: 11,689,512 parameters"))
        let fft = shell("sed 's/conv2 = self.conv2(relu)/conv2 = torch.fft.fft2(relu)/' '\(Self.prints)/toy_residual.txt' | "
                        + "'\(Binary.path)' render --model - --layers")
        #expect(fft.status == 64)
        #expect(fft.err.contains("line 14: conv2 = torch.fft.fft2(relu): at column 1: convscope cannot follow torch.fft.fft2(…)"),
                "\(fft.err)")
        #expect(fft.err.split(separator: "\n").count == 1)
        let coverage = shell("'\(Binary.path)' render --model '\(Self.prints)/resnet18.txt' --coverage < /dev/null")
        #expect(coverage.status == 64 && coverage.err.contains("coverage and pictures take print(model)"), "\(coverage.err)")
        let values = shell("'\(Binary.path)' render --model '\(Self.prints)/resnet18.txt' < /dev/null")
        #expect(values.status == 0 && values.out.hasPrefix("{\"input_shape\": [1, 3, 8, 8]"), "\(values.err)")
        let shuffle = shell("'\(Binary.path)' render --model '\(Self.prints)/shufflenet_v2_x0_5.txt' --layers --format json "
                            + "--h-in 224 --w-in 224 < /dev/null")
        #expect(shuffle.status == 0 && shuffle.out.contains("\"output_shape\": [1, 1000], \"params\": 1366792"), "\(shuffle.err)")
    }
}

extension TracedModelCommandTests {
    /// `--depth 1` folds resnet18's layer1…layer4 into one row each, with their subtotals.
    @Test func depthFoldsBlocksWithSubtotals() {
        let r = shell("'\(Binary.path)' render --model '\(Self.prints)/resnet18.txt' --layers --depth 1 --h-in 224 --w-in 224 < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n").map(String.init)
        let layer1 = rows.first { $0.hasPrefix("layer1 ") } ?? ""
        // layer1: two BasicBlocks, 4 convolutions of 36,864 weights and 4 BatchNorms of 128.
        #expect(layer1.contains("(14 nodes)") && layer1.contains("147,968") && layer1.contains("1×64×56×56"), "\(layer1)")
        #expect(!r.out.contains("layer1_0_conv1"))
        #expect(rows.contains { $0.hasPrefix("fc ") } && r.out.contains("total: 11,689,512 parameters"))
        let json = shell("'\(Binary.path)' render --model '\(Self.prints)/resnet18.txt' --layers --depth 1 --format json < /dev/null")
        #expect(json.status == 64 && json.err.contains("--depth folds the text table"))
    }
}
