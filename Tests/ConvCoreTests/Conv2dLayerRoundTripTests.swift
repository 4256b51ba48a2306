import Testing
@testable import ConvCore

/// `Conv2dLayer` is the one description of an `nn.Conv2d`: the course screen, the kernels' spec and
/// the sliders are each built from it by one conversion, so no argument is lost on the way.
@Suite("Conv2d round trip")
struct Conv2dLayerRoundTripTests {
    /// The course screen's layer with padding_mode reflect, groups 2 and a bias.
    static var reflectGrouped: Conv2dSettings {
        var s = Conv2dSettings()
        s.geometry.inChannels = 4; s.geometry.outChannels = 6
        s.geometry.paddingH = 1; s.geometry.paddingW = 2; s.geometry.strideW = 2
        s.paddingMode = .reflect; s.groups = 2; s.bias = 0
        return s
    }

    @Test func theCourseScreenSurvivesTheModelAndBack() {
        let screen = Self.reflectGrouped
        let layer = screen.layer
        #expect(Model.singleConv2d(screen).layers == [.conv2d(layer)], "the course screen's model is one node of its layer")
        #expect(layer.paddingMode == .reflect && layer.groups == 2 && layer.bias)
        #expect(layer.pytorchRepr
            == "Conv2d(4, 6, kernel_size=(3, 3), stride=(1, 2), padding=(1, 2), groups=2, padding_mode=reflect)")
        let back = Conv2dSettings(layer, inputHeight: screen.geometry.hIn, inputWidth: screen.geometry.wIn)
        #expect(back == screen, "padding mode, groups, bias and every slider come back")
        #expect(back.layer == layer)
    }

    @Test func aModelLayerWithSamePaddingSurvivesTheCourseScreenAndBack() throws {
        guard case let .conv2d(layer) = try LayerParser.parse("Conv2d(4, 8, 3, padding='same', dilation=2, groups=4, padding_mode='circular')")
        else { Issue.record("not a Conv2d"); return }
        let screen = Conv2dSettings(layer, inputHeight: 9, inputWidth: 7)
        #expect(screen.paddingChoice == .same && screen.paddingMode == .circular && screen.groups == 4)
        #expect(screen.bias == 0, "bias=True starts from the model's zero bias")
        #expect(Model.singleConv2d(screen).layers == [.conv2d(layer)])
    }

    @Test func theSpecHoldsTheLayerAndTheSlidersAreItsView() {
        let screen = Self.reflectGrouped
        let spec = screen.spec
        #expect(spec.layer == screen.layer)
        #expect(spec.inputHeight == 8 && spec.inputWidth == 8)
        #expect(spec.bias == 0 && spec.layer.bias)
        #expect(spec.parameters == screen.geometry, "the sliders read back from the layer and its input")
        #expect(Conv2dLayer(spec.parameters, padding: spec.padding, paddingMode: spec.paddingMode, groups: spec.groups,
                            bias: spec.bias != nil) == spec.layer)
        #expect(Conv2dSpec(spec.layer, inputHeight: 8, inputWidth: 8, bias: nil).layer.bias == false,
                "the bias flag follows the bias value")
    }
}
