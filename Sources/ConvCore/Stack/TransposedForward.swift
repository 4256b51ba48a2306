/// `nn.ConvTranspose2d`'s forward pass for batch size 1: every input cell scatters its value times
/// the kernel onto outputs `s` apart, y = i·s − p + k·d. Sums are exact in Double, rounded once.
enum TransposedForward {
    /// Runs `layer` on `input` (1, C_in, H, W) with weight [C_in, C_out/g, kH, kW] and optional bias.
    static func run(input: Tensor4, weight: Tensor4, bias: [Float]?, layer: ConvTranspose2dLayer, output shape: [Int])
        -> Tensor4
    {
        let (cIn, hIn, wIn) = (input.shape[1], input.shape[2], input.shape[3])
        let (hOut, wOut) = (shape[2], shape[3])
        let inPerGroup = layer.inChannels / layer.groups, outPerGroup = layer.outChannels / layer.groups
        var acc = [Double](repeating: 0, count: shape.reduce(1, *))
        for o in 0..<layer.outChannels {
            let start = bias.map { Double($0[o]) } ?? 0
            for i in 0..<hOut * wOut { acc[o * hOut * wOut + i] = start }
        }
        for c in 0..<cIn {
            let group = c / inPerGroup
            for j in 0..<outPerGroup {
                let o = group * outPerGroup + j
                for ky in 0..<layer.kernelSize.h {
                    for kx in 0..<layer.kernelSize.w {
                        let wv = Double(weight[c, j, ky, kx])
                        if wv == 0 { continue }
                        for iy in 0..<hIn {
                            let y = iy * layer.stride.h - layer.padding.h + ky * layer.dilation.h
                            if y < 0 || y >= hOut { continue }
                            for ix in 0..<wIn {
                                let x = ix * layer.stride.w - layer.padding.w + kx * layer.dilation.w
                                if x < 0 || x >= wOut { continue }
                                acc[(o * hOut + y) * wOut + x] += wv * Double(input[0, c, iy, ix])
                            }
                        }
                    }
                }
            }
        }
        return Tensor4(shape: shape, storage: acc.map { Float($0) })
    }
}
