import Testing
@testable import ConvCore

/// The course notes' conv-vs-dense numbers on real models, checked against torch's own counts in
/// the committed fx fixtures (`params` per node, ShapeProp's shapes).
@Suite struct DenseComparisonTests {
    static func traced(_ f: FxPrintFixture) throws -> GraphTrace {
        GraphTrace(try FxModelReader.read(f.text), inputShape: f.input_shape)
    }

    static func values(_ shape: [Int]) -> Int { shape.dropFirst().reduce(1, *) }

    /// Every Linear of every model: in·out + out parameters as torch counts them, in·out multiplications,
    /// in and out the sizes of the tensors torch fed it and got from it.
    @Test(arguments: FxPrintFixture.all)
    func everyLinearCostsWhatTorchCounts(_ f: FxPrintFixture) throws {
        let linears = DenseComparison.linears(try Self.traced(f))
        let byName = Dictionary(f.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let torchLinears = f.nodes.filter { node in linears.contains { $0.node == node.target } }
        #expect(linears.count == torchLinears.count)
        for (linear, node) in zip(linears, torchLinears) {
            let input = try #require(byName[node.inputs[0]]?.shape ?? (node.inputs[0] == f.placeholder ? f.input_shape : nil))
            let output = try #require(node.shape)
            #expect(linear.dense.inputs == input.last && linear.dense.outputs == output.last, "\(node.name)")
            #expect(linear.dense.parameters == node.params, "\(node.name)")
            #expect(linear.dense.multiplications == input.last! * output.last!, "\(node.name)")
        }
    }

    /// resnet18's fc: 512 → 1000 on the pooled vector, fed from layer4.1.relu's 512×7×7 map; read
    /// whole, the map would need 25,088·1000 + 1000 parameters.
    @Test func resnet18sHeadOnThePooledVectorAndOnTheWholeMap() throws {
        let f = try #require(FxPrintFixture.all.first { $0.id == "resnet18" })
        let fc = try #require(DenseComparison.linears(try Self.traced(f)).first)
        #expect(fc.node == "fc")
        #expect(fc.dense.parameters == 513_000 && fc.dense.multiplications == 512_000)
        #expect(fc.dense.parameters == f.nodes.first { $0.name == "fc" }?.params)
        let map = try #require(fc.map)
        #expect(map.node == "layer4.1.relu")
        #expect(map.shape == f.nodes.first { $0.name == "layer4_1_relu_1" }?.shape)
        let whole = try #require(fc.onWholeMap)
        #expect(whole.inputs == 25_088 && whole.parameters == 25_089_000 && whole.multiplications == 25_088_000)
    }

    /// vgg16's first Linear reads the 512×7×7 map whole: the whole-map count is torch's own
    /// (102,764,544); the two after it read a dense layer's output, not a map.
    @Test func vgg16sFirstLinearReadsTheMapWhole() throws {
        let f = try #require(FxPrintFixture.all.first { $0.id == "vgg16" })
        let linears = DenseComparison.linears(try Self.traced(f))
        #expect(linears.map(\.node) == ["classifier.0", "classifier.3", "classifier.6"])
        let first = linears[0]
        #expect(first.map?.shape == [1, 512, 7, 7])
        #expect(first.onWholeMap == first.dense)
        #expect(first.onWholeMap?.parameters == f.nodes.first { $0.name == "classifier_0" }?.params)
        #expect(linears[1].map == nil && linears[2].map == nil)
    }

    /// Every Conv2d of every model: its parameters as torch counts them, against a dense layer
    /// from its whole input (C·H·W) to its whole output, with a bias.
    @Test(arguments: FxPrintFixture.all)
    func everyConvAgainstADenseLayerOfTheSameInputAndOutput(_ f: FxPrintFixture) throws {
        let trace = try Self.traced(f)
        let byName = Dictionary(f.nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var checked = 0
        for step in trace.steps {
            guard let c = DenseComparison.conv(step), let node = byName[step.node.name] else { continue }
            let input = node.inputs[0] == f.placeholder ? f.input_shape : byName[node.inputs[0]]?.shape
            let output = try #require(node.shape)
            #expect(c.convParameters == node.params, "\(node.name)")
            #expect(c.inputShape == input && c.outputShape == output, "\(node.name)")
            let i = Self.values(try #require(input)), o = Self.values(output)
            #expect(c.dense.multiplications == Int.saturatingProduct(i, o), "\(node.name)")
            #expect(c.dense.parameters == Int.saturatingSum(Int.saturatingProduct(i, o), o), "\(node.name)")
            checked += 1
        }
        #expect(checked > 0 || !f.nodes.contains { $0.op == "call_module" && $0.target.contains("conv") })
    }
}
