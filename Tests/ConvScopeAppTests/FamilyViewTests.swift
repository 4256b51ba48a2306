import ConvCore
import Testing
@testable import ConvScopeApp

/// What the family views draw, read back from their canvases.
struct FamilyViewTests {
    /// ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) on the ramp, all-ones weights.
    static let layer = ConvTranspose2dLayer(8, 4, kernelSize: SpatialPair(square: 3), stride: SpatialPair(square: 2),
                                            padding: SpatialPair(square: 1), outputPadding: SpatialPair(square: 1))
    static let input: Tensor4 = {
        var p = ConvParameters()
        p.inChannels = 8; p.hIn = 4; p.wIn = 4
        return InputSource.rampX.makeInput(p)
    }()

    static func view(_ cell: [Int], _ language: Language = .en) -> TransposedExplanationView {
        TransposedExplanationView(TransposedAsDirect(layer, inputHeight: 4, inputWidth: 4), input: input,
                                  weight: Tensor4(shape: layer.weightShape, repeating: 1), bias: nil, cell: cell,
                                  environment: RenderEnvironment(language: language))
    }

    @Test func theDirectViewSaysEachStepAndBothSumsAgreeWithTheStack() throws {
        let text = try Self.view([1, 3, 3]).canvas(.direct, width: 200).text
        #expect(text.contains("1. insert stride − 1 = (1, 1) zeros between input cells: 8×4×4 → 8×7×7"))
        #expect(text.contains("on each side, plus output_padding (1, 1) at the bottom/right: → 8×10×10"))
        #expect(text.contains("weight 4×8×3×3"))
        // The stack's own transposed forward (a scatter of its own) gives the value both sums must reach.
        let run = StackForward.run(input: Self.input, layers: [.convTranspose2d(Self.layer)],
                                   weights: [LayerWeights(weight: Tensor4(shape: Self.layer.weightShape, repeating: 1), bias: nil)])
        let expected = NumberText.cell(run.outputs[0]![0, 1, 3, 3])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("direct: out[1, 3, 3] = \(expected) = ") })
        #expect(lines.contains { $0.hasPrefix("scatter: out[1, 3, 3] = \(expected) = ") })
        #expect(text.contains("both forms give the same sum"))
        // Inserted and padding zeros are dots; the window's taps carry a star.
        #expect(lines.contains { $0.hasPrefix("· · · · · · · · · ·") })
        #expect(text.contains("*"))
    }

    @Test func theScatterViewCountsTheStampsOfTheCheckerboard() throws {
        let text = try Self.view([0, 0, 0]).canvas(.scatter, width: 200).text
        #expect(text.contains("Stamps per output cell: 1, 2, 4"))
        #expect(text.contains("1 2 1 2 1 2 1 1"))
        #expect(text.contains("2 4 2 4 2 4 2 2"))
    }

    @Test func theExplanationSpeaksRussian() throws {
        let text = try Self.view([0, 1, 1], .ru).canvas(.direct, width: 140).text
        #expect(text.contains("как обычная (прямая) свёртка"))
        #expect(text.contains("обе формы дают одну и ту же сумму"))
    }

    @Test func theFlipViewShowsBothAndWarnsOnSymmetricKernels() throws {
        var p = ConvParameters()
        p.inChannels = 1; p.outChannels = 1; p.hIn = 4; p.wIn = 5; p.kernelSizeH = 3; p.kernelSizeW = 3
        p.paddingH = 0; p.paddingW = 0; p.strideH = 1; p.strideW = 1; p.dilationH = 1; p.dilationW = 1
        let spec = Conv2dSpec(p)
        let input = InputSource.rampX.makeInput(p)
        let sobel = KernelPreset.sobelX.makeWeights(spec)
        let correlation = try Conv2dForward.run(input: input, weights: sobel, bias: nil, spec: spec)
        let convolution = try TrueConvolution.run(input: input, weights: sobel, bias: nil, spec: spec)
        #expect(convolution.storage == correlation.storage.map { -$0 })
        let text = TrueConvolutionView(weights: sobel, correlation: correlation, convolution: convolution,
                                       environment: RenderEnvironment(language: .en)).canvas(width: 120).text
        #expect(text.contains("PyTorch's Conv2d computes cross-correlation"))
        #expect(text.contains("-1  0  1") && text.contains(" 1  0 -1"))
        #expect(!text.contains("symmetric under a half turn: both maps are equal"))
        let ones = Tensor4(shape: [1, 1, 3, 3], repeating: 1)
        let flat = try Conv2dForward.run(input: input, weights: ones, bias: nil, spec: spec)
        #expect(TrueConvolutionView(weights: ones, correlation: flat, convolution: flat, environment: RenderEnvironment(language: .en))
            .canvas(width: 120).text.contains("both maps are equal"))
    }

    @Test func aVolumeIsARowOfDepthSlicesPerChannel() throws {
        let input = TensorN.ramp(shape: [1, 3, 8, 8, 8])
        let layer = try FamilyLayerParser.parse("Conv3d(3, 2, 3, padding=1)")
        let run = FamilyStackRun(input: input, layers: [layer], causal: false)
        let text = FamilyStackView(input: input, layers: [layer], outputs: run.outputs, environment: RenderEnvironment(language: .en))
            .canvas(width: 200).text
        #expect(text.contains("input, channel 2"))
        #expect(text.contains("(0) Conv3d, channel 1"))
        // 3 input channels and 2 output channels, 8 slices each.
        #expect(text.components(separatedBy: "depth 0 ").count - 1 == 5)
        #expect(text.components(separatedBy: "depth 7 ").count - 1 == 5)
    }
}

