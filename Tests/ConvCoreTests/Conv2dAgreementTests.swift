import Testing
@testable import ConvCore

@Suite("Conv2d: padding modes, same/valid, groups and bias agree with PyTorch 2.13")
struct Conv2dAgreementTests {
    static let fixtures = Conv2dFixtureFile.shared
    static let ran = fixtures.cases.filter { $0.error == nil }

    @Test func fixturesCoverTheIssue() {
        #expect(Self.fixtures.torch_version.hasPrefix("2.13"))
        for mode in PaddingMode.allCases {
            #expect(Self.ran.filter { $0.padding_mode == mode.rawValue }.count >= 60, "\(mode)")
        }
        #expect(Self.fixtures.cases.filter { $0.padding != "explicit" }.count >= 40)
        #expect(Self.ran.contains { $0.padding == "valid" } && Self.ran.contains { $0.padding == "same" })
        #expect(Self.fixtures.cases.filter { $0.groups > 1 }.count >= 40)
        #expect(Self.ran.filter { $0.groups > 1 }.count >= 20)
        #expect(Self.ran.filter { $0.bias != nil }.count >= 40)
        #expect(Self.ran.filter { $0.kernel == nil }.count >= 20)
        for input in InputSource.all.map(\.argument) {
            let name = input.split(separator: ":")[0]
            #expect(Self.ran.contains { $0.input?.split(separator: ":").first == name }, "\(input)")
        }
        for kernel in KernelPreset.all.map(\.argument) {
            let name = kernel.split(separator: ":")[0]
            #expect(Self.ran.contains { $0.kernel?.split(separator: ":").first == name }, "\(kernel)")
        }
        // Each of PyTorch's refusals appears.
        let messages = Set(Self.fixtures.cases.compactMap(\.error).map { String($0.prefix(20)) })
        for prefix in ["in_channels must be", "out_channels must b", "padding='same' is no", "Argument #4: Paddin",
                       "Argument #6: Paddin", "Padding value causes", "Calculated padded in"] {
            #expect(messages.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
    }

    @Test("every layer: output or refusal", arguments: fixtures.cases)
    func layer(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        if let message = fixture.error {
            let error = try #require(spec.validate())
            #expect(error.message == message)
            #expect(error.pythonType == fixture.error_type)
            #expect(spec.outputShape == nil)
            return
        }
        #expect(spec.validate() == nil)
        let h = spec.heightAxis.padding, w = spec.widthAxis.padding
        #expect([h.before, h.after, w.before, w.after] == fixture.applied_padding)
        #expect(spec.outputShape == fixture.output_shape)
        let input = fixture.makeInput()
        let weights = fixture.makeWeights()
        let output = try Conv2dForward.run(
            input: input, weights: weights, bias: fixture.biasList ?? spec.biasVector, spec: spec)
        #expect(output.shape == fixture.output_shape)
        let mismatches = Self.mismatches(output.storage, fixture.output!, exact: fixture.exact == true)
        #expect(mismatches == 0, "first differences: \(Array(zip(output.storage, fixture.output!).filter { $0 != $1 }.prefix(3)))")
    }

    /// Over convscope's whole ranges (shapes from PyTorch's meta device): the same verdicts.
    @Test("verdict and output shape over the full parameter ranges", arguments: fixtures.full_range)
    func fullRange(_ fixture: Conv2dFixtureCase) {
        let spec = fixture.spec
        #expect(spec.validate()?.message == fixture.error)
        #expect(spec.validate()?.pythonType == fixture.error_type)
        #expect(spec.outputShape == fixture.output_shape)
    }

    /// The written-out sum (receptive field, padded values, weights, bias) gives PyTorch's value
    /// at the corners and the centre: the inspector and the convolution read the same helper.
    @Test("the written-out sum of a cell equals PyTorch's value", arguments: ran.prefix(150))
    func writtenOutSum(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        let input = fixture.makeInput(), weights = fixture.makeWeights()
        let bias = fixture.biasList ?? spec.biasVector
        let shape = fixture.output_shape!
        for o in Set([0, shape[1] - 1]) {
            for (y, x) in Set([[0, 0], [shape[2] - 1, shape[3] - 1], [shape[2] / 2, shape[3] / 2]]).map({ ($0[0], $0[1]) }) {
                let group = spec.inputChannels(ofOutput: o).lowerBound
                var sum = Double(bias?[o] ?? 0)
                for tap in spec.receptiveField(outChannel: o, y: y, x: x) {
                    let value = spec.paddedValue(input, channel: tap.channel, y: tap.position.y, x: tap.position.x)
                    let inside = (0..<spec.heightAxis.size).contains(tap.position.y)
                        && (0..<spec.widthAxis.size).contains(tap.position.x)
                    #expect(tap.inPadding == !inside)
                    sum += Double(weights[o, tap.channel - group, tap.ky, tap.kx]) * Double(value)
                }
                let torch = fixture.output![((o * shape[2]) + y) * shape[3] + x]
                #expect(Self.mismatches([Float(sum)], [torch], exact: fixture.exact == true) == 0, "cell \(o),\(y),\(x)")
            }
        }
    }

    @Test("float32 weights from torch.randn: within rounding", arguments: fixtures.float_cases)
    func floatWeights(_ fixture: Conv2dFixtureCase) throws {
        let spec = fixture.spec
        let output = try Conv2dForward.run(
            input: fixture.makeInput(), weights: fixture.makeWeights(), bias: fixture.biasList, spec: spec)
        #expect(Self.mismatches(output.storage, fixture.output!, exact: false) == 0)
    }

    @Test("input patterns build the documented tensors", arguments: fixtures.patterns.inputs)
    func inputPattern(_ fixture: PatternFixture) throws {
        let source = try #require(InputSource(argument: fixture.pattern!))
        let tensor = source.makeInput(channels: fixture.channels!, hIn: fixture.h_in!, wIn: fixture.w_in!)
        #expect(tensor.shape == fixture.shape)
        #expect(tensor.storage == fixture.values)
    }

    @Test("kernel presets build the documented weights", arguments: fixtures.patterns.kernels)
    func kernelPreset(_ fixture: PatternFixture) throws {
        let preset = try #require(KernelPreset(argument: fixture.preset!))
        var p = ConvParameters()
        (p.outChannels, p.inChannels, p.kernelSizeH, p.kernelSizeW) = (fixture.shape[0], fixture.shape[1], fixture.shape[2], fixture.shape[3])
        let weights = preset.makeWeights(Conv2dSpec(p))
        #expect(weights.shape == fixture.shape)
        #expect(weights.storage == fixture.values)
    }

    /// Bit-identical while PyTorch's float32 sums are exact (|v| ≤ 2^24 and dyadic data);
    /// otherwise within float32 rounding of PyTorch's own summation order.
    static func mismatches(_ ours: [Float], _ torch: [Float], exact: Bool) -> Int {
        guard ours.count == torch.count else { return max(ours.count, torch.count) }
        return zip(ours, torch).filter { a, b in
            exact && abs(b) <= 16_777_216 ? a != b : abs(a - b) > 1e-5 * max(1, abs(b))
        }.count
    }
}
