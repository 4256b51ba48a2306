import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation
import Testing

/// The engine's stack job delivers twice: the values up to the selected layer as soon as they
/// exist, then all of them; a newer model cancels it in between, a new selection redirects it.
@Suite("The stack job: the selected layer's values first")
struct StackSelectedFirstEngineTests {
    /// Six layers at 64², each Conv2d 2.4 million multiplications: not computed inline.
    static let model: Model = {
        let texts = ["Conv2d(8, 8, 3, padding=1)", "ReLU()", "Conv2d(8, 8, 3, padding=1)", "ReLU()",
                     "Conv2d(8, 8, 3, padding=1)", "ReLU()"]
        return Model(inputShape: [1, 8, 64, 64], layers: texts.map { try! LayerParser.parse($0) })
    }()

    /// The stack results taken from `engine` until one for `until` holds every layer (or 60 s pass).
    static func deliveries(_ engine: Engine, until model: Model) -> [(Model, StackRun)] {
        var taken: [(Model, StackRun)] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while !taken.contains(where: { $0.0 == model && $0.1.isComplete }) && ContinuousClock.now < deadline {
            for case .stack(let computed, let values) in engine.take() { taken.append((computed, values)) }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return taken
    }

    /// True when `part` holds the reference values of a first run of layers and nothing after them.
    static func isPrefix(_ part: StackRun, of reference: StackRun) -> Bool {
        let held = part.outputs.prefix { $0 != nil }.count
        return part.outputs.indices.allSatisfy { $0 < held ? part.outputs[$0] == reference.outputs[$0] : part.outputs[$0] == nil }
    }

    @Test func layer2Of6FirstThenAll() throws {
        #expect(!Engine.isSmall(Self.model))
        let engine = Engine(), reference = Self.model.run()
        #expect(engine.request(.stack(Self.model, selected: 2)).isEmpty && engine.isComputing)
        let taken = Self.deliveries(engine, until: Self.model)
        #expect(taken.count == 2, "one part, then the whole")
        let part = try #require(taken.first?.1)
        #expect(!part.isComplete && part.trace == reference.trace)
        #expect((0...2).allSatisfy { part.outputs[$0] == reference.outputs[$0] }, "layers 0–2")
        #expect((3..<6).allSatisfy { part.outputs[$0] == nil }, "nothing after the selected layer")
        #expect(taken.last?.1 == reference, "then every layer")
        #expect(!engine.isComputing, "the whole run ends the job")
    }

    @Test func anEditBetweenTheTwoDeliveriesDiscardsTheStaleOne() throws {
        let engine = Engine()
        #expect(engine.request(.stack(Self.model, selected: 0)).isEmpty)
        // Wait for the first part only, then edit.
        var first: [ComputeResult] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while first.isEmpty && ContinuousClock.now < deadline {
            first = engine.take()
            Thread.sleep(forTimeInterval: 0.002)
        }
        guard case .stack(_, let part)? = first.first else { Issue.record("no first part"); return }
        if part.isComplete { return }  // the whole run came at once (a very fast machine): nothing to supersede
        var edited = Self.model
        edited.inputShape = [1, 8, 48, 64]
        #expect(engine.request(.stack(edited, selected: 0)).isEmpty)
        let taken = Self.deliveries(engine, until: edited)
        #expect(taken.allSatisfy { $0.0 == edited }, "nothing of the model before arrives after the edit")
        #expect(taken.last?.1 == edited.run())
    }

    @Test func aNewSelectionRedirectsTheRunningJob() throws {
        let engine = Engine(), reference = Self.model.run()
        #expect(engine.request(.stack(Self.model, selected: 0)).isEmpty)
        #expect(engine.request(.stack(Self.model, selected: 4)).isEmpty, "the same model: the job goes on")
        let taken = Self.deliveries(engine, until: Self.model)
        #expect(taken.count <= 3 && taken.allSatisfy { Self.isPrefix($0.1, of: reference) })
        #expect(taken.last?.1 == reference)
        let parts = taken.filter { !$0.1.isComplete }.map(\.1)
        // A part for layer 0 may have gone out before the new selection arrived; the next part, if
        // any, reaches the layer selected since.
        #expect(parts.count <= 2 && parts.dropFirst().allSatisfy { $0.outputs[4] != nil && $0.outputs[5] == nil })
    }
}