/// --ascii: the family views write 7-bit text only (English).
struct FamilyASCIITests {
    @Test func everySignIsSpelledInASCII() throws {
        let layer = ConvTranspose2dLayer(1, 1, kernelSize: SpatialPair(square: 3), stride: SpatialPair(square: 2))
        let view = TransposedExplanationView(TransposedAsDirect(layer, inputHeight: 2, inputWidth: 2),
                                             input: Tensor4(shape: [1, 1, 2, 2], storage: [0, 1, 2, 3]),
                                             weight: Tensor4(shape: [1, 1, 3, 3], repeating: 1), bias: nil, cell: [0, 1, 1],
                                             environment: RenderEnvironment(unicode: false, language: .en))
        for kind in TransposedView.allCases {
            let text = try view.canvas(kind, width: 120).text
            let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(kind)")
            #expect(text.contains("flipped kernel 0<-0") || kind == .scatter)
        }
    }
}

/// `--layers` notes a depthwise-separable pair with MobileNet's cost ratio.
struct SeparableNoteTests {
    static func table(_ layers: [String], _ language: Language = .en) throws -> String {
        let stack = try layers.map { try LayerParser.parse($0) }
        return StackTable.text(StackTrace(inputShape: [1, 32, 112, 112], layers: stack), language: language)
    }

    @Test func aDepthwiseThenPointwisePairIsComparedWithThePlainConvolution() throws {
        let text = try Self.table(["Conv2d(32, 32, 3, padding=1, groups=32)", "BatchNorm2d(32)", "ReLU()", "Conv2d(32, 64, 1)"])
        #expect(text.contains("note (0) + (3): depthwise-separable, 2,336 weights and 29,302,784 multiplications against "
                              + "18,432 and 231,211,008 for one Conv2d(32, 64, 3) with the same output: 0.13 = 1/C_out + "
                              + "1/(kH·kW) = 1/64 + 1/9 (MobileNet)"))
        #expect(try Self.table(["Conv2d(32, 32, 3, padding=1, groups=32)"], .ru).contains("раздельная свёртка") == false)
        #expect(try Self.table(["Conv2d(32, 32, 3, padding=1, groups=32)", "Conv2d(32, 64, 1)"], .ru).contains("раздельная свёртка"))
        #expect(!(try Self.table(["Conv2d(32, 32, 3, padding=1)", "Conv2d(32, 64, 1)"])).contains("depthwise-separable"))
    }
}
