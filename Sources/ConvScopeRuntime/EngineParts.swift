import ConvCore
import Synchronization

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
    func wantsPreview(_ layer: Conv2dSettings, input: FeatureMaps, kernels: FeatureMaps, threshold: Int) -> Bool {
        if let known = previewWanted.withLock({ $0 }) { return known }
        let wanted = OutputPreview.multiplyAdds(input: input, kernels: kernels, bias: layer.spec.biasVector,
                                                spec: layer.spec) >= threshold
        previewWanted.withLock { $0 = wanted }
        return wanted
    }

    /// False when the layer cannot want a preview: its general path without shared planes (the
    /// most it can do) stays below `threshold` multiply-adds. Decided from the shape alone, before
    /// a preview's input is drawn only to be dropped (a twentieth of a 256² 16→16 k5 key's CPU).
    func mayWantPreview(_ layer: Conv2dSettings, threshold: Int) -> Bool {
        if previewWanted.withLock({ $0 }) == false { return false }
        return Self.denseMultiplyAdds(layer.spec) >= threshold
    }

    /// Multiply-adds of `spec`'s general path when no two planes are shared (saturating).
    static func denseMultiplyAdds(_ spec: Conv2dSpec) -> Int {
        let h = spec.heightAxis, w = spec.widthAxis
        return Int.saturatingProduct(spec.parameters.outChannels, h.outputSize, w.outputSize,
                                     spec.inChannelsPerGroup, h.kernel, w.kernel)
    }

    /// The layer's tensors, built by the first caller while the others wait.
    func get(_ layer: Conv2dSettings) -> (input: FeatureMaps, kernels: FeatureMaps) {
        built.withLock { built in
            if let built { return built }
            let made = (layer.makeInputMaps(), kernels(of: layer))
            built = made
            return made
        }
    }

    /// The tensors a preview of `region` reads: the whole layer's when built, else the kernels
    /// and the input made in part (`makePreviewInputMaps`; `inPart` true) when that is possible.
    func forPreview(_ layer: Conv2dSettings, region: OutputRegion) -> (input: FeatureMaps, kernels: FeatureMaps, inPart: Bool) {
        if let whole = built.withLock({ $0 }) { return (whole.input, whole.kernels, false) }
        guard let part = layer.makePreviewInputMaps(for: region) else {
            let whole = get(layer)
            return (whole.input, whole.kernels, false)
        }
        return (part, kernels(of: layer, for: region), true)
    }

    /// The tensors a sampled whole map over `grid` reads: the whole layer's when built, else the
    /// kernels and the input made where the samples read (`inPart` true) when that is possible.
    func forSampledPreview(_ layer: Conv2dSettings, grid: SampledGrid, region: OutputRegion)
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
    private func kernels(of layer: Conv2dSettings, for region: OutputRegion) -> FeatureMaps {
        kernels.withLock { $0 } ?? layer.makePreviewKernelMaps(for: region) ?? kernels(of: layer)
    }

    /// The kernels, made once.
    private func kernels(of layer: Conv2dSettings) -> FeatureMaps {
        kernels.withLock { kept in
            if let kept { return kept }
            let made = layer.makeKernelMaps()
            kept = made
            return made
        }
    }
}

/// Lets one computation at a time build its tensors (see `Engine.buildGate`).
final class BuildGate: Sendable {
    private let lock = Mutex(())
    func build<T>(_ body: () -> T) -> T { lock.withLock { _ in body() } }
}

/// The layers `Engine.computeNow` was asked for while set (`Engine.computedNow`): shows that
/// `render` and the run loop take the one entry from a layer to its maps.
public final class ComputeLog: Sendable {
    private let layers = Mutex<[Conv2dSettings]>([])

    /// An empty log.
    public init() {}

    func record(_ layer: Conv2dSettings) { layers.withLock { $0.append(layer) } }

    /// The layers asked for, oldest first.
    public var asked: [Conv2dSettings] { layers.withLock { $0 } }
}

extension Engine {
    /// Where `computeNow` records the layers it is asked for, in the task (or thread) that sets it.
    @TaskLocal public static var computedNow: ComputeLog?
}

/// The one small `Conv2dWorkspace` the engine's layer jobs take turns with: a key's Winograd band
/// planes and packed weights then come from memory already faulted in, not from fresh pages (the
/// lab's 256² 16→16 k5 layer: 1.6 MB a key on two cores, each worker's planes under 768 KB). A
/// workspace that grew past `keptBytes` (a direct path's packed input, the FFT path's spectra) is
/// let go when given back: a screen holds no more between keys than a lab of 30 on one server
/// can afford.
final class KeptWorkspace: Sendable {
    private let kept = Mutex<UncheckedWorkspace?>(nil)

    /// Bytes a workspace may hold and still be kept between keys: 1 MB per core (one worker's
    /// band planes and a share of the packed weights), at least 2 MB.
    static let keptBytes = max(2, ProcessorCount.online) << 20

    /// The kept workspace, or a new one when another job has it (or none was kept).
    func take() -> Conv2dWorkspace {
        kept.withLock { kept in defer { kept = nil }; return kept?.workspace } ?? Conv2dWorkspace()
    }

    /// Keeps `workspace` for the next job when it is small enough.
    func giveBack(_ workspace: Conv2dWorkspace) {
        guard workspace.bytes <= Self.keptBytes else { return }
        kept.withLock { $0 = UncheckedWorkspace(workspace: workspace) }
    }

    /// A workspace passed between threads: only ever used by the one job that took it.
    private struct UncheckedWorkspace: @unchecked Sendable {
        let workspace: Conv2dWorkspace
    }
}
