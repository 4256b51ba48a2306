/// A gradient (path counts) over a node's output, in Double, row-major; each backward step below
/// scatters it onto the node's input.
struct GraphGradient {
    let shape: [Int]
    var values: [Double]

    init(shape: [Int], values: [Double]? = nil) {
        self.shape = shape
        self.values = values ?? Array(repeating: 0, count: shape.reduce(1, *))
    }

    func adding(_ other: GraphGradient) -> GraphGradient {
        GraphGradient(shape: shape, values: zip(values, other.values).map(+))
    }

    /// Summed over the dimensions an input of `target` was broadcast along.
    func reduced(to target: [Int]) -> GraphGradient {
        if target == shape { return self }
        let padded = Array(repeating: 1, count: shape.count - target.count) + target
        var out = GraphGradient(shape: target)
        let strides = GraphTensor.strides(padded)
        var index = Array(repeating: 0, count: shape.count)
        for v in values {
            var at = 0
            for d in 0..<shape.count where padded[d] != 1 { at += index[d] * strides[d] }
            out.values[at] += v
            var d = shape.count - 1
            while d >= 0 { index[d] += 1; if index[d] < shape[d] { break }; index[d] = 0; d -= 1 }
        }
        return out
    }

    /// Back through a gather (`GraphTensor.gathered`): element m of this gradient goes to input
    /// element offset + Σ m_k·strides_k.
    func scattered(to input: [Int], strides: [Int], offset: Int) -> GraphGradient {
        var out = GraphGradient(shape: input)
        var index = Array(repeating: 0, count: shape.count)
        var at = offset
        for v in values {
            out.values[at] += v
            _ = StridedIndex.advance(&index, &at, shape: shape, strides: strides)
        }
        return out
    }

    /// The part of a concatenation one input made: `shape[dim]` slices from `start`.
    func slab(dim: Int, start: Int, shape part: [Int]) -> GraphGradient {
        let outer = shape[..<dim].reduce(1, *), inner = shape[(dim + 1)...].reduce(1, *)
        var out: [Double] = []
        for o in 0..<outer {
            let base = (o * shape[dim] + start) * inner
            out += values[base..<base + part[dim] * inner]
        }
        return GraphGradient(shape: part, values: out)
    }

    /// Through a window of taps (Conv2d with all-ones weights, or a pool summing its window).
    static func windows(_ g: GraphGradient, input: [Int], groups: Int, kernel: SpatialPair, stride: SpatialPair,
                        dilation: SpatialPair, before: SpatialPair) -> GraphGradient {
        let (oc, oh, ow) = (g.shape[1], g.shape[2], g.shape[3])
        let (ic, ih, iw) = (input[1], input[2], input[3])
        var out = GraphGradient(shape: input)
        for group in 0..<groups {
            // All-ones weights: every input channel of a group receives the group's summed gradient.
            var summed = [Double](repeating: 0, count: oh * ow)
            for o in group * oc / groups..<(group + 1) * oc / groups {
                for i in 0..<oh * ow { summed[i] += g.values[o * oh * ow + i] }
            }
            var plane = [Double](repeating: 0, count: ih * iw)
            for oy in 0..<oh {
                for ox in 0..<ow where summed[oy * ow + ox] != 0 {
                    let v = summed[oy * ow + ox]
                    for ky in 0..<kernel.h {
                        let y = oy * stride.h - before.h + ky * dilation.h
                        guard y >= 0 && y < ih else { continue }
                        for kx in 0..<kernel.w {
                            let x = ox * stride.w - before.w + kx * dilation.w
                            if x >= 0 && x < iw { plane[y * iw + x] += v }
                        }
                    }
                }
            }
            for c in group * ic / groups..<(group + 1) * ic / groups {
                out.values.replaceSubrange(c * ih * iw..<(c + 1) * ih * iw, with: plane)
            }
        }
        return out
    }

