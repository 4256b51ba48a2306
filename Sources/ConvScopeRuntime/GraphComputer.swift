import ConvCore
import ConvScopeApp
import Dispatch
import Synchronization

/// Computes the graph screen's values behind it on a background queue, one request at a time: a
/// newer request replaces a waiting one, so the input loop never waits for a long forward.
public final class GraphComputer: @unchecked Sendable {
    private let mailbox = GraphMailbox()
    private var running: GraphRequest?

    /// A computer with nothing running.
    public init() {}

    /// True while a background computation is running.
    public var isComputing: Bool { running != nil }

    /// Starts computing `request` unless it is the one running.
    public func request(_ request: GraphRequest) {
        if running == request { return }
        running = request
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            let values = request.run(), field = request.runField()
            mailbox.slot.withLock { $0 = (request, values, field) }
            // The loop may be waiting for its spinner's next turn: the result wakes it at once.
            LoopWakeup.shared.wake()
        }
    }

    /// Takes a finished result, if any.
    public func poll() -> (GraphRequest, [String: GraphValue], [[Double]]?)? {
        guard let result = mailbox.slot.withLock({ slot -> (GraphRequest, [String: GraphValue], [[Double]]?)? in defer { slot = nil }; return slot })
        else { return nil }
        if running == result.0 { running = nil }
        return result
    }
}

/// The slot a background graph computation leaves its values in.
final class GraphMailbox: Sendable {
    let slot = Mutex<(GraphRequest, [String: GraphValue], [[Double]]?)?>(nil)
}
