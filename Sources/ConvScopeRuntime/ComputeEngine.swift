import ConvCore
import ConvScopeApp
import Dispatch
import Synchronization

/// Runs convolutions for the screen: small ones at once, heavy ones on a background queue that
/// the next parameter change cancels, so the input loop never waits.
public final class ComputeEngine: @unchecked Sendable {
    /// Work below this many tensor elements is computed inline: it takes well under a frame.
    public static let inlineLimit = 400_000
    private let mailbox = Mailbox()
    private var cache: [ComputedMaps] = []
    private var running: (parameters: Conv2dSettings, token: CancelToken)?
    /// The newest finished computation, for whatever parameters it was made.
    public private(set) var latest: ComputedMaps?

    /// An engine with nothing computed yet.
    public init() {}

    /// True while a background computation for `p` is running.
    public func isComputing(_ p: Conv2dSettings) -> Bool { running?.parameters == p }

    /// Makes sure the maps for `p` are (or will be) computed. Returns true when `latest` changed.
    @discardableResult
    public func request(_ p: Conv2dSettings) -> Bool {
        // Back to the maps on screen: a computation still running for others is no longer wanted.
        if latest?.parameters == p { cancelRunning(); return false }
        if let hit = cache.first(where: { $0.parameters == p }) { latest = hit; cancelRunning(); return true }
        if Self.cost(p) <= Self.inlineLimit {
            cancelRunning()
            guard let maps = try? ComputedMaps(ConvExperiment(p)) else { return false }
            remember(maps)
            return true
        }
        if running?.parameters == p { return false }
        cancelRunning()
        let token = CancelToken()
        running = (p, token)
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            guard let experiment = try? ConvExperiment(p, isCancelled: { token.isCancelled }) else { return }
            let maps = ComputedMaps(experiment)
            if !token.isCancelled { mailbox.box.withLock { $0 = maps } }
        }
        return false
    }

    /// Takes a finished background result. Returns true when `latest` changed.
    public func poll() -> Bool {
        guard let maps = mailbox.box.withLock({ box -> ComputedMaps? in defer { box = nil }; return box }) else { return false }
        if running?.parameters == maps.parameters { running = nil }
        remember(maps)
        return true
    }

    private func remember(_ maps: ComputedMaps) {
        latest = maps
        // Keep a few small results so stepping back and forth is instant; never the huge ones.
        if Self.cost(maps.parameters) <= 4 * Self.inlineLimit {
            cache.insert(maps, at: 0)
            if cache.count > 16 { cache.removeLast() }
        }
    }

    private func cancelRunning() {
        running?.token.cancel()
        running = nil
    }

    /// Tensor elements the computation touches: a proxy for its time.
    public static func cost(_ p: Conv2dSettings) -> Int {
        let out = p.outputShape.map { $0.reduce(1, *) } ?? 0
        return p.inChannels * p.hIn * p.wIn + out
    }
}

/// A flag a background computation polls to learn it is no longer wanted.
final class CancelToken: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The slot a background computation leaves its result in.
final class Mailbox: Sendable {
    let box = Mutex<ComputedMaps?>(nil)
}
