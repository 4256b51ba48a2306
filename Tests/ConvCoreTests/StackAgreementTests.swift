import Foundation
import Testing
@testable import ConvCore

/// Random stacks run through real PyTorch 2.13: shapes, values, messages and receptive fields.
@Suite struct StackAgreementTests {
    static let cases = StackFixtureFile.shared.stacks

    @Test(.disabled(if: StackFixtureFile.override != nil, "a comparison run holds only random stacks"))
    func fixturesHoldEnoughStacksOfEveryKind() {
        let all = Self.cases
        #expect(all.count >= 100)
        #expect(all.filter { $0.error == nil && $0.construction_error == nil }.count >= 50)
        let names = Set(all.flatMap(\.layers).map { ($0.hasPrefix("nn.") ? String($0.dropFirst(3)) : $0).prefix { $0 != "(" } })
        for name in ["Conv2d", "ConvTranspose2d", "MaxPool2d", "AvgPool2d", "Cat", "ReLU", "LeakyReLU", "Sigmoid", "Tanh",
                     "GELU", "BatchNorm2d", "Dropout", "Dropout2d", "Identity"] {
            #expect(names.contains(Substring(name)), "no \(name) in the fixtures")
        }
        #expect(StackFixtureFile.shared.torch.hasPrefix("2.13"))
    }

    @Test(arguments: cases.filter { $0.construction_error != nil })
    func constructionErrorsAreTorchsValueErrors(_ c: StackFixtureCase) throws {
        let broken = c.construction_error!
        for text in c.layers.prefix(broken.layer) { _ = try LayerParser.parse(text) }
        #expect(throws: LayerParseError.self) { try LayerParser.parse(c.layers[broken.layer]) }
        do {
            _ = try LayerParser.parse(c.layers[broken.layer])
        } catch let .construction(_, error) {
            #expect(error.message == broken.message)
            #expect(error.pythonType == "ValueError")
        } catch {
            Issue.record("\(c): \(error.message)")
        }
    }

    @Test(arguments: cases.filter { $0.construction_error == nil })
    func stackAgreesWithPyTorch(_ c: StackFixtureCase) throws {
        let layers = try c.layers.map { try LayerParser.parse($0) }
        let input = Tensor4(shape: c.input_shape, storage: c.input!)
        let run = StackForward.run(input: input, layers: layers, weights: c.layerWeights(layers))
        let results = c.results!
        for (index, expected) in results.enumerated() {
            let trace = run.trace.layers[index]
            #expect(trace.status == .ran, "\(c) layer \(index)")
            #expect(trace.outputShape == expected.output_shape, "\(c) layer \(index)")
            #expect(layers[index].pytorchRepr == expected.repr, "\(c) layer \(index)")
            let field = trace.field
            let h = field.map { [$0.h.size, $0.h.jump, $0.h.start].map(\.description) }
            let w = field.map { [$0.w.size, $0.w.jump, $0.w.start].map(\.description) }
            #expect(h == (expected.field_h == nil || expected.field_w == nil ? nil : expected.field_h), "\(c) \(index)")
            #expect(w == (expected.field_h == nil || expected.field_w == nil ? nil : expected.field_w), "\(c) \(index)")
            let output = try #require(run.outputs[index])
            let torch = expected.output.map(\.value)
            #expect(output.storage.count == torch.count)
            if expected.exact {
                // PyTorch's float32 run equals its float64 run: every sum was exact, so must ours be.
                let same = zip(output.storage, torch).allSatisfy { $0.bitPattern == $1.bitPattern || ($0 == 0 && $1 == 0) }
                #expect(same, "\(c) layer \(index): not bit for bit")
            } else {
                // Rounded values: run this layer alone on PyTorch's own input, so earlier rounding
                // differences do not travel, and allow float32 rounding.
                let earlier = results.prefix(index).map { Tensor4(shape: $0.output_shape, storage: $0.output.map(\.value)) }
                let layerInput = earlier.last ?? input
                let alone = StackForward.output(of: trace, input: layerInput, weights: c.layerWeights(layers)[index],
                                                skip: layers[index].catSkip.map { earlier[$0] }, shape: expected.output_shape)
                let scale = max(1, torch.map { abs($0) }.filter(\.isFinite).max() ?? 1)
                // Batch statistics divide by √(var + eps): PyTorch's float32 mean and variance
                // carry rounding that a tiny variance magnifies (a constant map gives ±3e-5, not 0).
                var tolerance = 1e-5 * scale
                if case let .shapePreserving(.batchNorm2d(bn)) = layers[index], bn.usesBatchStatistics { tolerance += 1e-3 }
                let worst = zip(alone.storage, torch).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= tolerance, "\(c) layer \(index): off by \(worst)")
            }
        }
        if let error = c.error {
            let failure = try #require(run.trace.failure, "\(c) should break at \(error.layer)")
            #expect(failure.index == error.layer, "\(c)")
            if error.message.hasPrefix("convscope:") {
                #expect(failure.error.pythonType == "convscope", "\(c)")
            } else {
                #expect(failure.error.message == error.message, "\(c)")
                #expect(failure.error.pythonType == error.type, "\(c)")
            }
            for later in run.trace.layers.dropFirst(error.layer + 1) { #expect(later.status == .notRun) }
        } else {
            #expect(run.trace.failure == nil, "\(c): \(run.trace.failure?.error.message ?? "")")
        }
    }

    @Test func singleLayersGiveTorchsShapeOrMessage() throws {
        var mismatches: [String] = []
        for c in StackFixtureFile.shared.single_layers {
            let layer: StackLayer
            do {
                layer = try LayerParser.parse(c.layer)
            } catch let .construction(_, error) {
                if error.message != c.construction_error { mismatches.append("\(c): \(error.message)") }
                continue
            } catch {
                mismatches.append("\(c): \(error.message)")
                continue
            }
            if c.construction_error != nil { mismatches.append("\(c) should not build"); continue }
            let trace = StackTrace(inputShape: c.input_shape, layers: [layer])
            if let error = c.error {
                let failure = trace.failure?.error
                if failure?.message != error || failure?.pythonType != c.type {
                    mismatches.append("\(c): \(failure?.message ?? "ran") instead of \(error)")
                }
            } else if trace.outputShape != c.output_shape {
                mismatches.append("\(c): \(trace.outputShape ?? []) instead of \(c.output_shape!)")
            }
        }
        let count = StackFixtureFile.shared.single_layers.count
        #expect(mismatches.isEmpty, "MISMATCHES \(mismatches.count) of \(count): \(mismatches.prefix(5))")
        #expect(count >= 2000 || StackFixtureFile.override != nil)
    }

    @Test(arguments: cases.filter { $0.construction_error == nil }.flatMap(\.layers))
    func reprReadsBackAsTheSameLayer(_ text: String) throws {
        let layer = try LayerParser.parse(text)
        #expect(try LayerParser.parse(layer.pytorchRepr) == LayerParser.parse(layer.pytorchRepr))
        #expect(try LayerParser.parse(layer.pytorchRepr).pytorchRepr == layer.pytorchRepr)
    }
}
