/// The values one screen needs, and no more: a node's and its inputs', computing only the nodes
/// they read (and what those read) that are not already known.
extension GraphForward {
    /// `known` with the values of every `wanted` node added, computed from the input through only
    /// the nodes they depend on; a node that did not run (or a name not in the trace) is left out.
    /// `weights(i)` gives node i's weights, or nil for the course notebook's.
    public static func values(_ trace: GraphTrace, inputName: String, input: GraphTensor, wanted: [String],
                              known: [String: GraphValue],
                              weights: (Int) -> LayerWeights? = { _ in nil }) -> [String: GraphValue] {
        var values = known
        values[inputName] = values[inputName] ?? .tensor(input)
        var index: [String: Int] = [:]
        for (i, step) in trace.steps.enumerated() { index[step.node.name] = i }
        // Walk back from the wanted nodes to what is already known.
        var needed = Set<Int>()
        var pending = wanted.filter { values[$0] == nil }
        while let name = pending.popLast() {
            guard let i = index[name], needed.insert(i).inserted else { continue }
            pending += trace.steps[i].node.inputs.filter { values[$0] == nil }
        }
        for i in needed.sorted() {
            let step = trace.steps[i]
            guard step.status == .ran, let result = step.result,
                  step.node.inputs.allSatisfy({ values[$0] != nil }) else { continue }
            values[step.node.name] = compute(step.node, result: result, values, weights: weights(i))
        }
        return values
    }
}
