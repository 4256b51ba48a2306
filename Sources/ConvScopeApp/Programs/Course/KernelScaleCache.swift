import ConvCore
import Synchronization

/// The colour scale of the last few kernels laid out, by kernel and shape. Layout is a pure
/// function of the state, so this only saves work: the same weights always give the same scale.
final class KernelScaleCache: Sendable {
    static let shared = KernelScaleCache()

    private struct Key: Hashable {
        let kernel: LayerKernel
        let shape: [Int]
    }
    private let scales = Mutex<[(key: Key, scale: MapScale)]>([])
    /// Kernels built so far (tests: a frame must not build one again).
    private let builtCount = Atomic<Int>(0)
    var builds: Int { builtCount.load(ordering: .relaxed) }
    /// Kernels remembered: the layer on screen and a few it was stepped from.
    private static let capacity = 4

    /// The scale of `p`'s weights (built and measured the first time).
    func scale(of p: Conv2dSettings) -> MapScale {
        let key = Key(kernel: p.kernel, shape: p.kernelShape)
        if let hit = scales.withLock({ $0.first { $0.key == key }?.scale }) { return hit }
        let scale = KernelSectionView.measuredScale(p.makeKernelMaps())
        builtCount.add(1, ordering: .relaxed)
        scales.withLock { list in
            list.removeAll { $0.key == key }
            list.insert((key, scale), at: 0)
            if list.count > Self.capacity { list.removeLast() }
        }
        return scale
    }
}
