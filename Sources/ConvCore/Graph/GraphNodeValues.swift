/// The values one screen needs, and no more: a node's and its inputs', computing only the nodes
/// they read (and what those read) that are not already known.
extension GraphForward {
    /// Values written out for the nodes computed on the way besides the wanted ones, nearest the
    /// wanted first: what a key up the list reads next without a new forward. Writing out every
    /// node of resnet50 at 224² (25 million values) took longer than computing them all.
    public static let keptOnTheWay = 1 << 20

    /// `known` with the values of every `wanted` node added, computed from the input through only
    /// the nodes they depend on; a node that did not run (or a name not in the trace) is left out.
    /// Maps are carried as their distinct planes (`GraphSharedKernels`) and written out whole only
    /// for the wanted nodes and, within `keptOnTheWay` values, the nodes just before them. With
    /// `sharingPlanes` false every node takes its whole-tensor kernel and every node computed is
    /// kept (the reference: both give the same values bit for bit). `weights(i)` gives node i's
    /// weights, or nil for the course notebook's.
    public static func values(_ trace: GraphTrace, inputName: String, input: GraphTensor, wanted: [String],
                              known: [String: GraphValue], sharingPlanes: Bool = true,
                              weights: (Int) -> LayerWeights? = { _ in nil }) -> [String: GraphValue] {
        var values = known
        values[inputName] = values[inputName] ?? .tensor(input)
        let needed = neededSteps(trace, wanted: wanted, known: values)
        guard sharingPlanes else {
            for i in needed {
                let step = trace.steps[i]
                guard step.status == .ran, let result = step.result,
                      step.node.inputs.allSatisfy({ values[$0] != nil }) else { continue }
                values[step.node.name] = compute(step.node, result: result, values, weights: weights(i))
            }
            return values
        }
        let written = Set(wanted).union(keptSteps(trace, needed: needed, wanted: Set(wanted)))
        var shared = GraphLiveValues(needed.map { ($0, trace.steps[$0].node) })
        for i in needed {
            let step = trace.steps[i]
            guard step.status == .ran, let result = step.result,
                  step.node.inputs.allSatisfy({ shared[$0] != nil || values[$0] != nil }) else { continue }
            for name in step.node.inputs where shared[name] == nil { shared[name] = GraphSharedValue(values[name]!) }
            let value = computeShared(step.node, result: result, shared.held, weights: weights(i))
            shared.ran(step.node, at: i, making: value)
            if case .value(let plain) = value, !isTensor(plain) || written.contains(step.node.name) {
                values[step.node.name] = plain
            } else if written.contains(step.node.name) {
                values[step.node.name] = value.expanded
            }
        }
        return values
    }

    /// The steps `wanted` depends on back to what is `known`, in trace order.
    static func neededSteps(_ trace: GraphTrace, wanted: [String], known: [String: GraphValue]) -> [Int] {
        var index: [String: Int] = [:]
        for (i, step) in trace.steps.enumerated() { index[step.node.name] = i }
        var needed = Set<Int>()
        var pending = wanted.filter { known[$0] == nil }
        while let name = pending.popLast() {
            guard let i = index[name], needed.insert(i).inserted else { continue }
            pending += trace.steps[i].node.inputs.filter { known[$0] == nil }
        }
        return needed.sorted()
    }

    /// The names of the needed steps written out besides the wanted ones: the latest first, while
    /// their values add up to no more than `keptOnTheWay`.
    static func keptSteps(_ trace: GraphTrace, needed: [Int], wanted: Set<String>) -> Set<String> {
        var kept = Set<String>(), total = 0
        for i in needed.reversed() where !wanted.contains(trace.steps[i].node.name) {
            let count: Int
            switch trace.steps[i].result {
            case let .tensor(shape)?: count = shape.reduce(1, *)
            case let .tensors(shapes)?: count = shapes.reduce(0) { $0 + $1.reduce(1, *) }
            default: count = 0
            }
            guard total + count <= keptOnTheWay else { break }
            total += count
            kept.insert(trace.steps[i].node.name)
        }
        return kept
    }

    static func isTensor(_ value: GraphValue) -> Bool {
        switch value {
        case .tensor, .tensors: true
        case .integers, .integer: false
        }
    }
}
