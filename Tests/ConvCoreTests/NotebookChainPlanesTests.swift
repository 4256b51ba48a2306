import Testing
@testable import ConvCore

/// A chain's layers with the course notebook's weights run on the maps' distinct planes (a
/// ramp's equal channels summed once): the values are the whole tensors' bit for bit, on every
/// committed random stack, with its random input and with the ramp.
@Suite struct NotebookChainPlanesTests {
    @Test func distinctPlanesGiveTheWholeTensorsValues() throws {
        var compared = 0
        for c in ChainForwardRecordTests.cases {
            let layers = try c.layers.map { try LayerParser.parse($0) }
            let ramp = InputSource.rampX.makeInput(channels: c.input_shape[1], hIn: c.input_shape[2], wIn: c.input_shape[3])
            for input in [Tensor4(shape: c.input_shape, storage: c.input!), ramp] {
                // Weights given: every layer on whole tensors (the forward before the planes).
                let whole = StackForward.run(input: input, layers: layers, weights: layers.map(Model.notebookWeights))
                // None given: the notebook's, on distinct planes where the kernels allow.
                let planes = StackForward.run(input: input, layers: layers, weights: layers.map { _ in nil })
                #expect(ChainForwardRecordTests.fingerprint(planes.outputs) == ChainForwardRecordTests.fingerprint(whole.outputs),
                        "\(c.tag)")
                compared += planes.outputs.compactMap { $0 }.count
            }
        }
        #expect(compared > 100)
    }
}
