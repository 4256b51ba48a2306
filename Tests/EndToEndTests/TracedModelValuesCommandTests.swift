import Foundation
import Testing

/// `render --model FX_PRINT --format json`: every node's values through the binary, against what
/// torch computed (Fixtures/fx_values, scripts/make_fx_value_fixtures.py).
@Suite("torch.fx values on the command line")
struct TracedModelValuesCommandTests {
    static let values = Binary.root + "/Tests/ConvCoreTests/Fixtures/fx_values"

    /// Every tensor node of the U-Net with a crop and of the toy residual network: its shape and
    /// the sum of its values as torch's, within 1e-4 of the sum of magnitudes.
    @Test(arguments: ["toy_residual", "unet_paper"])
    func everyNodesValuesAsTorch(_ id: String) throws {
        let data = try #require(FileManager.default.contents(atPath: "\(Self.values)/\(id).json"))
        let f = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let input = f["input_shape"] as! [Int]
        let r = shell("'\(Binary.path)' render --model '\(TracedModelCommandTests.prints)/\(id).txt' --format json "
                      + "--in-channels \(input[1]) --h-in \(input[2]) --w-in \(input[3]) < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for node in nodes { byName[node["name"] as! String] = node }
        for expected in f["nodes"] as! [[String: Any]] {
            let name = expected["name"] as! String
            let node = try #require(byName[name], "\(name)")
            #expect(node["output_shape"] as? [Int] == expected["shape"] as? [Int], "\(name)")
            func flat(_ v: Any) -> [Double] { (v as? [Any]).map { $0.flatMap(flat) } ?? [(v as! NSNumber).doubleValue] }
            let sum = flat(node["output"]!).reduce(0, +)
            let want = expected["sum"] as! Double, scale = max(expected["abs_sum"] as! Double, 1e-30)
            #expect(abs(sum - want) <= 1e-4 * scale, "\(name): \(sum) vs \(want)")
        }
    }
}

extension TracedModelValuesCommandTests {
    /// A Linear whose in_features do not match the flattened map: every node before it has its
    /// values, then torch's message names the node, status 1.
    @Test func aBrokenGraphStreamsUpToTorchsMessage() throws {
        let r = shell("sed 's/Linear(in_features=8, out_features=10/Linear(in_features=16, out_features=10/' "
                      + "'\(TracedModelCommandTests.prints)/toy_residual.txt' | '\(Binary.path)' render --model - --format json "
                      + "--h-in 4 --w-in 4")
        #expect(r.status == 1, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["error"] as? String == "mat1 and mat2 shapes cannot be multiplied (1x8 and 16x10)")
        #expect(json["name"] as? String == "fc" && json["layer"] as? Int == 6)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.map { $0["name"] as! String } == ["conv1", "relu", "conv2", "add", "pool", "flatten"])
    }
}