    /// A pool's window, each channel its own group.
    static func windows(_ g: GraphGradient, input: [Int], pool: PoolWindow) -> GraphGradient {
        windows(g, input: input, groups: input[1], kernel: pool.kernel, stride: pool.stride, dilation: pool.dilation,
                before: pool.padding)
    }

    /// Through ConvTranspose2d with all-ones weights: input cell i wrote outputs i·s − p + t·d.
    static func transposed(_ g: GraphGradient, input: [Int], layer l: ConvTranspose2dLayer) -> GraphGradient {
        let (oc, oh, ow) = (g.shape[1], g.shape[2], g.shape[3])
        let (ic, ih, iw) = (input[1], input[2], input[3])
        var out = GraphGradient(shape: input)
        for group in 0..<l.groups {
            var summed = [Double](repeating: 0, count: oh * ow)
            for o in group * oc / l.groups..<(group + 1) * oc / l.groups {
                for i in 0..<oh * ow { summed[i] += g.values[o * oh * ow + i] }
            }
            var plane = [Double](repeating: 0, count: ih * iw)
            for iy in 0..<ih {
                for ix in 0..<iw {
                    var sum = 0.0
                    for ky in 0..<l.kernelSize.h {
                        let y = iy * l.stride.h - l.padding.h + ky * l.dilation.h
                        guard y >= 0 && y < oh else { continue }
                        for kx in 0..<l.kernelSize.w {
                            let x = ix * l.stride.w - l.padding.w + kx * l.dilation.w
                            if x >= 0 && x < ow { sum += summed[y * ow + x] }
                        }
                    }
                    plane[iy * iw + ix] = sum
                }
            }
            for c in group * ic / l.groups..<(group + 1) * ic / l.groups {
                out.values.replaceSubrange(c * ih * iw..<(c + 1) * ih * iw, with: plane)
            }
        }
        return out
    }

    /// An adaptive pool as an average (a max pool's window counted as an average's).
    static func adaptive(_ g: GraphGradient, input: [Int], max: Bool) -> GraphGradient {
        let n = input.count
        let (ih, iw, oh, ow) = (input[n - 2], input[n - 1], g.shape[n - 2], g.shape[n - 1])
        var out = GraphGradient(shape: input)
        let planes = out.values.count / Swift.max(ih * iw, 1)
        for p in 0..<planes {
            for oy in 0..<oh {
                let y0 = oy * ih / oh, y1 = ((oy + 1) * ih + oh - 1) / oh
                for ox in 0..<ow {
                    let x0 = ox * iw / ow, x1 = ((ox + 1) * iw + ow - 1) / ow
                    let v = g.values[(p * oh + oy) * ow + ox] / Double((y1 - y0) * (x1 - x0))
                    for y in y0..<y1 { for x in x0..<x1 { out.values[(p * ih + y) * iw + x] += v } }
                }
            }
        }
        return out
    }

    /// Through nearest or bilinear resizing: each output cell hands its gradient to its sources by weight.
    static func resized(_ g: GraphGradient, input: [Int], resize: GraphResize) -> GraphGradient {
        let (ih, iw, oh, ow) = (input[2], input[3], g.shape[2], g.shape[3])
        let rows = GraphResizing.taps(resize, axis: 0, input: ih, output: oh)
        let cols = GraphResizing.taps(resize, axis: 1, input: iw, output: ow)
        var out = GraphGradient(shape: input)
        for p in 0..<input[0] * input[1] {
            for (oy, r) in rows.enumerated() {
                for (ox, c) in cols.enumerated() {
                    let v = g.values[(p * oh + oy) * ow + ox]
                    guard v != 0 else { continue }
                    for (y, wy) in [(r.i0, Double(r.w0)), (r.i1, Double(r.w1))] where wy != 0 {
                        for (x, wx) in [(c.i0, Double(c.w0)), (c.i1, Double(c.w1))] where wx != 0 {
                            out.values[(p * ih + y) * iw + x] += v * wy * wx
                        }
                    }
                }
            }
        }
        return out
    }
}
