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

    public static func == (a: GraphRequest, b: GraphRequest) -> Bool {
        a.wanted == b.wanted && a.inputName == b.inputName && a.trace.steps.count == b.trace.steps.count
            && a.trace.inputShape == b.trace.inputShape
    }

    /// The wanted values and every node computed on the way.
    public func run() -> [String: GraphValue] {
        GraphForward.values(trace, inputName: inputName, input: input, wanted: wanted, known: known)
    }

    /// Multiplications by weights of the nodes still to compute for `wanted` (what a key would wait for).
    static func cost(_ trace: GraphTrace, index: [String: Int], wanted: [String], known: [String: GraphValue]) -> Int {
        var seen = Set<Int>(), total = 0
        var pending = wanted.filter { known[$0] == nil }
        while let name = pending.popLast() {
            guard let i = index[name], seen.insert(i).inserted else { continue }
            total = Int.saturatingSum(total, trace.steps[i].multiplications)
            pending += trace.steps[i].node.inputs.filter { known[$0] == nil }
        }
        return total
    }
}
