/// What happened to one layer when a stack ran: shapes, field, cost, or why it broke.
public struct LayerTrace: Equatable, Sendable {
    /// Ran, broke with PyTorch's error, or never reached because an earlier layer broke.
    public enum Status: Equatable, Sendable {
        case ran
        case failed(StackLayerError)
        case notRun
    }

    /// The trace's values in one shared box: a retrace copies 5,000 traces it keeps, and each copy
    /// then costs one reference count instead of one per array and layer inside.
    private final class Storage: Sendable {
        let layer: StackLayer, status: Status
        let inputShape: [Int]?, outputShape: [Int]?, skipShape: [Int]?
        let field: Field?, skipField: Field?, reach: Reach, multiplications: Int

        init(layer: StackLayer, status: Status, inputShape: [Int]?, outputShape: [Int]?, skipShape: [Int]?, field: Field?,
             skipField: Field?, reach: Reach, multiplications: Int) {
            (self.layer, self.status, self.inputShape, self.outputShape, self.skipShape) = (layer, status, inputShape, outputShape, skipShape)
            (self.field, self.skipField, self.reach, self.multiplications) = (field, skipField, reach, multiplications)
        }
    }

    private let storage: Storage

    init(layer: StackLayer, status: Status, inputShape: [Int]?, outputShape: [Int]?, skipShape: [Int]?, field: Field?,
         skipField: Field?, reach: Reach, multiplications: Int) {
        storage = Storage(layer: layer, status: status, inputShape: inputShape, outputShape: outputShape, skipShape: skipShape,
                          field: field, skipField: skipField, reach: reach, multiplications: multiplications)
    }

    public var layer: StackLayer { storage.layer }
    public var status: Status { storage.status }
    /// [1, C, H, W] the layer received (nil when not run); for Cat, the current map's.
    public var inputShape: [Int]? { storage.inputShape }
    /// [1, C, H, W] the layer produced (nil unless it ran).
    public var outputShape: [Int]? { storage.outputShape }
    /// For Cat: the skip's shape as concatenated (after cropping).
    public var skipShape: [Int]? { storage.skipShape }
    /// The receptive field of the output cells (nil unless it ran, or when transposed strides
    /// multiply beyond 65 536). For Cat, the union of both inputs' fields when they move alike
    /// (what a later layer reading all channels sees), else the current map's.
    public var field: Field? { storage.field }
    /// For Cat: the skip channels' own field (after cropping).
    public var skipField: Field? { storage.skipField }
    /// The exact reach behind `field`, for the next layer.
    var reach: Reach { storage.reach }
    /// Learnable parameters (weights and biases).
    public var parameterCount: Int { layer.parameterCount }
    /// Weight multiplications (0 unless it ran).
    public var multiplications: Int { storage.multiplications }

    public static func == (a: LayerTrace, b: LayerTrace) -> Bool {
        a.storage === b.storage
            || (a.layer == b.layer && a.status == b.status && a.inputShape == b.inputShape && a.outputShape == b.outputShape
                && a.skipShape == b.skipShape && a.field == b.field && a.skipField == b.skipField && a.reach == b.reach
                && a.multiplications == b.multiplications)
    }
}

/// A stack run from an input shape: each layer's shapes and field, up to the first layer that breaks.
public struct StackTrace: Equatable, Sendable {
    /// [1, C, H, W] of the stack's input.
    public let inputShape: [Int]
    public let layers: [LayerTrace]
    /// The layers traced, in order (compared with a later edit's without reading each trace).
    public let stack: [StackLayer]
    /// Each layer's name: print(model)'s (`features.3`) or its position (`3`).
    public let names: [String]
    /// Values of the input and of every output that ran (saturating at Int.max; `StackSize`).
    public let totalValues: Int
    /// Weight multiplications of every layer that ran (saturating).
    public let totalMultiplications: Int
    /// Learnable parameters of every layer (saturating).
    public let totalParameters: Int
    /// The index of the layer that broke, found once (the screen asks at every frame).
    let failureIndex: Int?

    /// Traces `layers` for an input of `inputShape` ([1, C, H, W], all positive); the layers after
    /// a failure are kept as not run. `names` default to the positions.
    public init(inputShape: [Int], layers stack: [StackLayer], names: [String]? = nil) {
        self.init(inputShape: inputShape, layers: stack, names: names ?? stack.indices.map { "\($0)" }, reusing: nil)
    }

