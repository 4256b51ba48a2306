import Testing
@testable import ConvCore

/// The field passes through shape operations that keep each cell's height and width — a
/// round trip through NHWC with height and width merged into one axis — and is dropped by one
/// that mixes them with the channels.
@Suite struct GraphReshapeFieldTests {
    static func field(_ lines: [String], node: String) throws -> Field? {
        let t = try FxGraphOpsTests.trace(lines, input: [1, 4, 5, 6])
        #expect(t.failure == nil)
        return try #require(t.steps.first { $0.node.name == node }).field
    }

    @Test func nhwcRoundTripThroughAMergedAxisKeepsTheField() throws {
        let conv = try #require(try Self.field(["return conv"], node: "conv"))
        let lines = ["permute = conv.permute(0, 2, 3, 1)", "reshape = permute.reshape(1, 30, 4)", "transpose = reshape.transpose(1, 2)",
                     "reshape_1 = transpose.reshape(1, 4, 5, 6)", "relu = torch.relu(reshape_1)", "return relu"]
        #expect(try Self.field(lines, node: "reshape") == nil, "height and width merged: not a map's last two axes")
        #expect(try Self.field(lines, node: "reshape_1") == conv)
        #expect(try Self.field(lines, node: "relu") == conv)
        // A view that keeps the batch and channels as one axis keeps the map too.
        #expect(try Self.field(["view = conv.view(4, 5, 6)", "return view"], node: "view") == conv)
    }

    @Test func aReshapeMixingChannelsIntoTheMapDropsTheField() throws {
        #expect(try Self.field(["view = conv.view(1, 2, 10, 6)", "return view"], node: "view") == nil)
        #expect(try Self.field(["view = conv.view(1, 4, 6, 5)", "return view"], node: "view") == nil)
        let lines = ["permute = conv.permute(0, 2, 3, 1)", "reshape = permute.reshape(1, 30, 4)",
                     "reshape_1 = reshape.reshape(1, 4, 5, 6)", "return reshape_1"]
        #expect(try Self.field(lines, node: "reshape_1") == nil, "NHWC's values read as NCHW: cells moved")
    }
}
