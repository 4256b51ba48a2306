import Testing
import ConvCore
@testable import ConvScopeApp

/// A stack's Conv2d edits all of `nn.Conv2d` on its panel (padding_mode, padding 'same'/'valid',
/// groups, bias True/False) with the same keys as every row: traced and computed at once, written
/// in the module's repr and the JSON, PyTorch's messages at the layer that breaks.
@Suite("Stack Conv2d options")
struct StackConv2dOptionsTests {
    /// skip.txt's (3): Conv2d(8, 16, 3, padding=1) on the 4×4 maps after the pool.
    static func third() -> ModelProgram { StackPanelEditTests.state(selecting: 3) }

    static func conv(_ s: ModelProgram) -> Conv2dLayer {
        guard case let .conv2d(layer) = s.stack!.layer else { Issue.record("not a Conv2d"); return Conv2dLayer(1, 1, kernelSize: SpatialPair(square: 1)) }
        return layer
    }

    @Test func theFirstConv2dBeginsWithTheInputSizeAndEveryConv2dHasTheWholeLayer() {
        let options = ["in_channels", "out_channels", "kernel_size_h", "kernel_size_w", "padding_h", "padding_w",
                       "stride_h", "stride_w", "dilation_h", "dilation_w", "padding_mode", "padding", "groups", "bias"]
        #expect(StackPanelEditTests.rowNames(StackPanelEditTests.state(selecting: 0)) == ["h_in", "w_in"] + options)
        #expect(StackPanelEditTests.rowNames(Self.third()) == options)
        #expect(Self.third().stackRows.last!.text(1) == "True", "a stack layer's bias is PyTorch's bool")
        let pool = ModelProgram(model: Model(inputShape: [1, 1, 8, 8], layers: [try! LayerParser.parse("MaxPool2d(2)")]))
        #expect(StackPanelEditTests.rowNames(pool).prefix(3) == ["h_in", "w_in", "kernel_size_h"],
                "a first layer of any kind sets the input's size")
    }

    @Test func reflectPaddingComputesAndBreaksWithPyTorchsMessageAtThatLayer() {
        let zeros = Self.third().stack!.outputValues!
        var s = update(StackPanelEditTests.moveTo("padding_mode", Self.third()), .increment)
        #expect(Self.conv(s).paddingMode == .reflect)
        #expect(s.stack!.layer.pytorchRepr
            == "Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), padding_mode=reflect)")
        #expect(s.stack!.outputValues!.shape == zeros.shape && s.stack!.outputValues! != zeros, "the ring holds mirrored values")
        #expect(s.selectedLayerSettings!.paddingMode == .reflect, "the single-layer panels describe the selected layer")
        s = update(update(StackPanelEditTests.moveTo("padding_h", s), .typeDigit(4)), .commitTyping)
        #expect(s.stack!.trace.failure?.index == 3)
        #expect(s.stack!.trace.failure?.error.message == "Argument #6: Padding size should be less than the corresponding "
            + "input dimension, but got: padding (4, 4) at dimension 2 of input [1, 8, 4, 4]")
        #expect(s.stack!.trace.layers[4].status == .notRun, "later layers are greyed, not lost")
        #expect(s.stack!.model.layers.count == 10)
        let panel = StackLayerPanel(state: s, rows: s.stackRows, frame: Rect(x: 0, y: 0, width: 31, height: 18),
                                    environment: s.environment)
        #expect(panel.culprits == ["padding_mode", "h_in", "padding_h"])
    }

    @Test func sameWithAStrideIsRefusedAndValidDropsThePadding() {
        var s = update(StackPanelEditTests.moveTo("padding", Self.third()), .increment)
        #expect(Self.conv(s).padding == .same)
        #expect(s.stack!.layer.pytorchRepr == "Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=same)")
        #expect(s.stack!.trace.layers[3].outputShape == [1, 16, 4, 4])
        s = update(update(StackPanelEditTests.moveTo("stride_h", s), .typeDigit(2)), .commitTyping)
        #expect(s.stack!.trace.failure?.index == 3)
        #expect(s.stack!.trace.failure?.error.message == "padding='same' is not supported for strided convolutions")
        #expect(s.stack!.trace.failure?.error.pythonType == "ValueError")
        s = update(update(StackPanelEditTests.moveTo("padding", s), .increment), .increment)
        #expect(Self.conv(s).padding == .valid && s.stack!.trace.layers[3].outputShape == [1, 16, 1, 2])
        #expect(s.stack!.layer.pytorchRepr == "Conv2d(8, 16, kernel_size=(3, 3), stride=(2, 1), padding=valid)")
        s = update(s, .setMinimum)
        #expect(Self.conv(s).padding == .explicit(h: 0, w: 0), "explicit again, with the amounts applied")
    }

    @Test func groupsThatDoNotDivideAreRefusedAndBiasFalseIsWrittenEverywhere() {
        var s = StackPanelEditTests.moveTo("groups", Self.third())
        s = update(update(s, .typeDigit(3)), .commitTyping)
        #expect(s.stack!.trace.failure?.index == 3)
        #expect(s.stack!.trace.failure?.error.message == "in_channels must be divisible by groups")
        s = update(update(s, .typeDigit(4)), .commitTyping)
        #expect(s.stack!.trace.failure == nil && Self.conv(s).groups == 4)
        #expect(s.stack!.layer.weightShape == [16, 2, 3, 3])
        s = update(StackPanelEditTests.moveTo("bias", s), .decrement)
        #expect(!Self.conv(s).bias && s.selectedLayerSettings!.bias == nil)
        #expect(s.stack!.layer.pytorchRepr
            == "Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=4, bias=False)")
        var bytes: [UInt8] = []
        var writer = StackJSONWriter { bytes += $0 }
        let model = s.stack!.model
        writer.write(input: model.makeInput(), run: model.run(), weights: model.layers.map(Model.notebookWeights))
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(json.contains("\"module\": \"Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=4, bias=False)\""))
        #expect(json.contains("\"weight\": [[[[1, 1, 1], [1, 1, 1], [1, 1, 1]], [[1, 1, 1]"))
    }

    @Test func theInputSizeRowsAndASetByNameFollowTheSameTable() {
        var s = update(StackPanelEditTests.state(selecting: 0), .set(.hIn, 10))
        #expect(s.stack!.model.inputShape == [1, 1, 10, 8])
        s = update(s, .set(.inChannels, 2))
        #expect(s.stack!.model.inputShape == [1, 2, 10, 8], "the first layer's in_channels is the input's")
        s = update(s, .set(.paddingMode, 3))
        #expect(Self.conv(s).paddingMode == .circular)
    }
}
