import ConvCore
import Testing
@testable import ConvScopeApp

/// While a big layer computes, every frame is laid out with its kernel measured: the weights
/// (64×64×32×32 random ones take 30–45 ms to build) must be built once per kernel, not per frame.
@Suite("The kernel is measured once per kernel, not per frame")
struct KernelScaleCacheTests {
    static func layer(_ kernel: KernelPreset, size k: Int = 9) -> Conv2dSettings {
        var p = ConvParameters()
        (p.hIn, p.wIn, p.inChannels, p.outChannels, p.kernelSizeH, p.kernelSizeW) = (64, 64, 16, 16, k, k)
        var layer = Conv2dSettings(p)
        layer.kernel = .preset(kernel)
        return layer
    }

    @Test func aKernelIsBuiltOnceWhileItStaysInUse() {
        let cache = KernelScaleCache()
        let random = Self.layer(.random(start: 7))
        let scale = cache.scale(of: random)
        for _ in 0..<5 { #expect(cache.scale(of: random) == scale) }
        #expect(cache.builds == 1)
        // The scale is the weights' own.
        #expect(scale == KernelSectionView.measuredScale(random.makeKernelMaps()))
        // Another kernel, or the same preset at another shape, is measured on its own.
        #expect(cache.scale(of: Self.layer(.ones)) == MapScale(minimum: 1, maximum: 1))
        _ = cache.scale(of: Self.layer(.random(start: 7), size: 5))
        #expect(cache.builds == 3)
        // Stepping back to a kernel among the last few costs nothing.
        _ = cache.scale(of: random)
        #expect(cache.builds == 3)
    }
}
