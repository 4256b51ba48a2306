import Testing
@testable import ConvCore

/// A stack computed in order with the wanted layer's values handed out first: the part holds
/// exactly the layers up to it, and every value, first or last, is the whole run's.
@Suite("Stack values, the wanted layer's first")
struct StackProgressiveRunTests {
    /// Six layers of a chain on a random input, with random weights in one Conv2d.
    static let chain: Model = {
        let texts = ["Conv2d(2, 4, 3, padding=1)", "ReLU()", "Conv2d(4, 4, 3, stride=2)", "BatchNorm2d(4)",
                     "MaxPool2d(2)", "Conv2d(4, 3, 1, bias=True)"]
        var model = Model(inputShape: [1, 2, 13, 11], layers: texts.map { try! LayerParser.parse($0) })
        model.input = .generated(.random(start: 5))
        return model.settingWeightSource(LayerWeightSource(kernel: .preset(.random(start: 9)), bias: 0.5), at: 2)
    }()

    /// The course's U-Net shape: a Cat (6) joins the output of (1) after a pool and an up-convolution.
    static let skip: Model = {
        let texts = ["Conv2d(1, 8, 3, padding=1)", "ReLU()", "MaxPool2d(2)", "Conv2d(8, 16, 3, padding=1)", "ReLU()",
                     "ConvTranspose2d(16, 8, 2, stride=2)", "Cat(1)", "Conv2d(16, 8, 3, padding=1)", "ReLU()",
                     "Conv2d(8, 1, 1)"]
        return Model(inputShape: [1, 1, 8, 8], layers: texts.map { try! LayerParser.parse($0) })
    }()

    /// The parts handed out and the whole run for `model` with layer `wanted` wanted.
    static func progressive(_ model: Model, wanted: Int) -> (parts: [StackRun], whole: StackRun?) {
        var parts: [StackRun] = []
        let whole = StackProgressiveRun.run(model, trace: model.trace, wanted: { wanted }, isCancelled: { false }) {
            parts.append($0)
        }
        return (parts, whole)
    }

    @Test(arguments: 0..<6)
    func theWantedLayersPartComesFirstAndTheWholeRunEqualsOneRun(wanted: Int) {
        let model = Self.chain, reference = model.run()
        let (parts, whole) = Self.progressive(model, wanted: wanted)
        #expect(whole == reference, "the whole run is the one pass's, value for value")
        #expect(whole?.isComplete == true)
        // The last layer wanted: nothing is left after it, so only the whole run is handed out.
        #expect(parts.count == (wanted < 5 ? 1 : 0))
        guard let part = parts.first else { return }
        #expect(part.trace == reference.trace && !part.isComplete)
        for index in 0..<6 {
            #expect(part.outputs[index] == (index <= wanted ? reference.outputs[index] : nil), "layer \(index)")
            #expect(part.isComputed(index) == (index <= wanted))
        }
    }

    @Test func aCatsSkipIsKeptAcrossTheParts() throws {
        let model = Self.skip, reference = model.run()
        #expect(reference.outputs.allSatisfy { $0 != nil }, "every layer runs")
        #expect(StackProgressiveRun.segments(model.trace, count: 10) == [0..<1, 1..<7, 7..<8, 8..<9, 9..<10],
                "no cut between the skip (1) and the Cat (6) that reads it")
        for wanted in 0..<10 {
            let (parts, whole) = Self.progressive(model, wanted: wanted)
            #expect(whole == reference)
            let part = try #require(parts.first ?? (wanted == 9 ? whole : nil))
            #expect((0...wanted).allSatisfy { part.outputs[$0] == reference.outputs[$0] })
        }
    }

    @Test func aBrokenStackEndsAtItsFailureAndIsComplete() throws {
        let layers = ["Conv2d(1, 4, 3)", "ReLU()", "Conv2d(8, 4, 3)", "ReLU()"].map { try! LayerParser.parse($0) }
        let model = Model(inputShape: [1, 1, 8, 8], layers: layers)
        let (parts, whole) = Self.progressive(model, wanted: 3)
        #expect(parts.isEmpty, "the layers wanted never run: the whole run is all there is")
        let run = try #require(whole)
        #expect(run == model.run() && run.isComplete)
        #expect(run.outputs[0] != nil && run.outputs[2] == nil && run.isComputed(2) && run.isComputed(3))
    }

    @Test func aCancelledRunStopsBetweenLayers() {
        var asked = 0
        let whole = StackProgressiveRun.run(Self.chain, trace: Self.chain.trace, wanted: { 5 },
                                            isCancelled: { asked += 1; return asked > 2 }) { _ in }
        #expect(whole == nil)
        #expect(asked == 3, "asked before each layer of a chain, stopped before the third")
    }
}
