import ConvCore
import ConvScopeApp
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import CConvKernels

/// Runs convolutions for the screen: small ones at once, heavy ones on a background queue that
/// the next parameter change cancels, so the input loop never waits.
///
/// Not Sendable: it belongs to the run loop's thread. Background work sees only the Sendable
/// `CancelToken` and `Mailbox` it is handed.
public final class ComputeEngine {
    /// Work below this many tensor elements is computed inline: it takes well under a frame.
    public static let inlineLimit = 400_000
    /// Layers whose general path does more multiply-adds than this (about 10 ms on two cores, with
    /// a 1024² input and output of 16 channels to draw and scan besides)
    /// show the visible region first: its values, or the block means of the whole map.
    public static let previewMultiplyAdds = 1_000_000_000
    let mailbox = Mailbox()
    private var cache: [ComputedMaps] = []
    private var running: (layer: ConvLayer, token: CancelToken, tensors: LayerTensors)?
    /// The region last asked to be shown first for the running layer, and its computation.
    private var previewing: (region: OutputRegion, token: CancelToken)?
    private let previewMultiplyAdds: Int
    private let previewQueue = DispatchQueue(label: "convscope.preview", qos: .userInitiated)
    /// One layer's tensors are built at a time, and a layer the keys have stepped past builds
    /// none: twenty quick keys at 1024² random 64 channels (each input alone is 268 MB) built
    /// several at once and peaked at 1.4 GB. The computations themselves still overlap while a
    /// stale one stops, so a key never waits for one (a serial queue cost key → heatmaps ~1 ms).
    private let buildGate = BuildGate()
    /// The newest finished computation, for whatever parameters it was made.
    public private(set) var latest: ComputedMaps?
    /// The visible region of the layer still being computed, when it has been computed first.
    public private(set) var preview: ComputedMaps?

    /// An engine with nothing computed yet; `previewMultiplyAdds` sets which layers get a preview.
    public init(previewMultiplyAdds: Int = ComputeEngine.previewMultiplyAdds) {
        self.previewMultiplyAdds = previewMultiplyAdds
        // Maps of a megabyte and more go back to the system when freed. glibc would otherwise
        // raise this threshold to the largest block freed so far and keep every later map in
        // its heaps (one per thread) after use: 73–77 MiB peak at 1024² instead of ~45.
        _ = convscope_return_blocks_from(Self.returnedBlockBytes)
    }

    /// A computation nobody can take any more stops (a run loop that ended, a test).
    deinit { cancelRunning() }

    /// Blocks at least this large are mapped and unmapped on their own (glibc's M_MMAP_THRESHOLD).
    static let returnedBlockBytes: Int32 = 1 << 20

    /// True while a background computation for `layer` is running.
    public func isComputing(_ layer: ConvLayer) -> Bool { running?.layer == layer }

    /// What to draw for `layer`: its finished maps, else its preview, else the newest maps.
    public func shown(for layer: ConvLayer) -> ComputedMaps? {
        if latest?.experiment.layer == layer { return latest }
        if let preview, preview.experiment.layer == layer { return preview }
        return latest
    }

    /// Makes sure the maps of `layer` are (or will be) computed; a slow one computes `region`
    /// (what the screen shows of its output) first. Returns true when `latest` changed.
    @discardableResult
    public func request(_ layer: ConvLayer, showing region: OutputRegion? = nil) -> Bool {
        // Back to the maps on screen: a computation still running for others is no longer wanted.
        if latest?.experiment.layer == layer { cancelRunning(); return false }
        if let hit = cache.first(where: { $0.experiment.layer == layer }) { latest = hit; cancelRunning(); return true }
        if Self.cost(layer) <= Self.inlineLimit {
            cancelRunning()
            guard let maps = try? ComputedMaps(ConvExperiment(layer)) else { return false }
            remember(maps)
            return true
        }
        if running?.layer == layer { show(region, of: layer); return false }
        cancelRunning()
        let token = CancelToken(), tensors = LayerTensors()
        running = (layer, token, tensors)
        let previewToken = CancelToken()
        if let region { previewing = (region, previewToken) }
        let threshold = previewMultiplyAdds
        DispatchQueue.global(qos: .userInitiated).async { [mailbox, buildGate] in
            // What is on screen first, from the part of the input it reads; then the whole layer.
            let isPreviewCancelled: @Sendable () -> Bool = { token.isCancelled || previewToken.isCancelled }
            var previewedInPart = false
            if let region {
                previewedInPart = buildGate.build {
                    token.isCancelled ? false : Self.preview(layer, region: region, tensors: tensors, threshold: threshold,
                                                             mailbox: mailbox, isCancelled: isPreviewCancelled)
                }
            }
            let built = buildGate.build { token.isCancelled ? nil : tensors.get(layer) }
            guard let (input, kernels) = built else { return }
            // A preview made from part of the input is made again from all of it, so everything
            // drawn from the input while the rest is computed (the inspector's ring) is the input's.
            if let region, previewedInPart {
                Self.preview(layer, region: region, tensors: tensors, threshold: threshold, mailbox: mailbox,
                             isCancelled: isPreviewCancelled)
            }
            // The whole layer's workers wait while a preview of a new region runs (they poll every
            // millisecond or so): what is on screen comes first.
            guard let experiment = try? ConvExperiment(layer, input: input, kernels: kernels, isCancelled: {
                while token.isPaused && !token.isCancelled { usleep(1000) }
                return token.isCancelled
            }) else { return }
            let maps = ComputedMaps(experiment)
            if !token.isCancelled { mailbox.box.withLock { $0 = maps }; LoopWakeup.shared.wake() }
        }
        return false
    }

