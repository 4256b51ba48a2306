import Foundation
import Testing
@testable import ConvCore

/// What torch 2.13 computed for an fx_prints model some of whose convolutions take random
/// weights from a weight source (`scripts/make_weight_source_fixture.py`).
struct WeightSourceFixture: Decodable, CustomTestStringConvertible, Sendable {
    struct Source: Decodable, Sendable { let node: String; let start: UInt64; let bias: Float }
    let id: String
    let input_shape: [Int]
    let sources: [Source]
    let nodes: [FxValueFixture.Node]
    var testDescription: String { id }

    static let all: [WeightSourceFixture] = {
        let directory = StackFixtureFile.directory.appendingPathComponent("fx_weight_sources")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().map {
            try! JSONDecoder().decode(WeightSourceFixture.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }()
}

/// One model type and one forward: a chain is a graph whose node i reads node i − 1; a traced
/// graph's nodes take weight sources as a chain's layers do; the course screen's layer is a
/// model of one Conv2d node.
@Suite struct OneForwardTests {
    @Test func fixturesHoldAResNetAndAUNet() {
        #expect(Set(WeightSourceFixture.all.map(\.id)) == ["resnet18", "unet_small"])
    }

    /// Every node's values with random weights on some convolutions (a ConvTranspose2d and a
    /// bias among them) are torch's; the shared-plane forward and the whole-tensor one agree bit
    /// for bit.
    @Test(arguments: WeightSourceFixture.all)
    func weightSourcesOnGraphNodesGiveTorchsValues(_ f: WeightSourceFixture) throws {
        let text = try #require(FxPrintFixture.all.first { $0.id == f.id }).text
        var model = try FxModelReader.read(text).withInputShape(f.input_shape)
        #expect(!model.isChain, "a traced ResNet or U-Net is not a chain")
        for source in f.sources {
            let index = try #require(model.nodes.firstIndex { $0.name == source.node })
            model = model.settingWeightSource(LayerWeightSource(kernel: .preset(.random(start: source.start)), bias: source.bias),
                                              at: index)
            #expect(model.sourcedWeights(index) != nil, "\(source.node) is weighed by its source")
        }
        let trace = GraphTrace(model, inputShape: model.inputShape)
        #expect(trace.failure == nil)
        let input = GraphTensor(model.makeInput())
        let shared = GraphForward.run(trace, inputName: model.inputName, input: input, weights: model.sourcedWeights)
        let whole = GraphForward.run(trace, inputName: model.inputName, input: input, sharingPlanes: false,
                                     weights: model.sourcedWeights)
        #expect(shared == whole, "shared planes and whole tensors give the same values")
        var tensors: [String: GraphTensor] = [:]
        for (index, value) in shared.enumerated() { if case let .tensor(t) = value { tensors[trace.steps[index].node.name] = t } }
        for node in f.nodes {
            node.expectMatches(try #require(tensors[node.name], "\(node.name)"))
        }
        // Without the sources the first weighed node gives other values: the sources were used.
        let plain = GraphForward.run(trace, inputName: model.inputName, input: input)
        let first = try #require(trace.steps.firstIndex { $0.node.name == f.sources[0].node })
        #expect(plain[first] != shared[first])
    }

    /// A chain traced as a graph (a Cat with crop among them) gives the shapes StackTrace gives,
    /// and the graph forward gives the chain's values bit for bit with PyTorch's weights.
    @Test(arguments: StackFixtureFile.shared.stacks.filter { $0.construction_error == nil })
    func aChainIsAGraphWithTheSameValues(_ c: StackFixtureCase) throws {
        let layers = try c.layers.map { try LayerParser.parse($0) }
        let model = Model(inputShape: c.input_shape, layers: layers)
        #expect(model.isChain)
        #expect(model.layers == layers)
        let stack = model.trace
        let graph = GraphTrace(model, inputShape: model.inputShape)
        #expect(graph.steps.map(\.outputShape) == stack.layers.map(\.outputShape), "\(c)")
        #expect(graph.failure?.index == stack.failure?.index, "\(c)")
        if let failure = graph.failure, let expected = stack.failure {
            #expect(failure.error.message == expected.error.message, "\(c)")
        }
        let weights = c.layerWeights(layers)
        let input = Tensor4(shape: c.input_shape, storage: c.input!)
        let chain = StackForward.run(input: input, layers: layers, weights: weights)
        let values = GraphForward.run(graph, inputName: model.inputName, input: GraphTensor(input), weights: { weights[$0] })
        for (index, output) in chain.outputs.enumerated() {
            guard let output else { continue }
            guard case let .tensor(t) = values[index] else { Issue.record("\(c) layer \(index) has no value"); continue }
            #expect(t.shape == output.shape && zip(t.storage, output.storage).allSatisfy { $0.bitPattern == $1.bitPattern },
                    "\(c) layer \(index)")
        }
    }

    /// The course screen's layer, as a model of one Conv2d node reading its input, gives the
    /// course screen's output: reflect padding, groups, a bias, stride and dilation.
    @Test(arguments: [
        "--padding-h 2 --padding-w 1 --padding-mode reflect --kernel random:3 --input random:5",
        "--in-channels 4 --out-channels 6 --groups 2 --bias 1.5 --kernel random:9 --input checker",
        "--stride-h 2 --stride-w 2 --dilation-h 2 --dilation-w 2 --padding-h 1 --padding-w 1 --padding-mode circular --bias -2 --kernel sobel-x",
        "--h-in 9 --w-in 7 --kernel-size-h 5 --stride-w 3 --padding-h 2 --padding-w 2 --padding-mode replicate --kernel random:4 --input random:1",
    ])
    func theCourseLayerIsAOneNodeModel(_ words: String) throws {
        var settings = Conv2dSettings()
        let pairs = words.split(separator: " ").map(String.init)
        for i in stride(from: 0, to: pairs.count, by: 2) {
            let id = try #require(ParameterID.allCases.first { $0.spec.flag == pairs[i] }, "\(pairs[i])")
            try settings.read(id, word: pairs[i + 1], files: nil)
        }
        let model = Model.singleConv2d(settings)
        #expect(model.nodes.count == 1 && model.isChain && model.nodes[0].inputs == [model.inputName])
        #expect(model.layers == [.conv2d(settings.layer)])
        let course = try ConvExperiment(settings).output.get().tensor
        let run = model.run()
        #expect(run.outputs[0] == course, "\(words)")
    }
}
