import ConvCore
import ConvScopeApp

/// The stack screen's inline limits and the graph screen's forwards (the stack's job: Engine+Stack.swift).
extension Engine {
    /// True when the model is computed inline (below both inline limits).
    public static func isSmall(_ model: Model) -> Bool {
        let trace = model.trace
        return trace.totalValues <= inlineValues && trace.totalMultiplications <= inlineMultiplications
    }

    /// Starts computing a graph request in the background unless it is the one running; a
    /// newer request does not stop an older one, whose values the screen keeps.
    func requestGraph(_ request: GraphRequest) -> [ComputeResult] {
        if jobs[.graph] != nil, runningGraph == request { return [] }
        let job = start(.graph)
        runningGraph = request
        run(job) { .graph(request, request.run(), field: request.runField()) }
        return []
    }
}
