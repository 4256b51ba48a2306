/// What one node of a forward holds once computed.
public enum GraphValue: Equatable, Sendable {
    case tensor(GraphTensor)
    case tensors([GraphTensor])
    case integers([Int])
    case integer(Int)
}

/// A traced forward's values in eval mode, batch 1, float32, with the course notebook's weights:
/// every Conv2d, ConvTranspose2d and Linear weight 1 and bias 0; BatchNorm2d weight 1, bias 0,
/// running mean 0, running var 1 (x/√(1+eps) with the module's eps).
public enum GraphForward {
    /// The first node whose values convscope does not compute, with the reason; nil when all are.
    public static func uncomputable(_ trace: GraphTrace) -> (index: Int, message: String)? {
        for (index, step) in trace.steps.enumerated() {
            if case let .elementwise(.uncomputed(name)) = step.node.operation {
                return (index, "convscope follows \(name)'s shape but does not compute its values")
            }
        }
        return nil
    }

    /// Runs every node of `trace` that ran, in order, handing each value to `each` as it is made
    /// and keeping a value only until the last node that reads it has run.
    public static func stream(_ trace: GraphTrace, inputName: String, input: GraphTensor,
                              _ each: (Int, GraphValue) -> Void) {
        streamShared(trace, inputName: inputName, input: input, sharingPlanes: true) { each($0, $1.expanded) }
    }

    /// `stream` handing out maps as their distinct planes. With `sharingPlanes` false every
    /// value is a whole tensor and every node takes its whole-tensor kernel (the reference the
    /// shared planes are held to: both give the same values bit for bit).
    public static func streamShared(_ trace: GraphTrace, inputName: String, input: GraphTensor, sharingPlanes: Bool,
                                    _ each: (Int, GraphSharedValue) -> Void) {
        var lastReader: [String: Int] = [:]
        for (index, step) in trace.steps.enumerated() { for name in step.node.inputs { lastReader[name] = index } }
        var values: [String: GraphSharedValue] = [inputName: sharingPlanes ? GraphSharedValue(.tensor(input)) : .value(.tensor(input))]
        for (index, step) in trace.steps.enumerated() {
            guard step.status == .ran, let result = step.result else { return }
            let value = sharingPlanes ? computeShared(step, result: result, values)
                : .value(compute(step, result: result, values.mapValues(\.expanded)))
            for name in step.node.inputs where lastReader[name] == index { values[name] = nil }
            if lastReader[step.node.name] != nil { values[step.node.name] = value }
            each(index, value)
        }
    }

    /// Every node's value at once (for tests and small models).
    public static func run(_ trace: GraphTrace, inputName: String, input: GraphTensor,
                           sharingPlanes: Bool = true) -> [GraphValue] {
        var all: [GraphValue] = []
        streamShared(trace, inputName: inputName, input: input, sharingPlanes: sharingPlanes) { all.append($1.expanded) }
        return all
    }

    /// One node's value from maps kept as distinct planes where its kernel allows, else from the
    /// whole tensors of its inputs.
    static func computeShared(_ step: GraphStep, result: GraphResult, _ values: [String: GraphSharedValue]) -> GraphSharedValue {
        if case let .tensor(shape) = result,
           let value = GraphSharedRows.value(step.node.operation, step.node.inputs.compactMap { values[$0] }, shape: shape) {
            return value
        }
        var maps: [FeatureMaps] = [], allMaps = true
        for name in step.node.inputs {
            switch values[name] {
            case let .maps(m)?: maps.append(m)
            case .value(.tensor)?, .value(.tensors)?, .rows?: allMaps = false
            default: break
            }
        }
        if allMaps, !maps.isEmpty, case let .tensor(shape) = result,
           let shared = GraphSharedKernels.maps(step.node.operation, maps, shape: shape) {
            return .maps(shared)
        }
        var plain: [String: GraphValue] = [:]
        for name in step.node.inputs { plain[name] = values[name]?.expanded }
        return GraphSharedValue(compute(step, result: result, plain))
    }

    static func compute(_ step: GraphStep, result: GraphResult, _ values: [String: GraphValue]) -> GraphValue {
        switch result {
        case let .integer(n): return .integer(n)
        case let .integers(sizes): return .integers(sizes)
        default: break
        }
        let node = step.node
        let tensors: [GraphTensor] = node.inputs.compactMap { if case let .tensor(t)? = values[$0] { t } else { nil } }
        if case let .item(.at(.literal(k))) = node.operation, case let .tensors(parts)? = values[node.inputs[0]] {
            return .tensor(parts[k < 0 ? k + parts.count : k])
        }
        if case let .parameter(shape) = node.operation {
            // The course notebook's rule for every parameter: weights (and scales) 1, biases 0.
            let shape = shape ?? []
            let value: Float = node.target.hasSuffix("bias") ? 0 : 1
            return .tensor(GraphTensor(shape: shape, storage: Array(repeating: value, count: shape.reduce(1, *))))
        }
        let x = tensors[0]
        let integer: (GraphInt) -> Int = { i in
            switch i {
            case let .literal(n): n
            case let .node(name): if case let .integer(n)? = values[name] { n } else { 0 }
            }
        }
        if case let .tensors(shapes) = result, case let .chunk(_, dim) = node.operation {
            let d = dim < 0 ? dim + x.shape.count : dim
            let strides = GraphTensor.strides(x.shape)
            var start = 0
            return .tensors(shapes.map { shape in
                defer { start += shape[d] }
                return x.gathered(shape: shape, strides: strides, offset: start * strides[d])
            })
        }
        guard case let .tensor(shape) = result else { return .tensors([]) }
        return .tensor(GraphKernels.tensor(node.operation, x, tensors, shape: shape, integer))
    }
}
