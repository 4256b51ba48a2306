/// `GraphOnesConvolution` (the tap-by-tap float32 sums for maps holding inf or NaN) on maps kept
/// as distinct planes, one group: every output channel gets the same plane, each cell the
/// window's taps added channel by channel in the whole layer's order, so the float32 roundings
/// are the same. A sum that has become NaN, or an infinity no later tap can cancel (the map
/// holds no infinity of the other sign and no NaN), is final: the rest of its taps are skipped.
enum GraphSharedOnesConvolution {
    static func run(_ layer: Conv2dLayer, _ x: FeatureMaps, shape: [Int]) -> FeatureMaps? {
        guard layer.groups == 1, layer.paddingMode == .zeros, layer.inChannels == x.shape[1] else { return nil }
        let (ih, iw, oh, ow) = (x.shape[2], x.shape[3], shape[2], shape[3])
        let hasNaN = x.storage.contains { $0.isNaN }
        let hasPlusInfinity = x.storage.contains { $0 == .infinity }, hasMinusInfinity = x.storage.contains { $0 == -.infinity }
        let planes = x.distinctPlaneCount, taps = layer.kernelSize.h * layer.kernelSize.w
        var window = [Float](repeating: 0, count: planes * taps)
        var sums = [Float](repeating: 0, count: oh * ow)
        x.storage.withUnsafeBufferPointer { input in
            window.withUnsafeMutableBufferPointer { window in
                for oy in 0..<oh {
                    for ox in 0..<ow {
                        // Each plane's taps inside the input, in the whole layer's order (ky, then kx).
                        var count = 0
                        for p in 0..<planes {
                            count = 0
                            GraphOnesConvolution.forEachTap(layer, oy: oy, ox: ox, height: ih, width: iw) { y, xx in
                                window[p * taps + count] = input[(p * ih + y) * iw + xx]
                                count += 1
                            }
                        }
                        var sum: Float = 0
                        for c in 0..<x.shape[1] {
                            let base = x.planeOfChannel[c] * taps
                            for t in 0..<count { sum += window[base + t] }
                            if sum.isNaN || (sum == .infinity && !hasMinusInfinity && !hasNaN)
                                || (sum == -.infinity && !hasPlusInfinity && !hasNaN) { break }
                        }
                        sums[oy * ow + ox] = sum
                    }
                }
            }
        }
        return FeatureMaps(shape: shape, planeOfChannel: Array(repeating: 0, count: shape[1]), storage: sums)
    }
}
