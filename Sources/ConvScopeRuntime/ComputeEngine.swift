import ConvCore
import ConvScopeApp
import Dispatch
import Synchronization
import CConvKernels

/// Runs convolutions for the screen: small ones at once, heavy ones on a background queue that
/// the next parameter change cancels, so the input loop never waits.
///
/// Not Sendable: it belongs to the run loop's thread. Background work sees only the Sendable
/// `CancelToken` and `Mailbox` it is handed.
public final class ComputeEngine {
    /// Work below this many tensor elements is computed inline: it takes well under a frame.
    public static let inlineLimit = 400_000
    private let mailbox = Mailbox()
    private var cache: [ComputedMaps] = []
    private var running: (layer: ConvLayer, token: CancelToken)?
    /// The newest finished computation, for whatever parameters it was made.
    public private(set) var latest: ComputedMaps?

    /// An engine with nothing computed yet.
    public init() {
        // Maps of a megabyte and more go back to the system when freed. glibc would otherwise
        // raise this threshold to the largest block freed so far and keep every later map in
        // its heaps (one per thread) after use: 73–77 MiB peak at 1024² instead of ~45.
        _ = convscope_return_blocks_from(Self.returnedBlockBytes)
    }

    /// Blocks at least this large are mapped and unmapped on their own (glibc's M_MMAP_THRESHOLD).
    static let returnedBlockBytes: Int32 = 1 << 20

    /// True while a background computation for `layer` is running.
    public func isComputing(_ layer: ConvLayer) -> Bool { running?.layer == layer }

    /// Makes sure the maps of `layer` are (or will be) computed. Returns true when `latest` changed.
    @discardableResult
    public func request(_ layer: ConvLayer) -> Bool {
        // Back to the maps on screen: a computation still running for others is no longer wanted.
        if latest?.experiment.layer == layer { cancelRunning(); return false }
        if let hit = cache.first(where: { $0.experiment.layer == layer }) { latest = hit; cancelRunning(); return true }
        if Self.cost(layer) <= Self.inlineLimit {
            cancelRunning()
            guard let maps = try? ComputedMaps(ConvExperiment(layer)) else { return false }
            remember(maps)
            return true
        }
        if running?.layer == layer { return false }
        cancelRunning()
        let token = CancelToken()
        running = (layer, token)
        DispatchQueue.global(qos: .userInitiated).async { [mailbox] in
            guard let experiment = try? ConvExperiment(layer, isCancelled: { token.isCancelled }) else { return }
            let maps = ComputedMaps(experiment)
            if !token.isCancelled { mailbox.box.withLock { $0 = maps } }
        }
        return false
    }

    /// Takes a finished background result. Returns true when `latest` changed.
    public func poll() -> Bool {
        guard let maps = mailbox.box.withLock({ box -> ComputedMaps? in defer { box = nil }; return box }) else { return false }
        if running?.layer == maps.experiment.layer { running = nil }
        remember(maps)
        return true
    }

    private func remember(_ maps: ComputedMaps) {
        latest = maps
        // Keep a few small results so stepping back and forth is instant; never the huge ones,
        // and never more than `cacheFloats` values in all (64·64·32·32 kernels alone are 16 MB).
        guard Self.cost(maps.experiment.layer) <= 4 * Self.inlineLimit, Self.floats(maps) <= Self.cacheFloats / 4 else { return }
        cache.insert(maps, at: 0)
        while cache.count > 16 || cache.reduce(0, { $0 + Self.floats($1) }) > Self.cacheFloats { cache.removeLast() }
    }

    private func cancelRunning() {
        running?.token.cancel()
        running = nil
    }

    /// Stored values the cache may hold in all: 16 MB of floats.
    static let cacheFloats = 4 << 20

    /// Values one result holds: its distinct planes and its kernels.
    static func floats(_ maps: ComputedMaps) -> Int {
        let e = maps.experiment
        return e.input.storage.count + e.kernels.storage.count + ((try? e.output.get().storage.count) ?? 0)
    }

    /// Tensor elements the computation touches: a proxy for its time.
    public static func cost(_ layer: ConvLayer) -> Int {
        let p = layer
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