    /// Tells the engine what the screen now shows of `layer`'s output (scrolled, paged, zoomed,
    /// resized): while `layer` is still being computed, that region is computed first, apart.
    public func show(_ region: OutputRegion?, of layer: ConvLayer) {
        guard let region, let running, running.layer == layer, previewing?.region != region else { return }
        previewing?.token.cancel()
        let token = CancelToken()
        previewing = (region, token)
        let (layerToken, tensors) = (running.token, running.tensors), threshold = previewMultiplyAdds
        layerToken.pause()
        // A queue of its own: the whole layer's paused workers sleep on the global pool's threads,
        // and a preview must not wait for the pool to make another.
        previewQueue.async { [mailbox] in
            defer { layerToken.resume() }
            let isCancelled: @Sendable () -> Bool = { layerToken.isCancelled || token.isCancelled }
            // A sampled whole map from part of the input is followed by the exact means from all of it.
            if Self.preview(layer, region: region, tensors: tensors, threshold: threshold, mailbox: mailbox,
                            isCancelled: isCancelled), !isCancelled() {
                _ = tensors.get(layer)
                Self.preview(layer, region: region, tensors: tensors, threshold: threshold, mailbox: mailbox,
                             isCancelled: isCancelled)
            }
        }
    }

    /// Computes `region` of `layer` into the mailbox's preview slot, when the layer is slow enough
    /// to want one and the preview is still wanted when done. Returns true when it was made from
    /// part of the input (the whole layer's tensors not built yet; see `LayerTensors.forPreview`).
    @discardableResult
    private static func preview(_ layer: ConvLayer, region: OutputRegion, tensors: LayerTensors, threshold: Int,
                                mailbox: Mailbox, isCancelled: @escaping @Sendable () -> Bool) -> Bool {
        // A whole map's block means read every input value: a sampled frame comes first.
        if region.block > 1, let sampledInPart = sampledPreview(layer, region: region, tensors: tensors, threshold: threshold,
                                                                 mailbox: mailbox, isCancelled: isCancelled),
           sampledInPart || isCancelled() { return sampledInPart }
        let (input, kernels, inPart) = tensors.forPreview(layer, region: region)
        guard tensors.wantsPreview(layer, input: input, kernels: kernels, threshold: threshold),
              let experiment = try? ConvExperiment(previewOf: layer, region: region, input: input, kernels: kernels,
                                                   isCancelled: isCancelled) else { return false }
        let maps = ComputedMaps(experiment)
        if !isCancelled() { mailbox.preview.withLock { $0 = maps }; LoopWakeup.shared.wake() }
        return inPart
    }

    /// Computes a sampled first frame of the whole-map `region` (`SampledGrid`) into the preview
    /// slot. Returns nil when the layer wants no preview, else true when made from part of the input.
    private static func sampledPreview(_ layer: ConvLayer, region: OutputRegion, tensors: LayerTensors, threshold: Int,
                                       mailbox: Mailbox, isCancelled: @escaping @Sendable () -> Bool) -> Bool? {
        let grid = SampledGrid(region: region, spec: layer.spec)
        let (input, kernels, inPart) = tensors.forSampledPreview(layer, grid: grid, region: region)
        guard tensors.wantsPreview(layer, input: input, kernels: kernels, threshold: threshold) else { return nil }
        guard let experiment = try? ConvExperiment(sampledPreviewOf: layer, region: region, grid: grid, input: input,
                                                   kernels: kernels, isCancelled: isCancelled) else { return inPart }
        let maps = ComputedMaps(experiment)
        if !isCancelled() { mailbox.preview.withLock { $0 = maps }; LoopWakeup.shared.wake() }
        return inPart
    }

    /// Takes a finished preview of the running layer's region on screen. Returns true when taken.
    public func pollPreview() -> Bool {
        guard let maps = mailbox.preview.withLock({ box -> ComputedMaps? in defer { box = nil }; return box }),
              running?.layer == maps.experiment.layer, previewing?.region == maps.experiment.coverage else { return false }
        preview = maps
        return true
    }