    /// Traces `stack`, taking from `old` (a trace of the same model before an edit) every layer
    /// whose own layer, input shape and input reach are unchanged, and the field of every layer
    /// whose layer and input reach are unchanged (only its shapes are worked out again); Cats,
    /// which read an earlier output, are always traced again. The result equals a fresh trace.
    init(inputShape: [Int], layers stack: [StackLayer], names: [String], reusing old: StackTrace?) {
        precondition(inputShape.count == 4 && inputShape.allSatisfy { $0 > 0 }, "a stack input is [1, C, H, W]")
        precondition(names.count == stack.count, "one name per layer")
        self.inputShape = inputShape
        self.names = names
        self.stack = stack
        var traces: [LayerTrace] = []
        traces.reserveCapacity(stack.count)
        var shape = inputShape
        var broken = false, failureAt: Int?
        let oldLayers = old?.layers ?? [], oldStack = old?.stack ?? []
        // Whether the reach the next layer reads equals the one the old trace's layer at that
        // place read: then a layer equal to the old one has the old one's reach and field.
        var sameReach = old != nil
        for (index, layer) in stack.enumerated() {
            // The same layer at the same place before the edit.
            let previous = index < oldStack.count && oldStack[index] == layer ? oldLayers[index] : nil
            if broken {
                if let previous, previous.status == .notRun { traces.append(previous); continue }
                traces.append(LayerTrace(layer: layer, status: .notRun, inputShape: nil, outputShape: nil,
                                         skipShape: nil, field: nil, skipField: nil, reach: Reach(h: nil, w: nil),
                                         multiplications: 0))
                continue
            }
            let trace: LayerTrace
            if let previous, sameReach, !layer.isCat, layer.module == nil, previous.status != .notRun,
               previous.inputShape == shape || previous.status == .ran {
                // A failure depends on the layer and its input shape alone (a Cat's also on its skip).
                trace = previous.inputShape == shape ? previous
                    : Self.reshaped(previous, input: shape, sameAs: Self.repeated(layer, input: shape, before: index, in: traces, stack))
            } else {
                trace = Self.traced(layer, index: index, current: (shape, traces.last?.reach ?? .input), earlier: traces)
                sameReach = index < oldLayers.count && oldLayers[index].status == .ran && trace.status == .ran
                    && oldLayers[index].reach == trace.reach
            }
            if case .ran = trace.status {
                shape = trace.outputShape!
            } else {
                broken = true
                failureAt = index
            }
            traces.append(trace)
        }
        layers = traces
        // Counted once here: the screen asks for them at every key and frame.
        var values = Self.elementCount(inputShape), multiplications = 0, parameters = 0
        for index in traces.indices {
            if let shape = traces[index].outputShape { values = .saturatingSum(values, Self.elementCount(shape)) }
            multiplications = .saturatingSum(multiplications, traces[index].multiplications)
            parameters = .saturatingSum(parameters, traces[index].parameterCount)
        }
        (totalValues, totalMultiplications, totalParameters) = (values, multiplications, parameters)
        failureIndex = failureAt
    }

    /// `layer` run on `current`, or failed with PyTorch's error.
    static func traced(_ layer: StackLayer, index: Int, current: (shape: [Int], reach: Reach), earlier: [LayerTrace]) -> LayerTrace {
        do throws(StackLayerError) {
            return try run(layer, index: index, current: current, earlier: earlier)
        } catch {
            return LayerTrace(layer: layer, status: .failed(error), inputShape: current.shape,
                              outputShape: nil, skipShape: nil, field: nil, skipField: nil,
                              reach: Reach(h: nil, w: nil), multiplications: 0)
        }
    }

    /// A non-Cat layer that ran, on a new input shape whose reach is unchanged: its reach and field
    /// do not depend on the sizes, so only the shapes and multiplications are worked out again.
    /// `sameAs`, when given, is an earlier trace of this layer on this input shape: its output
    /// shape is taken instead of worked out.
    static func reshaped(_ previous: LayerTrace, input: [Int], sameAs earlier: LayerTrace? = nil) -> LayerTrace {
        let layer = previous.layer, reach = previous.reach
        do throws(StackLayerError) {
            var shape: [Int]
            if let known = earlier?.outputShape { shape = known } else { shape = try StackLimits.checkMap(layer.outputShape(input: input)) }
            return LayerTrace(layer: layer, status: .ran, inputShape: input, outputShape: shape, skipShape: nil,
                              field: previous.field, skipField: nil, reach: reach,
                              multiplications: layer.multiplications(input: input, output: shape))
        } catch {
            return LayerTrace(layer: layer, status: .failed(error), inputShape: input, outputShape: nil, skipShape: nil,
                              field: nil, skipField: nil, reach: Reach(h: nil, w: nil), multiplications: 0)
        }
    }

