import Foundation
import Testing
@testable import ConvCore

/// A torch.fx print of a 1-D or 3-D model (Fixtures/fx_family, made by
/// scripts/make_fx_family_prints.py) is refused in one line naming the first node convscope does
/// not trace, its code line and the module it calls.
struct FxFamilyRefusalTests {
    struct Nodes: Decodable {
        struct Node: Decodable { let name: String; let `class`: String? }
        let nodes: [Node]
    }

    @Test(arguments: [("sequence_head", "sequences [1, C, L]"), ("volume_head", "volumes [1, C, D, H, W]")])
    func theFirstFamilyNodeIsNamed(_ name: String, _ takes: String) throws {
        let directory = StackFixtureFile.directory.appendingPathComponent("fx_family")
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
        let nodes = try JSONDecoder().decode(Nodes.self, from: Data(contentsOf: directory.appendingPathComponent(name + ".json"))).nodes
        let first = try #require(nodes.first { $0.class?.hasSuffix("1d") == true || $0.class?.hasSuffix("3d") == true })
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let line = try #require(lines.firstIndex { String($0).trimmingSpaces.hasPrefix("\(first.name) = self.") }) + 1
        #expect(FxModelReader.isTracedPrint(text))
        do {
            _ = try FxModelReader.read(text)
            Issue.record("\(name) was read")
        } catch {
            #expect(error.message.hasPrefix("line \(line): \(first.name) = self.\(first.name)(x): at column 1: \(first.class!) takes \(takes)"),
                    "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }
}
