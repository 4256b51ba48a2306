import Testing
@testable import ConvCore

/// The screen's values computed through the distinct planes are the whole tensors' values bit for
/// bit, on every fixture model and input kind: a row in the middle first, then the last row from
/// what the first left (as the screen asks), and the last row from nothing.
@Suite struct GraphNodeValuesSharedTests {
    @Test(arguments: GraphSharedPlanesTests.cases)
    func sharedValuesAreTheWholeTensorsValues(_ f: FxValueFixture, _ kind: GraphSharedPlanesTests.Input) throws {
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        let input = GraphSharedPlanesTests.input(kind, shape: f.input_shape)
        let ran = trace.steps.filter { $0.status == .ran }
        try #require(ran.count >= 2)
        let middle = ran[ran.count / 2].node, last = ran[ran.count - 1].node
        func both(_ wanted: [String], known: [String: GraphValue]) -> (shared: [String: GraphValue], whole: [String: GraphValue]) {
            let shared = GraphForward.values(trace, inputName: model.inputName, input: input, wanted: wanted, known: known)
            let whole = GraphForward.values(trace, inputName: model.inputName, input: input, wanted: wanted, known: known,
                                            sharingPlanes: false)
            for name in wanted { #expect(shared[name] != nil, "\(f.id) \(kind): \(name) wanted and computed") }
            for (name, value) in shared {
                let reference = try? #require(whole[name], "\(f.id) \(kind): \(name) only in the shared values")
                #expect(reference.map(GraphSharedPlanesTests.bits) == GraphSharedPlanesTests.bits(value), "\(f.id) \(kind) \(name)")
            }
            return (shared, whole)
        }
        let first = both(middle.inputs + [middle.name], known: [:])
        _ = both(last.inputs + [last.name], known: first.shared)
        _ = both([last.name], known: [:])
        // The nodes just before the wanted one stay written out, within the budget.
        let kept = first.shared.filter { $0.key != model.inputName }.values.reduce(0) { $0 + Self.count($1) }
        let wantedCount = (middle.inputs + [middle.name]).compactMap { first.shared[$0] }.reduce(0) { $0 + Self.count($1) }
        #expect(kept - wantedCount <= GraphForward.keptOnTheWay)
    }

    /// ConvNeXt's blocks on the ramp: the channels-last LayerNorm, Linear and GELU between the
    /// permutes take one value per row, and the layer scale and the residual add keep one plane.
    @Test func convnextsRampBlocksKeepOnePlaneAndOneValuePerRow() throws {
        let f = try #require(FxValueFixture.all.first { $0.id == "convnext_tiny" })
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        var planes: [String: Int] = [:], rows: Set<String> = []
        GraphForward.streamShared(trace, inputName: model.inputName, input: FxValueFixtureTests.ramp(f.input_shape),
                                  sharingPlanes: true) { index, value in
            let name = trace.steps[index].node.name
            if case let .maps(m) = value { planes[name] = m.distinctPlaneCount }
            if case .rows = value { rows.insert(name) }
        }
        #expect(planes["permute_1"] == 1 && planes["mul"] == 1 && planes["add"] == 1)
        #expect(["features_1_0_block_2", "features_1_0_block_3", "features_1_0_block_4", "features_1_0_block_5"]
            .allSatisfy(rows.contains))
    }

    static func count(_ value: GraphValue) -> Int {
        switch value {
        case let .tensor(t): t.storage.count
        case let .tensors(parts): parts.reduce(0) { $0 + $1.storage.count }
        case .integers, .integer: 0
        }
    }
}
