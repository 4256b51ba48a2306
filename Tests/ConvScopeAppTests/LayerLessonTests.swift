import Foundation
import Testing
import ConvCore
@testable import ConvScopeApp

/// A model's Conv2d opened in the course screen and written back: the layer's every argument and
/// its weight source survive the trip, the course screen computes the model's values for the
/// layer, and the edits reach the model's forward.
@Suite("A model's layer in the course screen")
struct LayerLessonTests {
    /// Conv2d(2, 4, 3, padding=1) → ReLU → a reflect-padded, grouped, biased Conv2d.
    static let model: Model = {
        let first = Conv2dLayer(2, 4, kernelSize: SpatialPair(square: 3), padding: .explicit(h: 1, w: 1))
        let odd = Conv2dLayer(4, 6, kernelSize: SpatialPair(3, 5), stride: SpatialPair(1, 2), padding: .explicit(h: 1, w: 2),
                              groups: 2, bias: true, paddingMode: .reflect)
        return Model(inputShape: [1, 2, 9, 10], layers: [.conv2d(first), .shapePreserving(.relu(inplace: false)), .conv2d(odd)])
            .settingWeightSource(LayerWeightSource(kernel: .preset(.sobelY), bias: 0.5), at: 2)
    }()

    static func lessonSettings(_ model: Model, _ index: Int) -> Conv2dSettings {
        let run = model.run()
        return LayerLesson.settings(model, index: index, input: LayerLesson.input(of: index, model: model, run: run)!,
                                    inputName: "input")!
    }

    @Test func reflectPaddingGroupsBiasAndAPresetSurviveTheRoundTrip() {
        let p = Self.lessonSettings(Self.model, 2)
        #expect(p.paddingMode == .reflect && p.groups == 2 && p.bias == 0.5 && p.kernel == .preset(.sobelY))
        #expect(p.geometry.kernelSizeW == 5 && p.geometry.strideW == 2 && p.geometry.paddingW == 2)
        #expect(p.inChannels == 4 && p.hIn == 9 && p.wIn == 10, "the input is the ReLU's output")
        #expect(LayerLesson.model(Self.model, index: 2, settings: p) == Self.model)
    }

    /// A Conv2d PyTorch refuses (its channels do not match), and one after it, say they did not
    /// run and why, not that their input values are missing.
    @Test func aBrokenLayerSaysItDidNotRun() {
        let first = Conv2dLayer(2, 4, kernelSize: SpatialPair(square: 3))
        let wrong = Conv2dLayer(8, 4, kernelSize: SpatialPair(square: 3))
        let model = Model(inputShape: [1, 2, 9, 9], layers: [.conv2d(first), .conv2d(wrong), .conv2d(first)])
        let stack = StackState(model: model)
        #expect(LayerLesson.refusal(stack, at: 1) == .didNotRun(name: model.name(1), refused: true))
        #expect(LayerLesson.refusal(stack, at: 2) == .didNotRun(name: model.name(2), refused: false))
        #expect(LayerLessonText.note(.didNotRun(name: "(1)", refused: true), .en, .unicodeSet)
                == "(1) did not run: PyTorch refuses it (the model screen says why)")
    }

    @Test func theCourseScreenComputesTheModelsValuesForTheLayer() throws {
        let run = Self.model.run()
        let course = try ConvExperiment(Self.lessonSettings(Self.model, 2))
        let output = try course.output.get().tensor
        #expect(output == run.outputs[2]!, "the course screen's output is the model's layer output")
    }

    @Test func anEditedLayerAndPresetReachTheModelsForward() {
        var p = Self.lessonSettings(Self.model, 0)
        p.kernel = .preset(.random(start: 4))
        p.geometry.outChannels = 6  // the ReLU keeps 6 channels, the grouped Conv2d expects 4: the model shows the break
        let edited = LayerLesson.model(Self.model, index: 0, settings: p)
        #expect(edited.weightSource(0).kernel == .preset(.random(start: 4)))
        #expect(edited.trace.layers[2].status != .ran, "a changed out_channels breaks the next Conv2d as a typed layer would")
        p.geometry.outChannels = 4
        let weighed = LayerLesson.model(Self.model, index: 0, settings: p).run()
        #expect(weighed.outputs[2] != Self.model.run().outputs[2], "the random kernel changes every later layer")
    }

    @Test func notebookWeightsLeaveTheModelAsItWas() {
        let plain = Model(inputShape: [1, 2, 9, 10], layers: Self.model.layers)
        let p = Self.lessonSettings(plain, 0)
        #expect(p.kernel == .preset(.ones))
        #expect(LayerLesson.model(plain, index: 0, settings: p) == plain, "no weight sources are added for all ones")
        #expect(plain.weightSources == nil)
    }

    /// Sources follow their layers as layers are added, removed and moved.
    @Test func weightSourcesMoveWithTheirLayers() {
        let m = Self.model.inserting(.shapePreserving(.identity), at: 0)
        #expect(m.weightSource(3).kernel == .preset(.sobelY) && m.weightSource(2) == .notebook)
        #expect(m.removing(at: 0) == Self.model)
        #expect(Self.model.swapping(1).weightSource(1).kernel == .preset(.sobelY))
    }
}
