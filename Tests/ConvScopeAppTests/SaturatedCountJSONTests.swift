import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// A count convscope cannot state exactly is never written as if it were the count.
struct SaturatedCountJSONTests {
    static func table(_ layers: [String]) throws -> [String: Any] {
        let trace = StackTrace(inputShape: [1, 64, 1024, 1024], layers: try layers.map(LayerParser.parse))
        var json: [UInt8] = []
        var writer = StackJSONWriter { json += $0 }
        writer.writeTable(trace)
        return try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    @Test func aCountPastWhatConvscopeCanStateIsNullWithItsBound() throws {
        let big = "ConvTranspose2d(4096, 4096, 64, stride=64, dilation=64)"
        let table = try Self.table(["Conv2d(64, 4096, 1)", big, big])
        let nodes = try #require(table["nodes"] as? [[String: Any]])
        // Layer (1)'s count is stated exactly: 4096·4096·64·64 per input cell × 1024² cells.
        #expect((nodes[1]["mults"] as? NSNumber)?.int64Value == 72_057_594_037_927_936)
        #expect(nodes[1]["mults_exceeds"] == nil)
        // Layer (2)'s and the total's are over Int: null, with the bound they exceed.
        #expect(nodes[2]["mults"] is NSNull)
        #expect((nodes[2]["mults_exceeds"] as? NSNumber)?.int64Value == Int64.max)
        #expect(table["mults"] is NSNull)
        #expect((table["mults_exceeds"] as? NSNumber)?.int64Value == Int64.max)
        #expect((table["params"] as? NSNumber)?.int64Value == 137_439_227_904)
    }

    @Test func countsThatFitAreNumbersAsBefore() throws {
        let table = try Self.table(["Conv2d(64, 8, 3)"])
        #expect((table["params"] as? NSNumber)?.intValue == 64 * 8 * 9 + 8)  // weights and bias
        #expect(table["params_exceeds"] == nil && table["mults_exceeds"] == nil)
    }
}
