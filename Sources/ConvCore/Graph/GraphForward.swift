/// What one node of a forward holds once computed.
public enum GraphValue: Equatable, Sendable {
    case tensor(GraphTensor)
    case tensors([GraphTensor])
    case integers([Int])
    case integer(Int)
}

/// A model's values in eval mode, batch 1, float32: the one forward of every model, a traced
/// graph or a chain (`StackForward` is the chain's view of it). A node's weights come from its
/// weight source where it has one; otherwise the course notebook's: every Conv2d,
/// ConvTranspose2d and Linear weight 1 and bias 0; BatchNorm2d weight 1, bias 0, running mean 0,
/// running var 1 (x/√(1+eps) with the module's eps).
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
    /// and keeping a value only until the last node that reads it has run. `weights(i)` gives
    /// node i's weights, or nil for the course notebook's.
    public static func stream(_ trace: GraphTrace, inputName: String, input: GraphTensor,
                              weights: (Int) -> LayerWeights? = { _ in nil }, _ each: (Int, GraphValue) -> Void) {
        streamShared(trace, inputName: inputName, input: input, sharingPlanes: true, weights: weights) { each($0, $1.expanded) }
    }

    /// `stream` handing out maps as their distinct planes. With `sharingPlanes` false every
    /// value is a whole tensor and every node takes its whole-tensor kernel (the reference the
    /// shared planes are held to: both give the same values bit for bit).
    public static func streamShared(_ trace: GraphTrace, inputName: String, input: GraphTensor, sharingPlanes: Bool,
                                    weights: (Int) -> LayerWeights? = { _ in nil },
                                    _ each: (Int, GraphSharedValue) -> Void) {
        let planned = trace.steps.map { Planned(node: $0.node, result: $0.status == .ran ? $0.result : nil) }
        _ = run(planned, inputName: inputName, input: sharingPlanes ? GraphSharedValue(.tensor(input)) : .value(.tensor(input)),
                sharingPlanes: sharingPlanes, weights: weights, isCancelled: { false }, each)
    }

    /// Every node's value at once (for tests and small models).
    public static func run(_ trace: GraphTrace, inputName: String, input: GraphTensor,
                           sharingPlanes: Bool = true, weights: (Int) -> LayerWeights? = { _ in nil }) -> [GraphValue] {
        var all: [GraphValue] = []
        streamShared(trace, inputName: inputName, input: input, sharingPlanes: sharingPlanes, weights: weights) {
            all.append($1.expanded)
        }
        return all
    }

    /// A node to run and what it makes; a nil result stops the forward there (the node did not run).
    struct Planned {
        let node: GraphNode
        let result: GraphResult?
    }

    /// The one forward: every planned node in order, each value kept until its last reader has
    /// run. A node given weights takes the whole-tensor kernel with them (a chain's layers, a
    /// weight source); nil keeps the course notebook's all ones and, with `sharingPlanes`, the
    /// kernels on distinct planes. `input` is the input as the forward keeps it (its planes found,
    /// or handed on from the forward that made it). False once `isCancelled` (asked before each node) says stop.
    static func run(_ planned: [Planned], inputName: String, input: GraphSharedValue, sharingPlanes: Bool,
                    weights: (Int) -> LayerWeights?, isCancelled: () -> Bool,
                    _ each: (Int, GraphSharedValue) -> Void) -> Bool {
        var values = GraphLiveValues(planned.enumerated().map { ($0, $1.node) }, holding: [inputName: input])
        for (index, step) in planned.enumerated() {
            if isCancelled() { return false }
            guard let result = step.result else { return true }
            let given = weights(index)
            let value = sharingPlanes ? computeShared(step.node, result: result, values.held, weights: given)
                : .value(compute(step.node, result: result, values.held.mapValues(\.expanded), weights: given))
            values.ran(step.node, at: index, making: value)
            each(index, value)
        }
        return true
    }

    /// One node's value from maps kept as distinct planes where its kernel allows, else from the
    /// whole tensors of its inputs.
    static func computeShared(_ node: GraphNode, result: GraphResult, _ values: [String: GraphSharedValue],
                              weights: LayerWeights?) -> GraphSharedValue {
        if weights == nil, case let .tensor(shape) = result,
           let value = GraphSharedRows.value(node.operation, node.inputs.compactMap { values[$0] }, shape: shape) {
            return value
        }
        var maps: [FeatureMaps] = [], allMaps = weights == nil
        for name in node.inputs {
            switch values[name] {
            case let .maps(m)?: maps.append(m)
            case .value(.tensor)?, .value(.tensors)?, .rows?: allMaps = false
            default: break
            }
        }
        if allMaps, !maps.isEmpty, case let .tensor(shape) = result,
           let shared = GraphSharedKernels.maps(node.operation, maps, shape: shape) {
            return .maps(shared)
        }
        var plain: [String: GraphValue] = [:]
        for name in node.inputs { plain[name] = values[name]?.expanded }
        return GraphSharedValue(compute(node, result: result, plain, weights: weights))
    }

    /// A step's value with the course notebook's weights.
    static func compute(_ step: GraphStep, result: GraphResult, _ values: [String: GraphValue]) -> GraphValue {
        compute(step.node, result: result, values, weights: nil)
    }

    /// A node's value from its inputs' whole tensors; `weights` nil for the course notebook's.
    static func compute(_ node: GraphNode, result: GraphResult, _ values: [String: GraphValue],
                        weights: LayerWeights?) -> GraphValue {
        switch result {
        case let .integer(n): return .integer(n)
        case let .integers(sizes): return .integers(sizes)
        default: break
        }
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
        return .tensor(GraphKernels.tensor(node.operation, x, tensors, shape: shape, weights: weights, integer))
    }
}
