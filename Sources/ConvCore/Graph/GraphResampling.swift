/// nn.Upsample / F.interpolate values on [N, C, H, W]: nearest copies its source; bilinear
/// blends four, h0·(w0·a + w1·b) + h1·(w0·c + w1·d) in float32 as ATen's CPU kernel does.
enum GraphResampling {
    static func run(_ resize: GraphResize, _ x: GraphTensor, shape: [Int]) -> GraphTensor {
        let (ih, iw, oh, ow) = (x.shape[2], x.shape[3], shape[2], shape[3])
        let rows = GraphResizing.taps(resize, axis: 0, input: ih, output: oh)
        let cols = GraphResizing.taps(resize, axis: 1, input: iw, output: ow)
        let planes = shape[0] * shape[1]
        var out = [Float](repeating: 0, count: planes * oh * ow)
        for p in 0..<planes {
            let base = p * ih * iw
            for (oy, r) in rows.enumerated() {
                for (ox, c) in cols.enumerated() {
                    let v: Float
                    if resize.mode == .nearest {
                        v = x.storage[base + r.i0 * iw + c.i0]
                    } else {
                        let a = x.storage[base + r.i0 * iw + c.i0], b = x.storage[base + r.i0 * iw + c.i1]
                        let cc = x.storage[base + r.i1 * iw + c.i0], d = x.storage[base + r.i1 * iw + c.i1]
                        v = r.w0 * (c.w0 * a + c.w1 * b) + r.w1 * (c.w0 * cc + c.w1 * d)
                    }
                    out[(p * oh + oy) * ow + ox] = v
                }
            }
        }
        return GraphTensor(shape: shape, storage: out)
    }
}
