/// What happened to one layer when a stack ran: shapes, field, cost, or why it broke.
public struct LayerTrace: Equatable, Sendable {
    /// Ran, broke with PyTorch's error, or never reached because an earlier layer broke.
    public enum Status: Equatable, Sendable {
        case ran
        case failed(StackLayerError)
        case notRun
    }

    public let layer: StackLayer
    public let status: Status
    /// [1, C, H, W] the layer received (nil when not run); for Cat, the current map's.
    public let inputShape: [Int]?
    /// [1, C, H, W] the layer produced (nil unless it ran).
    public let outputShape: [Int]?
    /// For Cat: the skip's shape as concatenated (after cropping).
    public let skipShape: [Int]?
    /// The receptive field of the output cells (nil unless it ran, or when transposed strides
    /// multiply beyond 65 536). For Cat, the union of both inputs' fields when they move alike
    /// (what a later layer reading all channels sees), else the current map's.
    public let field: Field?
    /// For Cat: the skip channels' own field (after cropping).
    public let skipField: Field?
    /// The exact reach behind `field`, for the next layer.
    let reach: Reach
    /// Learnable parameters (weights and biases).
    public var parameterCount: Int { layer.parameterCount }
    /// Weight multiplications (0 unless it ran).
    public let multiplications: Int
}

/// A stack run from an input shape: each layer's shapes and field, up to the first layer that breaks.
public struct StackTrace: Equatable, Sendable {
    /// [1, C, H, W] of the stack's input.
    public let inputShape: [Int]
    public let layers: [LayerTrace]
    /// Each layer's name: print(model)'s (`features.3`) or its position (`3`).
    public let names: [String]
    /// Values of the input and of every output that ran (saturating at Int.max; `StackSize`).
    public let totalValues: Int
    /// Weight multiplications of every layer that ran (saturating).
    public let totalMultiplications: Int
    /// Learnable parameters of every layer (saturating).
    public let totalParameters: Int

    /// Traces `layers` for an input of `inputShape` ([1, C, H, W], all positive); the layers after
    /// a failure are kept as not run. `names` default to the positions.
    public init(inputShape: [Int], layers stack: [StackLayer], names: [String]? = nil) {
        precondition(inputShape.count == 4 && inputShape.allSatisfy { $0 > 0 }, "a stack input is [1, C, H, W]")
        precondition(names == nil || names!.count == stack.count, "one name per layer")
        self.inputShape = inputShape
        self.names = names ?? stack.indices.map { "\($0)" }
        var traces: [LayerTrace] = []
        var outputs: [(shape: [Int], reach: Reach)] = []
        var current = (shape: inputShape, reach: Reach.input)
        var broken = false
        for (index, layer) in stack.enumerated() {
            if broken {
                traces.append(LayerTrace(layer: layer, status: .notRun, inputShape: nil, outputShape: nil,
                                         skipShape: nil, field: nil, skipField: nil, reach: Reach(h: nil, w: nil),
                                         multiplications: 0))
                continue
            }
            do throws(StackLayerError) {
                let trace = try Self.run(layer, index: index, current: current, earlier: outputs)
                traces.append(trace)
                current = (trace.outputShape!, trace.reach)
                outputs.append(current)
            } catch {
                broken = true
                traces.append(LayerTrace(layer: layer, status: .failed(error), inputShape: current.shape,
                                         outputShape: nil, skipShape: nil, field: nil, skipField: nil,
                                         reach: Reach(h: nil, w: nil), multiplications: 0))
            }
        }
        layers = traces
        // Counted once here: the screen asks for them at every key and frame.
        totalValues = traces.reduce(Self.elementCount(inputShape)) { .saturatingSum($0, $1.outputShape.map(Self.elementCount) ?? 0) }
        totalMultiplications = traces.reduce(0) { .saturatingSum($0, $1.multiplications) }
        totalParameters = traces.reduce(0) { .saturatingSum($0, $1.parameterCount) }
    }

    static func run(
        _ layer: StackLayer, index: Int, current: (shape: [Int], reach: Reach), earlier: [(shape: [Int], reach: Reach)]
    ) throws(StackLayerError) -> LayerTrace {
        if let error = layer.constructionError { throw error }
        guard case let .cat(cat) = layer else {
            let shape = try StackLimits.checkMap(layer.outputShape(input: current.shape))
            let reach = layer.reach(after: current.reach)
            return LayerTrace(layer: layer, status: .ran, inputShape: current.shape, outputShape: shape, skipShape: nil,
                              field: reach.field, skipField: nil, reach: reach,
                              multiplications: layer.multiplications(input: current.shape, output: shape))
        }
        guard cat.skip >= 0 && cat.skip < index else { throw .catNeedsEarlierLayer(skip: cat.skip, at: index) }
        var skip = earlier[cat.skip]
        let shape = current.shape
        if cat.crop {
            guard skip.shape[2] >= shape[2] && skip.shape[3] >= shape[3] else {
                throw .catCropTooSmall(skipShape: skip.shape, currentShape: shape)
            }
            let top = CatLayer.cropOffset(from: skip.shape[2], to: shape[2])
            let left = CatLayer.cropOffset(from: skip.shape[3], to: shape[3])
            skip = ([1, skip.shape[1], shape[2], shape[3]],
                    Reach(h: skip.reach.h?.cropped(by: top), w: skip.reach.w?.cropped(by: left)))
        }
        // torch.cat([skip, current], 1) compares every dimension but 1 with tensor 0's, in order.
        for dim in [0, 2, 3] where skip.shape[dim] != shape[dim] {
            throw .catSizes(expected: skip.shape[dim], got: shape[dim])
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
        for (index, trace) in layers.enumerated() { if case let .failed(error) = trace.status { return (index, error) } }
        return nil
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
