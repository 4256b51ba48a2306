import ConvCore
import Foundation
import Testing
@testable import ConvExercises

/// A value question computes only the cone its cell depends on: the same value as running every
/// layer whole, on random stacks of every layer kind and padding mode and on the stacks of the
/// committed PyTorch fixtures.
@Suite struct CellConeTests {
    /// A random layer reading `channels` channels (a Cat joins an earlier layer).
    static func randomLayer(_ random: inout SplitMixRandom, channels: Int, index: Int) -> String {
        func pick(_ range: ClosedRange<Int>) -> Int { random.integer(in: range) }
        let out = pick(1...4)
        switch pick(0...9) {
        case 0, 1, 2:
            let k = pick(1...4), groups = channels % 2 == 0 && out % 2 == 0 && pick(0...2) == 0 ? 2 : 1
            let mode = ["zeros", "reflect", "replicate", "circular"][pick(0...3)]
            let padding = pick(0...3) == 0 ? "'same'" : "\(pick(0...2))"
            let stride = padding == "'same'" ? 1 : pick(1...2)
            return "Conv2d(\(channels), \(out * groups), \(k), stride=\(stride), padding=\(padding), dilation=\(pick(1...2)), "
                + "groups=\(groups), padding_mode='\(mode)')"
        case 3:
            let stride = pick(1...3), dilation = pick(1...2)
            return "ConvTranspose2d(\(channels), \(out), \(pick(1...4)), stride=\(stride), padding=\(pick(0...1)), "
                + "output_padding=\(pick(0...max(0, max(stride, dilation) - 1))), dilation=\(dilation))"
        case 4:
            let k = pick(1...3)
            return "MaxPool2d(\(k), stride=\(pick(1...2)), padding=\(pick(0...k / 2)), dilation=\(pick(1...2)), ceil_mode=\(pick(0...1) == 1 ? "True" : "False"))"
        case 5:
            let k = pick(1...3)
            return "AvgPool2d(\(k), stride=\(pick(1...2)), padding=\(pick(0...k / 2)), ceil_mode=\(pick(0...1) == 1 ? "True" : "False"), "
                + "count_include_pad=\(pick(0...1) == 1 ? "True" : "False"))"
        case 6: return ["ReLU()", "Sigmoid()", "LeakyReLU(negative_slope=0.2)", "Tanh()", "Identity()", "GELU()"][pick(0...5)]
        case 7: return "BatchNorm2d(\(channels)" + (pick(0...1) == 0 ? ", track_running_stats=False)" : ")")
        default: return index > 0 ? "Cat(\(pick(0...index - 1))\(pick(0...1) == 0 ? ", crop=True" : ""))" : "ReLU()"
        }
    }

    /// The cone's value of every probed cell of `layer` equals the whole computation's.
    static func expectConeMatches(_ setup: ExerciseSetup, layer asked: Int, whole: Tensor4, _ random: inout SplitMixRandom,
                                  _ context: @autoclosure () -> String) {
        let shape = whole.shape
        for _ in 0..<3 {
            let (o, y, x) = (random.integer(in: 0...shape[1] - 1), random.integer(in: 0...shape[2] - 1), random.integer(in: 0...shape[3] - 1))
            let windows = CellCone.windows(setup.trace, asked: asked, y: y, x: x)
            let (input, skip) = CellCone.inputs(setup, asked: asked, windows: windows)
            let cone = CellValue.value(of: setup.layers[asked], input: input, skip: skip, channel: o, y: y, x: x)
            let expected = Double(whole[0, o, y, x])
            let same = cone == expected || (cone.isNaN && expected.isNaN) || abs(cone - expected) <= 1e-4 * max(1, abs(expected))
            #expect(same, "\(context()) layer \(asked) cell [\(o), \(y), \(x)]: cone \(cone), whole \(expected)")
        }
    }

    /// Every layer of `setup` that ran, probed at random cells.
    static func expectConesMatch(_ setup: ExerciseSetup, _ random: inout SplitMixRandom, _ context: String) -> Int {
        let input = setup.fill.makeInput(channels: setup.inputShape[1], hIn: setup.inputShape[2], wIn: setup.inputShape[3])
        let run = StackForward.run(input: input, layers: setup.layers, weights: setup.layers.map(Model.notebookWeights))
        var probed = 0
        for (index, output) in run.outputs.enumerated() {
            guard let output, output.storage.count > 0 else { continue }
            expectConeMatches(setup, layer: index, whole: output, &random, context)
            probed += 1
        }
        return probed
    }

    @Test func randomStacksGiveTheWholeComputationsValues() {
        var random = SplitMixRandom(start: 7_2026)
        var stacks = 0, probed = 0
        let fills: [InputSource] = [.rampX, .rampY, .checker, .impulse, .random(start: 11)]
        while stacks < 300 {
            var channels = random.integer(in: 1...3), texts: [String] = []
            let count = random.integer(in: 1...6)
            var layers: [StackLayer] = []
            for index in 0..<count {
                let text = Self.randomLayer(&random, channels: channels, index: index)
                guard let layer = try? LayerParser.parse(text) else { break }
                layers.append(layer); texts.append(text)
                // The channels the next layer reads, from a trace of what is there so far.
                guard let shape = StackTrace(inputShape: [1, Model.expectedChannels(layers) ?? channels, 12, 12], layers: layers).outputShape
                else { break }
                channels = shape[1]
            }
            guard !layers.isEmpty else { continue }
            let inputChannels = Model.expectedChannels(layers) ?? random.integer(in: 1...3)
            let shape = [1, inputChannels, random.integer(in: 4...13), random.integer(in: 4...13)]
            let setup = ExerciseSetup(layers: layers, inputShape: shape, fill: fills[stacks % fills.count])
            guard setup.trace.failure == nil else { continue }
            probed += Self.expectConesMatch(setup, &random, "\(texts) on \(shape)")
            stacks += 1
        }
        #expect(probed > 600, "\(probed) layers probed")
    }

    /// The stacks PyTorch ran for the fixtures (their shapes and layers; all-ones weights here).
    @Test func fixtureStacksGiveTheWholeComputationsValues() throws {
        struct Case: Decodable { let input_shape: [Int]; let layers: [String]; let error: AnyValue?; let construction_error: AnyValue? }
        struct AnyValue: Decodable {}
        struct File: Decodable { let stacks: [Case] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../ConvCoreTests/Fixtures/pytorch_stacks.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        var random = SplitMixRandom(start: 99)
        var probed = 0
        for c in file.stacks where c.error == nil && c.construction_error == nil {
            let layers = try c.layers.map { try LayerParser.parse($0) }
            let setup = ExerciseSetup(layers: layers, inputShape: c.input_shape, fill: .random(start: 5))
            probed += Self.expectConesMatch(setup, &random, "\(c.layers) on \(c.input_shape)")
        }
        #expect(probed > 100)
    }

    /// The random input's n-th value, drawn alone, is the whole input's.
    @Test func everyFillIsReadCellByCell() {
        for fill in [InputSource.rampX, .rampY, .checker, .impulse, .random(start: 3), .notebook] {
            let (h, w) = fill == .notebook ? (8, 8) : (9, 7)
            let whole = fill.makeInput(channels: 2, hIn: h, wIn: w)
            let part = CellCone.inputPart(fill, shape: [1, 2, h, w], window: MapWindow(rows: 2...7, columns: 1...5))
            for c in 0..<2 { for y in 2...7 { for x in 1...5 {
                #expect(part[0, c, y, x] == whole[0, c, y, x], "\(fill) [\(c), \(y), \(x)]")
            } } }
        }
    }
}
