import Foundation
import Testing

/// One rule decides whether a layer's values are computed, however the layer is given: a stack's
/// all-ones Conv2d takes the window-sum path the parameter flags' single layer takes, and its
/// cost is counted as computed.
@Suite("One cost rule")
struct OneCostRuleTests {
    static func json(_ arguments: String) throws -> [String: Any] {
        let r = shell("'\(Binary.path)' render --format json \(arguments) < /dev/null")
        #expect(r.status == 0, "\(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any] ?? [:]
    }

    @Test func aLayerGivenByFlagsOrByLayerHasTheSameValues() throws {
        let flags = try Self.json("--h-in 16 --w-in 12 --in-channels 3 --out-channels 8 --kernel-size 5 --padding 2 --stride 2")
        let stack = try Self.json("--h-in 16 --w-in 12 --layer 'Conv2d(3, 8, 5, stride=2, padding=2)'")
        let layers = stack["layers"] as? [[String: Any]] ?? []
        #expect(layers.count == 1)
        #expect((flags["output"] as? NSArray) == (layers.first?["output"] as? NSArray))
    }

    @Test func theLargestSingleLayerIsComputedAsALayerToo() {
        let r = shell("bash -c \"ulimit -v 2097152; '\(Binary.path)' render --format json --h-in 1024 --w-in 1024 "
                      + "--layer 'Conv2d(64, 64, 32)' -o /dev/null\" < /dev/null")
        #expect(r.status == 0, "\(r.err)")
    }
}
