/// PyTorch's words where a graph breaks: the exception's type and its message.
public struct GraphError: Error, Equatable, Sendable {
    public let pythonType: String
    public let message: String
}

/// What a node of the forward holds while shapes are followed.
enum TraceValue {
    case tensor([Int], Reach?)
    case tuple([(shape: [Int], reach: Reach?)])
    case integers([Int])
    case integer(Int)

    var result: GraphResult {
        switch self {
        case let .tensor(shape, _): .tensor(shape)
        case let .tuple(parts): .tensors(parts.map(\.shape))
        case let .integers(sizes): .integers(sizes)
        case let .integer(n): .integer(n)
        }
    }
}

/// What a node made: a tensor's shape, chunk's tensors' shapes, a shape's sizes or one integer.
public enum GraphResult: Equatable, Sendable {
    case tensor([Int])
    case tensors([[Int]])
    case integers([Int])
    case integer(Int)
}

/// What happened to one node when the graph ran from an input shape.
public struct GraphStep: Equatable, Sendable {
    public enum Status: Equatable, Sendable { case ran, failed(GraphError), notRun }
    public let node: GraphNode
    public let status: Status
    /// The shapes of the tensors it read, in input order (empty unless it ran or failed).
    public let inputShapes: [[Int]]
    public let outputShape: [Int]?
    /// What it made (nil unless it ran): the tensor's shape, or the tuple, sizes or integer.
    public let result: GraphResult?
    /// Receptive field of its output cells over every path from the input (nil where not spatial).
    public let field: Field?
    /// Multiplications by weights (convolutions and Linear), saturating.
    public let multiplications: Int
    /// The first and last input coordinate each output cell reads, per axis, over every path.
    let reach: Reach?
    public var parameterCount: Int { node.operation.parameterCount }

    /// The narrowest and widest field along height and width over the node's cells, when they
    /// differ on some axis (after upsampling or a transposed convolution r depends on the cell);
    /// nil when every cell's field has the same size.
    public var fieldRange: (h: ClosedRange<Int>, w: ClosedRange<Int>)? {
        func widths(_ axis: AxisReach?) -> ClosedRange<Int>? {
            let spans = axis?.ends.compactMap { $0.map { $0.1 - $0.0 + 1 } } ?? []
            guard let lo = spans.min(), let hi = spans.max() else { return nil }
            return lo...hi
        }
        guard let h = widths(reach?.h), let w = widths(reach?.w), h.count > 1 || w.count > 1 else { return nil }
        return (h, w)
    }

    /// The input rows and columns that can change output cell (y, x), over every path, clipped to
    /// an input of `height`×`width` (nil where the node has no spatial field or the cell reads none).
    public func inputSupport(y: Int, x: Int, height: Int, width: Int) -> (rows: ClosedRange<Int>, cols: ClosedRange<Int>)? {
        guard let rows = reach?.h?.ends(of: y), let cols = reach?.w?.ends(of: x) else { return nil }
        let r = (max(rows.0, 0), min(rows.1, height - 1)), c = (max(cols.0, 0), min(cols.1, width - 1))
        guard r.0 <= r.1, c.0 <= c.1 else { return nil }
        return (r.0...r.1, c.0...c.1)
    }
}

/// A graph run from an input shape: each node's shapes, cost and field, up to the first that breaks.
public struct GraphTrace: Equatable, Sendable {
    public let inputShape: [Int]
    public let steps: [GraphStep]
    public let outputName: String

    /// Traces `model` for an input of `inputShape`.
    public init(_ model: Model, inputShape: [Int]) {
        self.inputShape = inputShape
        outputName = model.outputName
        var values: [String: TraceValue] = [model.inputName: .tensor(inputShape, inputShape.count == 4 ? .input : nil)]
        var steps: [GraphStep] = []
        var moved: [String: MovedReach] = [:]
        var constants: Set<String> = []
        var broken = false
        for node in model.nodes {
            guard !broken else {
                steps.append(GraphStep(node: node, status: .notRun, inputShapes: [], outputShape: nil, result: nil, field: nil,
                                       multiplications: 0, reach: nil))
                continue
            }
            let inputShapes: [[Int]] = node.inputs.compactMap { if case let .tensor(s, _)? = values[$0] { s } else { nil } }
            do throws(GraphError) {
                if case let .layer(.cat(cat)) = node.operation, !(0..<steps.count).contains(cat.skip) {
                    // A chain's Cat names its skip by position: convscope's words, as StackTrace says them.
                    let error = StackLayerError.catNeedsEarlierLayer(skip: cat.skip, at: steps.count)
                    throw GraphError(pythonType: error.pythonType, message: error.message)
                }
                var (value, mults) = try GraphShapes.run(node, values)
                if case let .tensor(shape, nil) = value {
                    // A field whose axes a permute moved (or one a parameter broadcast over): carried aside.
                    let inputs = node.inputs.compactMap { name -> GraphMovedReach.Input? in
                        guard case let .tensor(s, r)? = values[name] else { return nil }
                        return GraphMovedReach.Input(shape: s, spatial: moved[name] ?? r.map { MovedReach(reach: $0, h: s.count - 2, w: s.count - 1) },
                                                     isConstant: constants.contains(name))
                    }
                    if let carried = GraphMovedReach.after(node.operation, inputs, output: shape) {
                        if carried.h == shape.count - 2 && carried.w == shape.count - 1 {
                            value = .tensor(shape, carried.reach)
                        } else {
                            moved[node.name] = carried
                        }
                    }
                }
                if case .parameter = node.operation { constants.insert(node.name) }
                values[node.name] = value
                var shape: [Int]?, field: Field?, reach: Reach?
                if case let .tensor(s, r) = value { shape = s; field = r?.field; reach = r }
                steps.append(GraphStep(node: node, status: .ran, inputShapes: inputShapes, outputShape: shape, result: value.result,
                                       field: field, multiplications: mults, reach: reach))
            } catch {
                broken = true
                steps.append(GraphStep(node: node, status: .failed(error), inputShapes: inputShapes, outputShape: nil, result: nil,
                                       field: nil, multiplications: 0, reach: nil))
            }
        }
        self.steps = steps
    }

    /// The first node that broke.
    public var failure: (index: Int, error: GraphError)? {
        for (index, step) in steps.enumerated() { if case let .failed(error) = step.status { return (index, error) } }
        return nil
    }

    /// The returned node's shape, nil when the graph broke.
    public var outputShape: [Int]? {
        failure == nil ? steps.last { $0.node.name == outputName }?.outputShape ?? inputShape : nil
    }

    /// The model's parameters, a module called more than once counted once, saturating.
    public var parameterCount: Int { steps.parameterCount }
    /// Every node's multiplications, saturating.
    public var multiplications: Int { steps.reduce(0) { Int.saturatingSum($0, $1.multiplications) } }
}

extension Sequence<GraphStep> {
    /// The parameters of these nodes, saturating: a module the forward calls more than once
    /// (`self.body(self.body(x))` traces as `body` and `body_1`) counted once, as torch's
    /// `model.parameters()` holds its weights once.
    public var parameterCount: Int {
        var modules = Set<String>()
        return reduce(0) { total, step in
            if step.node.module != nil, !modules.insert(step.node.target).inserted { return total }
            return Int.saturatingSum(total, step.parameterCount)
        }
    }
}
