import ConvCore
import ConvScopeApp

/// The part in view of a slow layer, computed before the rest (`Engine.show`).
extension Engine {
    /// Computes `region` of `layer` and posts it, when the layer is slow enough to want a preview
    /// and the preview is still wanted when done. Returns true when it was made from part of the
    /// input (the whole layer's tensors not built yet; see `LayerTensors.forPreview`).
    @discardableResult
    static func preview(_ layer: Conv2dSettings, region: OutputRegion, tensors: LayerTensors, threshold: Int,
                        post: @Sendable (ComputedMaps) -> Void, isCancelled: @escaping @Sendable () -> Bool) -> Bool {
        guard tensors.mayWantPreview(layer, threshold: threshold) else { return false }
        // A whole map's block means read every input value: a sampled frame comes first.
        if region.block > 1, let sampledInPart = sampledPreview(layer, region: region, tensors: tensors, threshold: threshold,
                                                                 post: post, isCancelled: isCancelled),
           sampledInPart || isCancelled() { return sampledInPart }
        let (input, kernels, inPart) = tensors.forPreview(layer, region: region)
        guard tensors.wantsPreview(layer, input: input, kernels: kernels, threshold: threshold),
              let experiment = try? ConvExperiment(previewOf: layer, region: region, input: input, kernels: kernels,
                                                   isCancelled: isCancelled) else { return false }
        let maps = ComputedMaps(experiment)
        if !isCancelled() { post(maps) }
        return inPart
    }

    /// Computes a sampled first frame of the whole-map `region` (`SampledGrid`) and posts it.
    /// Returns nil when the layer wants no preview, else true when made from part of the input.
    private static func sampledPreview(_ layer: Conv2dSettings, region: OutputRegion, tensors: LayerTensors, threshold: Int,
                                       post: @Sendable (ComputedMaps) -> Void,
                                       isCancelled: @escaping @Sendable () -> Bool) -> Bool? {
        let grid = SampledGrid(region: region, spec: layer.spec)
        let (input, kernels, inPart) = tensors.forSampledPreview(layer, grid: grid, region: region)
        guard tensors.wantsPreview(layer, input: input, kernels: kernels, threshold: threshold) else { return nil }
        guard let experiment = try? ConvExperiment(sampledPreviewOf: layer, region: region, grid: grid, input: input,
                                                   kernels: kernels, isCancelled: isCancelled) else { return inPart }
        let maps = ComputedMaps(experiment)
        if !isCancelled() { post(maps) }
        return inPart
    }
}
