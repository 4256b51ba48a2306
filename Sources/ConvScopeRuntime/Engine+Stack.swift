import ConvCore
import ConvScopeApp
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stack screen's values: the selected layer's first, then the rest, from one job.
extension Engine {
    /// Starts computing `model`'s values, superseding any other model; a small one is computed
    /// at once. A larger one is computed in the background, where a newer model cancels it
    /// between layers: the values up to layer `selected` are delivered as soon as they exist,
    /// then all of them. Asked again for the model it computes, the job only learns the newly
    /// selected layer, whose values it delivers next.
    func requestStack(_ model: Model, selected: Int) -> [ComputeResult] {
        if jobs[.stack] != nil, runningModel == model {
            stackWanted?.select(selected)
            return []
        }
        cancel(.stack)
        runningModel = nil
        stackWanted = nil
        if Self.isSmall(model) { return [.stack(model, model.run())] }
        let job = start(.stack), wanted = WantedLayer(selected)
        runningModel = model
        stackWanted = wanted
        BackgroundThread.start { [mailbox] in
            let values = StackProgressiveRun.run(model, trace: model.trace, wanted: { wanted.index },
                                                 isCancelled: { job.token.isCancelled }) { partial in
                guard !job.token.isCancelled else { return }
                let mark = wanted.takes
                mailbox.post(job.delivery(.stack(model, partial)))
                wanted.waitForTheFrame(after: mark, isCancelled: { job.token.isCancelled })
            }
            guard let values, !job.token.isCancelled else { return }
            mailbox.post(job.delivery(.stack(model, values)))
        }
        return []
    }

    /// A stack's job has delivered all its values: the next request starts afresh.
    func finishStack() {
        runningModel = nil
        stackWanted = nil
    }
}

extension Delivery {
    /// False for a result after which its job goes on: a course layer's preview, or a stack's
    /// values up to the selected layer (the rest follow).
    var endsJob: Bool {
        if kind == .preview { return false }
        if case .stack(_, let values) = result { return values.isComplete }
        return true
    }
}

/// The layer whose values a stack's job delivers next, set from the loop's thread, and how often
/// the loop has come for results since the job began.
final class WantedLayer: Sendable {
    private let wanted: Atomic<Int>
    private let taken = Atomic<Int>(0)
    init(_ index: Int) { wanted = Atomic(index) }
    /// The layer now selected.
    func select(_ index: Int) { wanted.store(index, ordering: .relaxed) }
    var index: Int { wanted.load(ordering: .relaxed) }

    /// The loop came for results (`Engine.take`).
    func loopTook() { taken.add(1, ordering: .relaxed) }
    var takes: Int { taken.load(ordering: .relaxed) }

    /// After posting the values up to the selected layer: waits until the loop has taken them and
    /// come back once more, so after drawing them, or `limit` seconds. The rest of the stack would
    /// otherwise take both cores while that frame is laid out and painted (a 16×512² frame took
    /// half again as long). Taken, the loop is woken so that it comes back as soon as it has drawn.
    func waitForTheFrame(after mark: Int, limit: Double = 0.15, isCancelled: () -> Bool) {
        let deadline = ContinuousClock.now + .milliseconds(Int(limit * 1000))
        var woken = false
        while takes < mark + 2, ContinuousClock.now < deadline, !isCancelled() {
            if !woken, takes > mark { LoopWakeup.shared.wake(); woken = true }
            usleep(500)
        }
    }
}
