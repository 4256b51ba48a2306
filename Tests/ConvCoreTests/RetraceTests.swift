import Foundation
import Testing
@testable import ConvCore

/// A trace made after an edit from the trace before it (keeping the layers the edit left alone)
/// equals a fresh trace of the edited model: shapes, fields, failures, totals and names.
@Suite struct RetraceTests {
    /// Every fixture stack that parses (Cats, transposed strides, failures, layers not run).
    static let stacks: [Model] = StackFixtureFile.shared.stacks.compactMap { c in
        guard c.construction_error == nil, let layers = try? c.layers.map({ try LayerParser.parse($0) }) else { return nil }
        return Model(inputShape: c.input_shape, layers: layers)
    }

    /// The edits a key makes: the input's size, one layer replaced by another (from any stack),
    /// a layer removed, inserted or swapped with the next.
    static func edited(_ model: Model, _ random: inout SplitMixRandom) -> Model {
        var new = model
        let count = model.layers.count
        let at = random.integer(in: 0...max(0, count - 1))
        let other = stacks[random.integer(in: 0...(stacks.count - 1))].layers
        switch random.integer(in: 0...5) {
        case 0: new.inputShape[2] = random.integer(in: 1...40)
        case 1: new.inputShape[3] = random.integer(in: 1...40); new.inputShape[1] = random.integer(in: 1...8)
        case 2 where count > 1 && !model.layers[at].isCat: return model.removing(at: at)
        case 3 where !other.isEmpty:
            let layer = other[random.integer(in: 0...(other.count - 1))]
            if !layer.isCat || at > 0 { return model.inserting(layer, at: at) }
        case 4 where count > 1 && at < count - 1: return model.swapping(at)
        default:
            // A layer replaced by another of any stack (a Cat kept pointing at an earlier layer).
            guard !other.isEmpty, count > 0 else { break }
            let layer = other[random.integer(in: 0...(other.count - 1))]
            if !layer.isCat { new.layers[at] = layer }
        }
        return new
    }

    @Test func aRetraceEqualsAFreshTrace() {
        var random = SplitMixRandom(start: 424_242)
        #expect(Self.stacks.count >= 100)
        var reshaped = 0, failing = 0
        for start in Self.stacks {
            var model = start, trace = model.trace
            for step in 0..<12 {
                let new = Self.edited(model, &random)
                let retraced = new.trace(reusing: trace, before: model), fresh = new.trace
                #expect(retraced == fresh, "\(new.layers.map(\.pytorchRepr)) on \(new.inputShape), step \(step)")
                #expect(retraced.failure?.index == fresh.failure?.index)
                if new.inputShape != model.inputShape && new.layers == model.layers { reshaped += 1 }
                if fresh.failure != nil { failing += 1 }
                (model, trace) = (new, retraced)
            }
        }
        // Both kinds of reuse were met: sizes alone changed, and stacks that break.
        #expect(reshaped > 100 && failing > 100, "\(reshaped) resized, \(failing) broken")
    }

    /// A deep model of repeated blocks whose sizes change at the input (h_in on the model screen)
    /// retraces to a fresh trace, also where a block meets a size at which it breaks.
    @Test func repeatedBlocksResizedEqualAFreshTrace() throws {
        let block = try ["Conv2d(8, 8, 3, padding=1)", "BatchNorm2d(8)", "ReLU()", "MaxPool2d(2, ceil_mode=True)"].map { try LayerParser.parse($0) }
        var model = Model(inputShape: [1, 8, 64, 64], layers: Array(Array(repeating: block, count: 12).joined()))
        var trace = model.trace
        for size in [65, 1, 9, 1024, 2, 64, 3] {
            let new = { var m = model; m.inputShape[2] = size; m.inputShape[3] = size + 1; return m }()
            let retraced = new.trace(reusing: trace, before: model)
            #expect(retraced == new.trace, "\(size)")
            (model, trace) = (new, retraced)
        }
    }

    /// A printed model's names survive a retrace that keeps them, and move with an insertion.
    @Test func namesFollowTheEdit() throws {
        let printed = try ModelParser.read("""
            Sequential(
              (stem): Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
              (act): ReLU()
              (head): Conv2d(8, 4, kernel_size=(1, 1), stride=(1, 1))
            )
            """)
        let model = Model(inputShape: [1, 3, 16, 16], printed: printed)
        var resized = model
        resized.inputShape[2] = 9
        #expect(resized.trace(reusing: model.trace, before: model) == resized.trace)
        let inserted = model.inserting(.shapePreserving(.relu(inplace: false)), at: 1)
        let retraced = inserted.trace(reusing: model.trace, before: model)
        #expect(retraced == inserted.trace)
        #expect(retraced.names == ["stem", "stem_1", "act", "head"])
    }
}