    /// A layer a few places back that equals `layer`, ran, and read the same shape: deep models
    /// repeat short blocks (Conv2d, BatchNorm2d, ReLU), whose shapes then need working out once.
    static func repeated(_ layer: StackLayer, input: [Int], before index: Int, in traces: [LayerTrace], _ stack: [StackLayer])
        -> LayerTrace? {
        for back in 1...4 where index - back >= 0 && stack[index - back] == layer {
            let earlier = traces[index - back]
            if earlier.outputShape != nil, earlier.inputShape == input { return earlier }
        }
        return nil
    }

    static func run(
        _ layer: StackLayer, index: Int, current: (shape: [Int], reach: Reach), earlier: [LayerTrace]
    ) throws(StackLayerError) -> LayerTrace {
        if let error = layer.constructionError { throw error }
        guard case let .cat(cat) = layer else {
            let shape = try StackLimits.checkMap(layer.outputShape(input: current.shape))
            let reach = layer.reach(after: current.reach, inputShape: current.shape, outputShape: shape)
            return LayerTrace(layer: layer, status: .ran, inputShape: current.shape, outputShape: shape, skipShape: nil,
                              field: reach.field, skipField: nil, reach: reach,
                              multiplications: layer.multiplications(input: current.shape, output: shape))
        }
        guard cat.skip >= 0 && cat.skip < index else { throw .catNeedsEarlierLayer(skip: cat.skip, at: index) }
        // Every layer before a Cat that runs ran: its output shape is there.
        var skip = (shape: earlier[cat.skip].outputShape!, reach: earlier[cat.skip].reach)
        let shape = current.shape
        let joined = try cat.joinedSkipShape(skip: skip.shape, current: shape)
        if cat.crop {
            let top = CatLayer.cropOffset(from: skip.shape[2], to: joined[2])
            let left = CatLayer.cropOffset(from: skip.shape[3], to: joined[3])
            skip = (joined, Reach(h: skip.reach.h?.cropped(by: top), w: skip.reach.w?.cropped(by: left)))
        }
        func union(_ a: AxisReach?, _ b: AxisReach?) -> AxisReach? {
            guard let a else { return nil }
            return b.flatMap { a.union($0) } ?? a
        }
        let reach = Reach(h: union(current.reach.h, skip.reach.h), w: union(current.reach.w, skip.reach.w))
        return LayerTrace(layer: layer, status: .ran, inputShape: shape,
                          outputShape: try StackLimits.checkMap([1, skip.shape[1] + shape[1], shape[2], shape[3]]), skipShape: skip.shape,
                          field: reach.field, skipField: skip.reach.field, reach: reach, multiplications: 0)
    }

    /// What print(model) prints for layer `index`; a Cat names the layer it joins by its name
    /// (`Cat(stem.relu)`), which is its index for `--layer` strings.
    public func repr(_ index: Int) -> String {
        guard case let .cat(cat) = layers[index].layer, names.indices.contains(cat.skip) else { return layers[index].layer.pytorchRepr }
        return "Cat(\(names[cat.skip])" + (cat.crop ? ", crop=True)" : ")")
    }

    /// Index and error of the layer that broke, if any.
    public var failure: (index: Int, error: StackLayerError)? {
        guard let index = failureIndex, case let .failed(error) = layers[index].status else { return nil }
        return (index, error)
    }

    /// The last layer's output shape, or nil when the stack broke (or is empty: then the input's).
    public var outputShape: [Int]? {
        if failure != nil { return nil }
        return layers.last?.outputShape ?? inputShape
    }

    /// `1×3×64×64 → 1×8×32×32 → …`, up to the layer that broke (marked ✗).
    public var shapeLine: String {
        var parts = [inputShape.map(String.init).joined(separator: "×")]
        for trace in layers {
            if let shape = trace.outputShape { parts.append(shape.map(String.init).joined(separator: "×")) }
            if case .failed = trace.status { parts.append("✗ \(trace.layer.name)"); break }
        }
        return parts.joined(separator: " → ")
    }
}

extension Model {
    /// This model's trace after an edit of `before`, whose trace was `old`: the layers the edit
    /// left alone keep their traced fields (a key on a 5,000-layer model retraces only what
    /// changed), and the names are kept when the edit did not change them. Equals `trace`.
    public func trace(reusing old: StackTrace, before: Model) -> StackTrace {
        let sameNames = before.printed == printed && before.layers.count == layers.count && old.names.count == layers.count
        return StackTrace(inputShape: inputShape, layers: layers, names: sameNames ? old.names : names, reusing: old)
    }
}

extension StackLayer {
    /// True for a Cat (which reads an earlier layer's output besides its input).
    public var isCat: Bool { if case .cat = self { true } else { false } }
}
