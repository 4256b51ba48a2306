import ConvCore
import ConvScopeApp
import Dispatch
import Synchronization

/// Computes the stack screen's values: small models at once, larger ones on a background queue
/// that a newer model cancels (checked between layers), so the input loop never waits.
public final class StackComputer: @unchecked Sendable {
    /// Models below this many multiplications and map values are computed inline: well under a frame.
    public static let inlineMultiplications = 2_000_000, inlineValues = 400_000
    private let mailbox = StackMailbox()
    private var running: (model: Model, token: CancelToken)?

    /// A computer with nothing running.
    public init() {}

    /// True while a background computation is running.
    public var isComputing: Bool { running != nil }

    /// Starts computing `model`'s values, cancelling any other; returns them at once when the
    /// model is small, else nil (they arrive through `poll()`).
    public func request(_ model: Model) -> StackRun? {
        if running?.model == model { return nil }
        cancelRunning()
        if Self.isSmall(model) { return model.run() }
        let token = CancelToken()
        running = (model, token)
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            guard let values = model.run(isCancelled: { token.isCancelled }), !token.isCancelled else { return }
            mailbox.slot.withLock { $0 = (model, values) }
            LoopWakeup.shared.wake()
        }
        return nil
    }

    /// Takes a finished background result, if any.
    public func poll() -> (Model, StackRun)? {
        guard let result = mailbox.slot.withLock({ slot -> (Model, StackRun)? in defer { slot = nil }; return slot }) else {
            return nil
        }
        if running?.model == result.0 { running = nil }
        return result
    }

    private func cancelRunning() {
        running?.token.cancel()
        running = nil
    }

    /// True when the model is computed inline (below both inline limits).
    public static func isSmall(_ model: Model) -> Bool {
        let trace = model.trace
        return trace.totalValues <= inlineValues && trace.totalMultiplications <= inlineMultiplications
    }
}

/// The slot a background stack computation leaves its values in.
final class StackMailbox: Sendable {
    let slot = Mutex<(Model, StackRun)?>(nil)
}
