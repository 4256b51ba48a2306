import ConvCore

/// Values the graph screen wants computed behind it: the nodes a row reads and makes, from
/// what is already known. `run()` computes them (on the run loop's background queue).
public struct GraphRequest: Equatable, Sendable {
    public let trace: GraphTrace
    public let inputName: String
    public let input: GraphTensor
    /// The nodes the selected row shows.
    public let wanted: [String]
    /// What was computed before (not compared: a request is the row it is for).
    public let known: [String: GraphValue]
    /// The cell whose effective field is wanted too, if any.
    public internal(set) var field: GraphFieldCell? = nil
    /// The model whose weight sources weigh the nodes (nil: every node the course notebook's all ones).
    public internal(set) var model: Model? = nil

    public static func == (a: GraphRequest, b: GraphRequest) -> Bool {
        a.wanted == b.wanted && a.inputName == b.inputName && a.trace.steps.count == b.trace.steps.count
            && a.trace.inputShape == b.trace.inputShape && a.field == b.field && a.model == b.model
    }

    /// The same request wanting `cell`'s effective field too (or no field).
    func withField(_ cell: GraphFieldCell?) -> GraphRequest {
        var request = self
        request.field = cell
        return request
    }

    /// The wanted values, and those of the nodes computed just before them (within
    /// `GraphForward.keptOnTheWay` values): the forward keeps maps as their distinct planes.
    public func run() -> [String: GraphValue] {
        if wanted.isEmpty { return [:] }
        return GraphForward.values(trace, inputName: inputName, input: input, wanted: wanted, known: known,
                                  weights: { model?.sourcedWeights($0) })
    }

    /// What one value a node reads or writes costs, counted in multiplications: a weightless
    /// node over a big map (BatchNorm or ReLU of 1×64×112×112 took 16–41 ms, a max-pool from it
    /// 18 ms) is work too.
    static let elementCost = 64

    /// Work of the nodes still to compute for `wanted` (what a key would wait for), in
    /// multiplications: the weights' multiplications plus `elementCost` per value read and written.
    static func cost(_ trace: GraphTrace, index: [String: Int], wanted: [String], known: [String: GraphValue]) -> Int {
        var seen = Set<Int>(), total = 0
        var pending = wanted.filter { known[$0] == nil }
        func elements(_ name: String) -> Int {
            index[name].flatMap { trace.steps[$0].outputShape }.map(StackTrace.elementCount) ?? 0
        }
        while let name = pending.popLast() {
            guard let i = index[name], seen.insert(i).inserted else { continue }
            let moved = trace.steps[i].node.inputs.reduce(elements(name)) { Int.saturatingSum($0, elements($1)) }
            total = Int.saturatingSum(total, trace.steps[i].multiplications)
            total = Int.saturatingSum(total, moved.multipliedReportingOverflow(by: Self.elementCost).overflow ? .max : moved * Self.elementCost)
            pending += trace.steps[i].node.inputs.filter { known[$0] == nil }
        }
        return total
    }
}
