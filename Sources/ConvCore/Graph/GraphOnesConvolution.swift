/// Conv2d with all-ones weights and no bias, tap by tap, for maps holding inf or NaN: the fast
/// paths sum windows by differences or pack zeros beside the taps, and inf − inf or inf · 0 would
/// give NaN where PyTorch's direct sum gives inf. Zero padding only (other modes take the fast path).
enum GraphOnesConvolution {
    /// True when this layer's values on `input` must be summed tap by tap.
    static func needed(_ layer: Conv2dLayer, _ input: GraphTensor) -> Bool {
        layer.paddingMode == .zeros && input.storage.contains { !$0.isFinite }
    }

    static func run(_ layer: Conv2dLayer, _ input: GraphTensor, shape: [Int]) -> Tensor4 {
        let (ih, iw, oh, ow) = (input.shape[2], input.shape[3], shape[2], shape[3])
        let perGroupIn = layer.inChannels / layer.groups, perGroupOut = layer.outChannels / layer.groups
        var out = Tensor4(shape: shape)
        for g in 0..<layer.groups {
            // Every output channel of a group sees the same window sums (all-ones weights).
            var sums = [Float](repeating: 0, count: oh * ow)
            for oy in 0..<oh {
                for ox in 0..<ow {
                    var sum: Float = 0
                    for c in g * perGroupIn..<(g + 1) * perGroupIn {
                        forEachTap(layer, oy: oy, ox: ox, height: ih, width: iw) { sum += input.storage[(c * ih + $0) * iw + $1] }
                    }
                    sums[oy * ow + ox] = sum
                }
            }
            for o in g * perGroupOut..<(g + 1) * perGroupOut {
                out.storage.replaceSubrange(o * oh * ow..<(o + 1) * oh * ow, with: sums)
            }
        }
        return out
    }

    /// Calls `body(y, x)` for each tap of output cell (oy, ox) inside the input, kernel row by row.
    @inline(__always)
    static func forEachTap(_ layer: Conv2dLayer, oy: Int, ox: Int, height ih: Int, width iw: Int, _ body: (Int, Int) -> Void) {
        let (top, left) = (layer.appliedPadding(.height).before, layer.appliedPadding(.width).before)
        for ky in 0..<layer.kernelSize.h {
            let y = oy * layer.stride.h - top + ky * layer.dilation.h
            guard y >= 0 && y < ih else { continue }
            for kx in 0..<layer.kernelSize.w {
                let x = ox * layer.stride.w - left + kx * layer.dilation.w
                guard x >= 0 && x < iw else { continue }
                body(y, x)
            }
        }
    }
}
