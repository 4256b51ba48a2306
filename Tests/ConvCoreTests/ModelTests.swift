import Foundation
import Testing
@testable import ConvCore

/// The model type: the single layer as a model of one, editing the layer list with skips that
/// follow their layers, and the whole receptive field of a cell in the model's input.
@Suite("Model")
struct ModelTests {
    static func layer(_ text: String) -> StackLayer { try! LayerParser.parse(text) }

    @Test func theSingleLayerIsAModelOfOneConv2dWithTheSameValues() throws {
        var p = ConvParameters()
        p.paddingH = 1; p.strideW = 2; p.outChannels = 3
        let model = Model.singleConv2d(Conv2dSettings(p))
        #expect(model.inputShape == [1, 3, 8, 8])
        #expect(model.layers.count == 1)
        let run = model.run()
        let single = try ConvExperiment(p).output.get().tensor
        #expect(run.outputs[0] == single, "one Conv2d layer of the model gives the single-layer screen's output")
    }

    @Test func insertingMovesLaterSkipsWithTheirLayers() {
        let model = Model(inputShape: [1, 1, 8, 8],
                          layers: [Self.layer("Conv2d(1, 8, 3, padding=1)"), Self.layer("ReLU()"), Self.layer("Cat(1)")])
        let inserted = model.inserting(Self.layer("ReLU()"), at: 1)
        #expect(inserted.layers[3] == .cat(CatLayer(skip: 2)), "the skip still names the ReLU, now at (2)")
        #expect(inserted.trace.failure == nil)
        let before = model.inserting(Self.layer("ReLU()"), at: 2)
        #expect(before.layers[3] == .cat(CatLayer(skip: 1)), "a layer inserted after the skip's layer leaves it")
    }

    @Test func removingAndSwappingRenumberSkips() {
        let model = Model(inputShape: [1, 1, 8, 8], layers: [
            Self.layer("Conv2d(1, 8, 3, padding=1)"), Self.layer("ReLU()"), Self.layer("ReLU()"), Self.layer("Cat(2)")])
        let removed = model.removing(at: 0)
        #expect(removed.layers.count == 3)
        #expect(removed.layers[2] == .cat(CatLayer(skip: 1)))
        let swapped = model.swapping(1)
        #expect(swapped.layers[3] == .cat(CatLayer(skip: 1)), "layers (1) and (2) swap, the skip follows its layer")
        #expect(swapped.swapping(1) == model, "swapping back restores the model")
    }

    @Test func theInputSpanOfAnInteriorCellIsTheReceptiveField() {
        // A 3×3 convolution, one with stride 2 (r = 5), then a 3×3 pool with stride 2 (r = 5 + 2·2 = 9).
        let model = Model(inputShape: [1, 1, 32, 32], layers: [
            Self.layer("Conv2d(1, 4, 3)"), Self.layer("Conv2d(4, 4, 3, stride=2)"), Self.layer("MaxPool2d(3, stride=2)")])
        let trace = model.trace
        for index in trace.layers.indices {
            let field = trace.layers[index].field!
            let span = trace.inputSpan(layer: index, y: 2, x: 3)!
            #expect(span.rows.count == field.h.size.numerator, "rows of (\(index)) span r")
            #expect(span.columns.count == field.w.size.numerator)
        }
        let span = trace.inputSpan(layer: 2, y: 1, x: 0)!
        // Pool row 1 reads rows 2–4 of (1), which read rows 4–10 of (0), which read input rows 4–12.
        #expect(span.rows == 4...12)
        #expect(span.columns == 0...8)
    }

    @Test func paddingCountsInTheSpanSoItMayRunPastTheMap() {
        let model = Model(inputShape: [1, 1, 8, 8], layers: [Self.layer("Conv2d(1, 1, 3, padding=1)")])
        let span = model.trace.inputSpan(layer: 0, y: 0, x: 7)!
        #expect(span.rows == -1...1)
        #expect(span.columns == 6...8)
    }

    @Test func aLayerThatDidNotRunHasNoSpan() {
        let model = Model(inputShape: [1, 3, 8, 8], layers: [Self.layer("Conv2d(4, 8, 3)")])
        #expect(model.trace.inputSpan(layer: 0, y: 0, x: 0) == nil)
        #expect(Model.expectedChannels(model.layers) == 4)
    }
}
