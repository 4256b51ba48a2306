import Testing
@testable import ConvCore

/// Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d, Conv3d, MaxPool3d, AvgPool3d against torch 2.13:
/// the repr, the output shape and every value, or PyTorch's exception word for word.
struct FamilyLayerTests {
    static let cases = FamilyFixtureFile.shared.layers1d + FamilyFixtureFile.shared.layers3d

    @Test func theFixturesCoverEveryKindAndPaddingMode() {
        for name in ["Conv1d", "ConvTranspose1d", "MaxPool1d", "AvgPool1d", "Conv3d", "MaxPool3d", "AvgPool3d"] {
            #expect(Self.cases.contains { $0.layer.hasPrefix(name + "(") && $0.output != nil }, "\(name)")
        }
        for mode in ["reflect", "replicate", "circular"] {
            #expect(Self.cases.contains { $0.layer.contains("'\(mode)'") && $0.output != nil }, "\(mode)")
        }
        #expect(Self.cases.filter { $0.error != nil }.count >= 40)
    }

    @Test(arguments: cases)
    func agreesWithTorch(_ c: FamilyFixtureFile.Layer) throws {
        let layer = try FamilyLayerParser.parse(c.layer)
        if let message = c.construction_error {
            #expect(layer.constructionError == FamilyError(pythonType: c.type!, message: message))
            return
        }
        #expect(layer.constructionError == nil)
        #expect(layer.pytorchRepr == c.repr)
        let input = TensorN(shape: c.input_shape, storage: c.input!)
        let weight = layer.weightShape.map { TensorN(shape: $0, storage: c.weight!) }
        do {
            let output = try FamilyForward.run(layer, input: input, weight: weight, bias: c.bias)
            #expect(c.error == nil, "PyTorch refused: \(c.error ?? "")")
            #expect(output.shape == c.output_shape)
            guard let expected = c.output, output.storage.count == expected.count else { return }
            for (got, want) in zip(output.storage, expected) {
                #expect(abs(got - want) <= 1e-5 * max(1, abs(want)), "\(got) vs \(want)")
            }
        } catch {
            #expect(error == FamilyError(pythonType: c.type ?? "", message: c.error ?? "(PyTorch ran it)"))
        }
    }

    @Test func syntaxMistakesNameTheArgumentAndWhatIsAllowed() {
        #expect(throws: LayerParseError.syntax(text: "Conv1d(3, 4, (3, 3))", column: 14,
                                               problem: "kernel_size must be an int in 1…64 or a tuple of one")) {
            try FamilyLayerParser.parse("Conv1d(3, 4, (3, 3))")
        }
        #expect(FamilyLayerParser.names("nn.Conv3d(1, 2, 3)"))
        #expect(!FamilyLayerParser.names("Conv2d(1, 2, 3)"))
    }
}

/// The true convolution flips the kernel; torch computes it as conv2d with weight.flip(-1, -2).
struct TrueConvolutionTests {
    @Test(arguments: FamilyFixtureFile.shared.flip)
    func bothFormsAgreeWithTorch(_ c: FamilyFixtureFile.Flip) throws {
        var p = ConvParameters()
        p.inChannels = c.input_shape[1]; p.hIn = c.input_shape[2]; p.wIn = c.input_shape[3]
        p.outChannels = c.weight_shape[0]; p.kernelSizeH = c.weight_shape[2]; p.kernelSizeW = c.weight_shape[3]
        p.strideH = 1; p.strideW = 1; p.dilationH = 1; p.dilationW = 1
        p.paddingH = c.padding; p.paddingW = c.padding
        let spec = Conv2dSpec(p)
        let input = Tensor4(shape: c.input_shape, storage: c.input), weight = Tensor4(shape: c.weight_shape, storage: c.weight)
        let correlation = try Conv2dForward.run(input: input, weights: weight, bias: nil, spec: spec, threads: 1)
        let convolution = try TrueConvolution.run(input: input, weights: weight, bias: nil, spec: spec)
        #expect(correlation.storage == c.correlation)
        #expect(convolution.storage == c.convolution)
    }

    @Test func sobelXChangesSignWhenFlipped() throws {
        let sobel = FamilyFixtureFile.shared.flip.first { $0.kernel == "sobel_x" }!
        #expect(!TrueConvolution.isHalfTurnSymmetric(Tensor4(shape: sobel.weight_shape, storage: sobel.weight)))
        #expect(sobel.convolution == sobel.correlation.map { -$0 })
        #expect(TrueConvolution.isHalfTurnSymmetric(Tensor4(shape: [1, 1, 3, 3], repeating: 1)))
    }
}
