/// Max and average pooling for batch size 1, following ATen's CPU kernels.
enum PoolForward {
    /// The largest input value in each window; taps in the padding are skipped (−inf when a
    /// dilated window reads only padding, as PyTorch returns).
    static func max(input: Tensor4, window: PoolWindow, output shape: [Int]) -> Tensor4 {
        var output = Tensor4(shape: shape)
        let (h, w) = (input.shape[2], input.shape[3])
        for c in 0..<shape[1] {
            for oy in 0..<shape[2] {
                for ox in 0..<shape[3] {
                    var best = -Float.infinity
                    for ky in 0..<window.kernel.h {
                        let y = window.start(output: oy, axis: .height) + ky * window.dilation.h
                        guard y >= 0 && y < h else { continue }
                        for kx in 0..<window.kernel.w {
                            let x = window.start(output: ox, axis: .width) + kx * window.dilation.w
                            guard x >= 0 && x < w else { continue }
                            let value = input[0, c, y, x]
                            if value > best || value.isNaN { best = value }
                        }
                    }
                    output[0, c, oy, ox] = best
                }
            }
        }
        return output
    }

    /// The window sum divided once, ATen's rule: the window is clipped to input + padding for the
    /// count_include_pad divisor, to the input for the sum and the other divisor.
    static func average(input: Tensor4, layer: AvgPool2dLayer, output shape: [Int]) -> Tensor4 {
        let window = layer.window
        var output = Tensor4(shape: shape)
        let (h, w) = (input.shape[2], input.shape[3])
        for c in 0..<shape[1] {
            for oy in 0..<shape[2] {
                var top = window.start(output: oy, axis: .height)
                var bottom = Swift.min(top + window.kernel.h, h + window.padding.h)
                let paddedRows = bottom - top
                top = Swift.max(top, 0); bottom = Swift.min(bottom, h)
                for ox in 0..<shape[3] {
                    var left = window.start(output: ox, axis: .width)
                    var right = Swift.min(left + window.kernel.w, w + window.padding.w)
                    let poolSize = paddedRows * (right - left)
                    left = Swift.max(left, 0); right = Swift.min(right, w)
                    guard top < bottom && left < right else { output[0, c, oy, ox] = 0; continue }
                    var sum = 0.0
                    for y in top..<bottom { for x in left..<right { sum += Double(input[0, c, y, x]) } }
                    let divisor = layer.divisorOverride
                        ?? (layer.countIncludePad ? poolSize : (bottom - top) * (right - left))
                    // Float(sum) is exact for integer and dyadic inputs; a float32 quotient rounded
                    // from Double equals float32 division (Double has more than 2·24 + 2 bits).
                    output[0, c, oy, ox] = Float(Double(Float(sum)) / Double(divisor))
                }
            }
        }
        return output
    }
}
