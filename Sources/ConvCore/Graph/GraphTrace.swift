/// PyTorch's words where a graph breaks: the exception's type and its message.
public struct GraphError: Error, Equatable, Sendable {
    public let pythonType: String
    public let message: String
}

/// What happened to one node when the graph ran from an input shape.
public struct GraphStep: Equatable, Sendable {
    public enum Status: Equatable, Sendable { case ran, failed(GraphError), notRun }
    public let node: GraphNode
    public let status: Status
    /// The shapes of the tensors it read, in input order (empty unless it ran or failed).
    public let inputShapes: [[Int]]
    public let outputShape: [Int]?
    /// Receptive field of its output cells over every path from the input (nil where not spatial).
    public let field: Field?
    /// Multiplications by weights (convolutions and Linear), saturating.
    public let multiplications: Int
    public var parameterCount: Int { node.operation.parameterCount }
}

/// A graph run from an input shape: each node's shapes, cost and field, up to the first that breaks.
public struct GraphTrace: Equatable, Sendable {
    public let inputShape: [Int]
    public let steps: [GraphStep]
    public let outputName: String

    /// Traces `model` for an input of `inputShape`.
    public init(_ model: GraphModel, inputShape: [Int]) {
        self.inputShape = inputShape
        outputName = model.outputName
        var values: [String: (shape: [Int], reach: Reach?)] = [model.inputName: (inputShape, inputShape.count == 4 ? .input : nil)]
        var steps: [GraphStep] = []
        var broken = false
        for node in model.nodes {
            guard !broken else {
                steps.append(GraphStep(node: node, status: .notRun, inputShapes: [], outputShape: nil, field: nil, multiplications: 0))
                continue
            }
            let inputs = node.inputs.compactMap { values[$0] }
            do throws(GraphError) {
                let (shape, reach, mults) = try GraphShapes.run(node.operation, inputs)
                values[node.name] = (shape, reach)
                steps.append(GraphStep(node: node, status: .ran, inputShapes: inputs.map(\.shape), outputShape: shape,
                                       field: reach?.field, multiplications: mults))
            } catch {
                broken = true
                steps.append(GraphStep(node: node, status: .failed(error), inputShapes: inputs.map(\.shape), outputShape: nil,
                                       field: nil, multiplications: 0))
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

    /// Every node's parameters, saturating.
    public var parameterCount: Int { steps.reduce(0) { Int.saturatingSum($0, $1.parameterCount) } }
    /// Every node's multiplications, saturating.
    public var multiplications: Int { steps.reduce(0) { Int.saturatingSum($0, $1.multiplications) } }
}
