import Foundation
import Testing
@testable import ConvCore

/// The stack screen's values, bit for bit, as the forward gave them before the model became a
/// graph of named nodes (Fixtures/stack_forward_bits.json was written by that forward with
/// CONVSCOPE_RECORD=1): every committed random stack with its PyTorch weights, and the stacks
/// with a Cat, given random and file weight sources and a bias.
@Suite struct ChainForwardRecordTests {
    static let url = StackFixtureFile.directory.appendingPathComponent("stack_forward_bits.json")
    static let record = ProcessInfo.processInfo.environment["CONVSCOPE_RECORD"] == "1"

    /// FNV-1a over every value's bits, one per layer ("-" where the layer did not run).
    static func fingerprint(_ outputs: [Tensor4?]) -> [String] {
        outputs.map { output in
            guard let output else { return "-" }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for v in output.shape.map(UInt32.init) + output.storage.map(\.bitPattern) {
                hash = (hash ^ UInt64(v)) &* 0x100_0000_01b3
            }
            return String(hash, radix: 16)
        }
    }

    static let cases = StackFixtureFile.shared.stacks.filter { $0.construction_error == nil }

    /// Each case's model with weight sources: even Conv2d/ConvTranspose2d layers random (a bias
    /// of 0.5), odd Conv2d layers a 2-D kernel file of their kernel size (the diagonal spread).
    static func sourced(_ c: StackFixtureCase) throws -> Model {
        let layers = try c.layers.map { try LayerParser.parse($0) }
        var model = Model(inputShape: c.input_shape, layers: layers)
        model.input = .generated(.rampX)
        for (index, layer) in layers.enumerated() {
            guard let shape = layer.weightShape else { continue }
            if index % 2 == 1, case .conv2d = layer {
                let values = (0..<shape[2] * shape[3]).map { Float(($0 * 5) % 7) - 3 }
                let file = try KernelFile(bytes: NPYWriter.float32(values, shape: [shape[2], shape[3]]), name: "k\(index).npy")
                model = model.settingWeightSource(LayerWeightSource(kernel: .file(LoadedFile(name: "k\(index).npy", content: file)),
                                                                    bias: -1.25), at: index)
            } else {
                model = model.settingWeightSource(LayerWeightSource(kernel: .preset(.random(start: UInt64(index + 3))), bias: 0.5),
                                                  at: index)
            }
        }
        return model
    }

    /// Every case's fingerprints: PyTorch's weights on its input, then the sourced model on the ramp.
    static func fingerprints() throws -> [String: [String]] {
        var all: [String: [String]] = [:]
        for c in cases {
            let layers = try c.layers.map { try LayerParser.parse($0) }
            let run = StackForward.run(input: Tensor4(shape: c.input_shape, storage: c.input!), layers: layers,
                                       weights: c.layerWeights(layers))
            all[c.tag] = fingerprint(run.outputs)
            if layers.contains(where: \.isCat) || layers.contains(where: { $0.weightShape != nil }) {
                all[c.tag + " sourced"] = fingerprint(try sourced(c).run().outputs)
            }
        }
        return all
    }

    @Test func chainValuesAreTheRecordedOnesBitForBit() throws {
        let now = try Self.fingerprints()
        if Self.record {
            let data = try JSONSerialization.data(withJSONObject: now, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: Self.url)
            Issue.record("recorded \(Self.url.lastPathComponent)")
            return
        }
        let recorded = try JSONDecoder().decode([String: [String]].self, from: Data(contentsOf: Self.url))
        #expect(recorded.count == now.count)
        #expect(recorded.keys.contains { $0.hasSuffix("sourced") })
        #expect(Self.cases.contains { $0.layers.contains { $0.contains("crop=True") } }, "a Cat with crop is among them")
        for (tag, bits) in recorded.sorted(by: { $0.key < $1.key }) {
            #expect(now[tag] == bits, "\(tag)")
        }
    }
}
