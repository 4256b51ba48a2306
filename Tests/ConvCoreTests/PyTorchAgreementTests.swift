import Testing
@testable import ConvCore

@Suite("Agreement with PyTorch 2.13")
struct PyTorchAgreementTests {
    static let fixtures = FixtureFile.shared

    @Test func fixtureFileHasEnoughCases() {
        #expect(Self.fixtures.torch_version.hasPrefix("2.13"))
        #expect(Self.fixtures.random.filter { $0.error == nil }.count >= 150)
        #expect(Self.fixtures.random.filter { $0.error != nil }.count >= 30)
        #expect(Self.fixtures.edge.count >= 30)
    }

    @Test("random configurations in the notebook's slider ranges", arguments: fixtures.random)
    func randomCase(_ fixture: FixtureCase) throws { try check(fixture) }

    @Test("edge cases", arguments: fixtures.edge)
    func edgeCase(_ fixture: FixtureCase) throws { try check(fixture) }

    @Test("random weights and inputs (the general convolution)", arguments: fixtures.general)
    func generalWeights(_ fixture: FixtureCase) throws {
        let p = fixture.parameters
        let input = Tensor4(shape: p.inputShape, storage: fixture.input!)
        let weights = Tensor4(shape: p.kernelShape, storage: fixture.weight!)
        #expect(!Convolution.weightsAreConstantPerSlice(weights))
        let output = try Convolution.conv2d(input: input, weights: weights, parameters: p)
        #expect(output.shape == fixture.output_shape!)
        #expect(Self.compare(output.storage, fixture.output!).mismatches == 0)
    }

    /// Both paths of the convolution agree on the notebook's experiment.
    @Test("direct path equals the window-sum path", arguments: fixtures.random.filter { $0.error == nil }.prefix(60))
    func pathsAgree(_ fixture: FixtureCase) throws {
        let p = fixture.parameters
        let input = InputSource.rampX.makeInput(p)
        let weights = KernelPreset.ones.makeWeights(Conv2dSpec(p))
        let plan = Convolution.Plan(p)
        let direct = try Convolution.directPath(input: input, weights: weights, plan: plan, isCancelled: { false })
        let boxed = try Convolution.boxSumPath(input: input, weights: weights, plan: plan, isCancelled: { false })
        #expect(direct == boxed)
    }

    /// Exact equality while PyTorch's float32 sums are exact (|v| ≤ 2^24); above that PyTorch's
    /// rounding depends on its backend's summation order, so a relative 1e-3 is allowed there.
    static func compare(_ ours: [Float], _ torch: [Float]) -> (mismatches: Int, first: Int?) {
        guard ours.count == torch.count else { return (max(ours.count, torch.count), 0) }
        var mismatches = 0, first: Int?
        for i in ours.indices {
            let (a, b) = (ours[i], torch[i])
            let ok = abs(b) <= 16_777_216 ? a == b : abs(a - b) <= 1e-3 * abs(b)
            if !ok { mismatches += 1; if first == nil { first = i } }
        }
        return (mismatches, first)
    }

    func check(_ fixture: FixtureCase) throws {
        let p = fixture.parameters
        let experiment = try ConvExperiment(p)
        #expect(experiment.input.shape == p.inputShape)
        switch experiment.output {
        case .success(let output):
            #expect(fixture.error == nil, "PyTorch refused: \(fixture.error ?? "")")
            #expect(output.shape == fixture.output_shape)
            #expect(p.outputShape == fixture.output_shape)
            let verdict = Self.compare(output.tensor.storage, fixture.output ?? [])
            #expect(verdict.mismatches == 0, "\(verdict.mismatches) values differ, first at \(verdict.first ?? -1)")
        case .failure(let error):
            #expect(error.message == fixture.error)
            #expect(p.outputShape == nil)
        }
    }
}
