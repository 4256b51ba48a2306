import Testing
@testable import ConvCore

/// A forward that keeps maps as their distinct planes gives every node the value the whole
/// tensors give, bit for bit: on every fixture model with the ramp (every channel one plane), with
/// random channels (no two alike), and with channels in pairs, one of each pair's zeros negated.
@Suite struct GraphSharedPlanesTests {
    enum Input: String, CaseIterable, Sendable { case ramp, random, pairedSignedZeros }

    static func input(_ kind: Input, shape: [Int]) -> GraphTensor {
        let plane = shape[2] * shape[3]
        var random = SplitMixRandom(start: 27)
        // Fractions of several sizes, so sums round; integers from -3 to 3 for the zeros case.
        let values: [Float] = (0..<shape.reduce(1, *)).map { _ in
            let r = random.next()
            return kind == .pairedSignedZeros ? Float(Int(r % 7) - 3) : Float(Int64(bitPattern: r) >> 40) / 3_000_000
        }
        switch kind {
        case .ramp:
            return FxValueFixtureTests.ramp(shape)
        case .random:
            return GraphTensor(shape: shape, storage: values)
        case .pairedSignedZeros:
            // Channel 2k + 1 is channel 2k with its zeros as -0: equal values, different bits.
            var storage = values
            for c in stride(from: 1, to: shape[1], by: 2) {
                for i in 0..<plane {
                    let v = storage[(c - 1) * plane + i]
                    storage[c * plane + i] = v == 0 ? -0.0 : v
                }
            }
            return GraphTensor(shape: shape, storage: storage)
        }
    }

    static let cases: [(FxValueFixture, Input)] = FxValueFixture.all.flatMap { f in Input.allCases.map { (f, $0) } }

    @Test(arguments: cases)
    func sharedPlanesGiveTheWholeTensorsValues(_ f: FxValueFixture, _ kind: Input) throws {
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        let input = Self.input(kind, shape: f.input_shape)
        let shared = GraphForward.run(trace, inputName: model.inputName, input: input, sharingPlanes: true)
        let whole = GraphForward.run(trace, inputName: model.inputName, input: input, sharingPlanes: false)
        #expect(shared.count == whole.count)
        #expect(shared.count == trace.steps.filter { $0.status == .ran }.count)
        for (index, (a, b)) in zip(shared, whole).enumerated() {
            #expect(Self.bits(a) == Self.bits(b), "\(f.id) \(kind) node \(trace.steps[index].node.name)")
        }
    }

    /// The ramp's maps really are kept as one plane per node where the kernels allow: resnet18's
    /// last convolution holds 512 channels in one stored plane.
    @Test func rampConvolutionsKeepOnePlane() throws {
        let f = try #require(FxValueFixture.all.first { $0.id == "resnet18" })
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        var planes: [String: Int] = [:]
        GraphForward.streamShared(trace, inputName: model.inputName, input: FxValueFixtureTests.ramp(f.input_shape),
                                  sharingPlanes: true) { index, value in
            if case let .maps(m) = value { planes[trace.steps[index].node.name] = m.distinctPlaneCount }
        }
        #expect(planes["layer4_1_conv2"] == 1)
        #expect(planes["add_7"] == 1)
    }

    /// resnet50's ramp overflows float32 in its later blocks: the maps holding inf take the
    /// tap-by-tap sums, so the comparison above holds those to the whole tensors too.
    @Test func resnet50sRampReachesInfinity() throws {
        let f = try #require(FxValueFixture.all.first { $0.id == "resnet50" })
        let model = try FxModelReader.read(f.print.text)
        let trace = GraphTrace(model, inputShape: f.input_shape)
        var infiniteConvolutionInputs = 0
        GraphForward.streamShared(trace, inputName: model.inputName, input: FxValueFixtureTests.ramp(f.input_shape),
                                  sharingPlanes: true) { index, value in
            guard case let .maps(m) = value, m.storage.contains(where: \.isInfinite) else { return }
            infiniteConvolutionInputs += trace.steps.filter { step in
                guard case .layer(.conv2d) = step.node.operation else { return false }
                return step.node.inputs.contains(trace.steps[index].node.name)
            }.count
        }
        #expect(infiniteConvolutionInputs > 0)
    }

    /// Shape and every value's bit pattern (NaN payloads and -0 included).
    static func bits(_ value: GraphValue) -> [[UInt32]] {
        switch value {
        case let .tensor(t): [t.shape.map(UInt32.init)] + [t.storage.map(\.bitPattern)]
        case let .tensors(parts): parts.flatMap { bits(.tensor($0)) }
        case let .integers(sizes): [sizes.map { UInt32(truncatingIfNeeded: $0) }]
        case let .integer(n): [[UInt32(truncatingIfNeeded: n)]]
        }
    }
}
