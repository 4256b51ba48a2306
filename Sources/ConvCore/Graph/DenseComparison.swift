/// The course notes' comparison of a convolution with a dense (fully connected) layer, on a traced
/// model: a dense layer mapping a conv's input to its output, and the model's own Linear — what it
/// costs, and what it would cost reading the last feature map whole instead of the pooled vector.
public enum DenseComparison {
    /// A dense layer of `inputs` → `outputs` with a bias, as nn.Linear counts it.
    public struct Dense: Equatable, Sendable {
        public let inputs: Int
        public let outputs: Int
        public let bias: Bool
        /// A dense layer of `inputs` → `outputs`, with a bias or not.
        public init(inputs: Int, outputs: Int, bias: Bool) { (self.inputs, self.outputs, self.bias) = (inputs, outputs, bias) }
        /// Weights and biases: in·out + out (+ out only with a bias).
        public var parameters: Int { Int.saturatingSum(multiplications, bias ? outputs : 0) }
        /// One multiplication per weight: in·out.
        public var multiplications: Int { Int.saturatingProduct(inputs, outputs) }
    }

    /// A conv node against a dense layer reading its whole input and making its whole output.
    public struct ConvAgainstDense: Equatable, Sendable {
        public let node: String
        public let inputShape: [Int]
        public let outputShape: [Int]
        public let convParameters: Int
        public let convMultiplications: Int
        public let dense: Dense
    }

    /// A node's output map: its qualified name and shape.
    public struct FeatureMap: Equatable, Sendable {
        public let node: String
        public let shape: [Int]
    }

    /// The model's Linear and the feature map it is fed from (nil when another dense layer feeds it).
    public struct ModelLinear: Equatable, Sendable {
        public let node: String
        public let dense: Dense
        /// The last node before it whose output is a map with more than one cell, and that shape.
        public let map: FeatureMap?
        /// The same Linear reading that map whole (its C·H·W values) instead of what it reads.
        public var onWholeMap: Dense? { map.map { Dense(inputs: Self.values($0.shape), outputs: dense.outputs, bias: dense.bias) } }

        static func values(_ shape: [Int]) -> Int { Int.saturatingProduct(of: Array(shape.dropFirst())) }
    }

    /// The comparison for a convolution node that ran (nil for any other node).
    public static func conv(_ step: GraphStep) -> ConvAgainstDense? {
        guard isConv(step.node.operation), step.status == .ran, let input = step.inputShapes.first,
              let output = step.outputShape else { return nil }
        let dense = Dense(inputs: ModelLinear.values(input), outputs: ModelLinear.values(output), bias: true)
        return ConvAgainstDense(node: step.node.target, inputShape: input, outputShape: output,
                                convParameters: step.parameterCount, convMultiplications: step.multiplications, dense: dense)
    }

    /// Whether the operation is a 2-D convolution (or a transposed one).
    static func isConv(_ operation: GraphOperation) -> Bool {
        switch operation {
        case .layer(.conv2d), .layer(.convTranspose2d): true
        default: false
        }
    }

    /// Every Linear of the trace that ran, in order, each with the feature map it is fed from.
    public static func linears(_ trace: GraphTrace) -> [ModelLinear] {
        var index: [String: Int] = [:]
        for (i, step) in trace.steps.enumerated() { index[step.node.name] = i }
        return trace.steps.compactMap { step in
            guard case let .linear(i, o, bias) = step.node.operation, step.status == .ran else { return nil }
            return ModelLinear(node: step.node.target, dense: Dense(inputs: i, outputs: o, bias: bias),
                               map: feedingMap(step, trace: trace, index: index))
        }
    }

    /// Walks back along first inputs through pools, flattens and activations to the last map with
    /// more than one cell; stops at another Linear (a dense layer fed by a dense layer) or the input.
    static func feedingMap(_ linear: GraphStep, trace: GraphTrace, index: [String: Int]) -> FeatureMap? {
        var name = linear.node.inputs.first
        while let current = name, let i = index[current] {
            let step = trace.steps[i]
            if case .linear = step.node.operation { return nil }
            if let shape = step.outputShape, shape.count == 4, Int.saturatingProduct(shape[2], shape[3]) > 1 {
                return FeatureMap(node: step.node.target, shape: shape)
            }
            name = step.node.inputs.first
        }
        return nil
    }
}
