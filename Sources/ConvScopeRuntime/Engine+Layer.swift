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

    /// The maps to draw for `key` (the state's record of the maps it shows): the preview or the
    /// finished maps it names, else the newest finished maps.
    public func maps(for key: MapsKey?) -> ComputedMaps? {
        if let key, let preview, key.region != nil, preview.parameters == key.parameters, preview.coverage == key.region {
            return preview
        }
        return latest
    }

    /// What to draw for `layer`: its finished maps, else its preview, else the newest maps.
    public func shown(for layer: Conv2dSettings) -> ComputedMaps? {
        if latest?.experiment.layer == layer { return latest }
        if let preview, preview.experiment.layer == layer { return preview }
        return latest
    }

    /// True when asking for `layer` computes it in the background (and the part in view first):
    /// its maps are neither on screen, nor kept, nor small enough to compute at once.
    public func computesInBackground(_ layer: Conv2dSettings) -> Bool {
        latest?.experiment.layer != layer && !cache.contains { $0.experiment.layer == layer } && Self.cost(layer) > Self.inlineLimit
    }

    /// Makes sure the maps of `layer` are (or will be) computed; a slow one computes `region`
    /// first. Returns the maps when they are ready at once.
    func requestLayer(_ layer: Conv2dSettings, showing region: OutputRegion?) -> [ComputeResult] {
        // Back to the maps on screen: a computation still running for others is no longer wanted.
        if latest?.experiment.layer == layer { cancelLayer(); return [] }
        if let hit = cache.first(where: { $0.experiment.layer == layer }) { latest = hit; cancelLayer(); return [.maps(hit)] }
        if Self.cost(layer) <= Self.inlineLimit {
            cancelLayer()
            guard let maps = try? ComputedMaps(ConvExperiment(layer)) else { return [] }
            remember(maps)
            return [.maps(maps)]
        }
        if isComputing(layer) { show(region); return [] }
        cancelLayer()
        let job = start(.layer), tensors = LayerTensors()
        runningLayer = (layer, tensors)
        let previewJob = region.map { _ in start(.preview) }
        previewRegion = region
        let token = job.token, previewToken = previewJob?.token ?? CancelToken()
        let threshold = previewMultiplyAdds, mailbox = mailbox, buildGate = buildGate
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
            guard let experiment = try? ConvExperiment(layer, input: input, kernels: kernels, isCancelled: {
                while token.isPaused && !token.isCancelled { usleep(1000) }
                return token.isCancelled
            }) else { return nil }
            return .maps(ComputedMaps(experiment))
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

    /// Keeps the finished maps of the running layer and ends its job.
    func finishLayer(_ maps: ComputedMaps) {
        cancelLayer()
        remember(maps)
    }

    private func remember(_ maps: ComputedMaps) {
        latest = maps
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
    public static func cost(_ layer: Conv2dSettings) -> Int {
        let p = layer
        let out = p.outputShape.map { $0.reduce(1, *) } ?? 0
        return p.inChannels * p.hIn * p.wIn + out
    }
}
