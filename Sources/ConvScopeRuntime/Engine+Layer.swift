import ConvCore
import ConvScopeApp
#if canImport(Glibc)
import Glibc
#endif

/// The course layer: a cache of small results, inline computation of small layers, the rest in
/// the background with the part in view computed first.
extension Engine {
    /// True while a background computation for `layer` is running.
    public func isComputing(_ layer: Conv2dSettings) -> Bool { jobs[.layer] != nil && runningLayer?.layer == layer }

    /// True when asking for `layer` computes it in the background (and the part in view first):
    /// its maps are neither on screen (`onScreen`), nor kept, nor small enough to compute at once.
    public func computesInBackground(_ layer: Conv2dSettings, onScreen: Conv2dSettings? = nil) -> Bool {
        onScreen != layer && cached(layer) == nil && Self.cost(layer) > Self.inlineLimit
    }

    /// The maps of `layer`, computed here and now unless kept: the one way from a layer to its maps
    /// for the run loop's small layers and for `render` (which asks a new engine for each layer).
    public func computeNow(_ layer: Conv2dSettings) throws -> ComputedMaps {
        try computeNow(layer, kept: cached(layer))
    }

    /// `computeNow` with the cache already looked up (`kept`): a request looks once.
    private func computeNow(_ layer: Conv2dSettings, kept: ComputedMaps?) throws -> ComputedMaps {
        Self.computedNow?.record(layer)
        if let kept { return kept }
        let maps = try Self.compute(layer, input: layer.makeInputMaps(), kernels: layer.makeKernelMaps(), workspace: keptWorkspace)
        remember(maps)
        return maps
    }

    /// A layer's maps from its built tensors, inline or in the background; throws when cancelled.
    static func compute(_ layer: Conv2dSettings, input: FeatureMaps, kernels: FeatureMaps, workspace: KeptWorkspace? = nil,
                        isCancelled: () -> Bool = { false }) throws -> ComputedMaps {
        let space = workspace?.take()
        defer { if let space { workspace?.giveBack(space) } }
        return ComputedMaps(try ConvExperiment(layer, input: input, kernels: kernels, workspace: space, isCancelled: isCancelled))
    }

    /// The kept maps of `layer`, if any.
    func cached(_ layer: Conv2dSettings) -> ComputedMaps? { cache.first { $0.experiment.layer == layer } }

    /// Makes sure the maps of `layer` are (or will be) computed; a slow one computes `region`
    /// first. Returns the maps when they are ready at once.
    func requestLayer(_ layer: Conv2dSettings, showing region: OutputRegion?, onScreen: Conv2dSettings?) -> [ComputeResult] {
        // Back to the maps on screen: a computation still running for others is no longer wanted.
        if onScreen == layer { cancelLayer(); return [] }
        let kept = cached(layer)
        if kept != nil || Self.cost(layer) <= Self.inlineLimit {
            cancelLayer()
            guard let maps = try? computeNow(layer, kept: kept) else { return [] }
            return [.maps(maps)]
        }
        if isComputing(layer) { show(region); return [] }
        cancelLayer()
        let job = start(.layer), tensors = LayerTensors()
        runningLayer = (layer, tensors)
        let previewJob = region.map { _ in start(.preview) }
        previewRegion = region
        let token = job.token, previewToken = previewJob?.token ?? CancelToken()
        let threshold = previewMultiplyAdds, mailbox = mailbox, buildGate = buildGate, keptWorkspace = keptWorkspace
        let post: @Sendable (ComputedMaps) -> Void = { maps in previewJob.map { mailbox.post($0.delivery(.preview(maps))) } }
        run(job) {
            // What is on screen first, from the part of the input it reads; then the whole layer.
            let isPreviewCancelled: @Sendable () -> Bool = { token.isCancelled || previewToken.isCancelled }
            var previewedInPart = false
            if let region {
                previewedInPart = buildGate.build {
                    token.isCancelled ? false : Self.preview(layer, region: region, tensors: tensors, threshold: threshold,
                                                             post: post, isCancelled: isPreviewCancelled)
                }
            }
            let built = buildGate.build { token.isCancelled ? nil : tensors.get(layer) }
            guard let (input, kernels) = built else { return nil }
            // A preview made from part of the input is made again from all of it, so everything
            // drawn from the input while the rest is computed (the inspector's ring) is the input's.
            if let region, previewedInPart {
                Self.preview(layer, region: region, tensors: tensors, threshold: threshold, post: post,
                             isCancelled: isPreviewCancelled)
            }
            // The whole layer's workers wait while a preview of a new region runs (they poll every
            // millisecond or so): what is on screen comes first.
            guard let maps = try? Self.compute(layer, input: input, kernels: kernels, workspace: keptWorkspace, isCancelled: {
                while token.isPaused && !token.isCancelled { usleep(1000) }
                return token.isCancelled
            }) else { return nil }
            return .maps(maps)
        }
        return []
    }