    /// Takes a finished background result. Returns true when `latest` changed. A result for
    /// settings a key has since left is dropped: the computation checks its cancel flag before it
    /// leaves the result, and a key can cancel it between that check and the mailbox, so the
    /// maps of the parameters before the key would otherwise arrive after it.
    public func poll() -> Bool {
        guard let maps = mailbox.box.withLock({ box -> ComputedMaps? in defer { box = nil }; return box }),
              running?.layer == maps.experiment.layer else { return false }
        running = nil; previewing = nil; preview = nil
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
        previewing?.token.cancel()
        previewing = nil
        preview = nil
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
    private let pauses = Atomic<Int>(0)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
    /// Asks the computation to wait (previews running); each pause is ended by one `resume`.
    func pause() { pauses.add(1, ordering: .relaxed) }
    func resume() { pauses.subtract(1, ordering: .relaxed) }
    var isPaused: Bool { pauses.load(ordering: .relaxed) > 0 }
}

/// The input and kernels of the layer being computed, built once for the whole layer and every
/// preview of it (random 1024² × 64 channels take ~0.3 s to draw, and as long again to fault in);
/// a preview before that reads an input made only where it looks.
final class LayerTensors: Sendable {
    private let built = Mutex<(input: FeatureMaps, kernels: FeatureMaps)?>(nil)
    private let kernels = Mutex<FeatureMaps?>(nil)
    private let previewWanted = Mutex<Bool?>(nil)

    /// True when the layer is slow enough for previews (its general path does at least
    /// `threshold` multiply-adds); decided once, from the tensors' shapes and shared planes.
    func wantsPreview(_ layer: ConvLayer, input: FeatureMaps, kernels: FeatureMaps, threshold: Int) -> Bool {
        if let known = previewWanted.withLock({ $0 }) { return known }
        let wanted = OutputPreview.multiplyAdds(input: input, kernels: kernels, bias: layer.spec.biasVector,
                                                spec: layer.spec) >= threshold
        previewWanted.withLock { $0 = wanted }
        return wanted
    }

    /// The layer's tensors, built by the first caller while the others wait.
    func get(_ layer: ConvLayer) -> (input: FeatureMaps, kernels: FeatureMaps) {
        built.withLock { built in
            if let built { return built }
            let made = (layer.makeInputMaps(), kernels(of: layer))
            built = made
            return made
        }
    }

    /// The tensors a preview of `region` reads: the whole layer's when built, else the kernels
    /// and the input made in part (`makePreviewInputMaps`; `inPart` true) when that is possible.
    func forPreview(_ layer: ConvLayer, region: OutputRegion) -> (input: FeatureMaps, kernels: FeatureMaps, inPart: Bool) {
        if let whole = built.withLock({ $0 }) { return (whole.input, whole.kernels, false) }
        guard let part = layer.makePreviewInputMaps(for: region) else {
            let whole = get(layer)
            return (whole.input, whole.kernels, false)
        }
        return (part, kernels(of: layer, for: region), true)
    }

    /// The tensors a sampled whole map over `grid` reads: the whole layer's when built, else the
    /// kernels and the input made where the samples read (`inPart` true) when that is possible.
    func forSampledPreview(_ layer: ConvLayer, grid: SampledGrid, region: OutputRegion)
        -> (input: FeatureMaps, kernels: FeatureMaps, inPart: Bool) {
        if let whole = built.withLock({ $0 }) { return (whole.input, whole.kernels, false) }
        guard let part = layer.makeSampledInputMaps(for: grid) else {
            let whole = get(layer)
            return (whole.input, whole.kernels, false)
        }
        return (part, kernels(of: layer, for: region), true)
    }

    /// The kernels a preview of `region` reads: all of them when made, else only those it computes
    /// when possible (`makePreviewKernelMaps`; a preview from part of the input is made again).
    private func kernels(of layer: ConvLayer, for region: OutputRegion) -> FeatureMaps {
        kernels.withLock { $0 } ?? layer.makePreviewKernelMaps(for: region) ?? kernels(of: layer)
    }

    /// The kernels, made once.
    private func kernels(of layer: ConvLayer) -> FeatureMaps {
        kernels.withLock { kept in
            if let kept { return kept }
            let made = layer.makeKernelMaps()
            kept = made
            return made
        }
    }
}

/// Lets one computation at a time build its tensors (see `ComputeEngine.buildGate`).
final class BuildGate: Sendable {
    private let lock = Mutex(())
    func build<T>(_ body: () -> T) -> T { lock.withLock { _ in body() } }
}

/// The slot a background computation leaves its result in.
final class Mailbox: Sendable {
    let box = Mutex<ComputedMaps?>(nil)
    /// The slot a preview (`ComputedMaps.coverage` set) is left in.
    let preview = Mutex<ComputedMaps?>(nil)
}

