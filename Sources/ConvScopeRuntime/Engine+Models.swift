import ConvCore
import ConvScopeApp

/// The stack screen's models and the graph screen's forwards.
extension Engine {
    /// Starts computing `model`'s values, superseding any other model; a small one is computed
    /// at once, a larger one in the background, which a newer model cancels between layers.
    func requestStack(_ model: Model) -> [ComputeResult] {
        if jobs[.stack] != nil, runningModel == model { return [] }
        cancel(.stack)
        runningModel = nil
        if Self.isSmall(model) { return [.stack(model, model.run())] }
        let job = start(.stack)
        runningModel = model
        run(job) {
            model.run(isCancelled: { job.token.isCancelled }).map { .stack(model, $0) }
        }
        return []
    }

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