    /// Tells the engine what the screen now shows of the running layer's output (scrolled, paged,
    /// zoomed, resized): while it is still being computed, that region is computed first, apart.
    public func show(_ region: OutputRegion?) {
        guard let region, let running = runningLayer, let layerJob = jobs[.layer], previewRegion != region else { return }
        let job = start(.preview)
        previewRegion = region
        let (layer, tensors, layerToken) = (running.layer, running.tensors, layerJob.token), threshold = previewMultiplyAdds
        let mailbox = mailbox, lane = previewLane
        layerToken.pause()
        BackgroundThread.start {
            defer { layerToken.resume() }
            lane.build {
                let isCancelled: @Sendable () -> Bool = { layerToken.isCancelled || job.token.isCancelled }
                let post: @Sendable (ComputedMaps) -> Void = { mailbox.post(job.delivery(.preview($0))) }
                // A sampled whole map from part of the input is followed by the exact means from all of it.
                if Self.preview(layer, region: region, tensors: tensors, threshold: threshold, post: post,
                                isCancelled: isCancelled), !isCancelled() {
                    _ = tensors.get(layer)
                    Self.preview(layer, region: region, tensors: tensors, threshold: threshold, post: post,
                                 isCancelled: isCancelled)
                }
            }
        }
    }

    /// Keeps the finished maps of the running layer when small, and ends its job.
    func finishLayer(_ maps: ComputedMaps) {
        cancelLayer()
        remember(maps)
    }

    private func remember(_ maps: ComputedMaps) {
        // Keep a few small results so stepping back and forth is instant; never the huge ones,
        // and never more than `cacheFloats` values in all (64·64·32·32 kernels alone are 16 MB).
        guard Self.cost(maps.experiment.layer) <= 4 * Self.inlineLimit, Self.floats(maps) <= Self.cacheFloats / 4 else { return }
        cache.insert(maps, at: 0)
        while cache.count > 16 || cache.reduce(0, { $0 + Self.floats($1) }) > Self.cacheFloats { cache.removeLast() }
    }

    /// Stops the running layer and its previews.
    func cancelLayer() {
        cancel(.layer)
        cancel(.preview)
        runningLayer = nil
        previewRegion = nil
    }

    /// Stored values the cache may hold in all: 16 MB of floats.
    static let cacheFloats = 4 << 20

    /// Values one result holds: its distinct planes and its kernels.
    static func floats(_ maps: ComputedMaps) -> Int {
        let e = maps.experiment
        return e.input.storage.count + e.kernels.storage.count + ((try? e.output.get().storage.count) ?? 0)
    }

    /// Tensor elements the computation touches: a proxy for its time.
    public static func cost(_ layer: Conv2dSettings) -> Int {
        let p = layer
        let out = p.outputShape.map { $0.reduce(1, *) } ?? 0
        return p.inChannels * p.hIn * p.wIn + out
    }
}
