/// Each tensor operation of a traced forward, on float32 values as PyTorch 2.13's CPU kernels
/// compute them (sums of many terms in Double, rounded once: within float32 rounding of ATen).
enum GraphKernels {
    /// `operation`'s value on `x` (its first input) and all its `inputs`; `weights` are a layer's,
    /// nil for the course notebook's.
    static func tensor(_ operation: GraphOperation, _ x: GraphTensor, _ inputs: [GraphTensor], shape: [Int],
                       weights: LayerWeights? = nil, _ integer: (GraphInt) -> Int) -> GraphTensor {
        switch operation {
        case let .layer(layer):
            // Cell-by-cell layers take any rank (a classifier's [1, 4096]): their values keep the node's shape.
            return GraphTensor(shape: shape, storage: layerOutput(layer, x, inputs, shape: shape, weights: weights).storage)
        case let .family(layer):
            // The course notebook's weights: all ones, zero bias. The shape step already ran PyTorch's checks.
            let weight = layer.weightShape.map { TensorN(shape: $0, repeating: 1) }
            let out = (try? FamilyForward.run(layer, input: TensorN(shape: x.shape, storage: x.storage), weight: weight, bias: nil))
                ?? TensorN(shape: shape, repeating: .nan)
            return GraphTensor(shape: shape, storage: out.storage)
        case let .linear(inFeatures, _, _):
            // All-ones weights, zero bias: every output of a row is the row's sum.
            let rows = x.storage.count / max(inFeatures, 1)
            var out: [Float] = []
            out.reserveCapacity(shape.reduce(1, *))
            let width = shape.last ?? 0
            for r in 0..<rows {
                var sum = 0.0
                for i in 0..<inFeatures { sum += Double(x.storage[r * inFeatures + i]) }
                out += repeatElement(Float(sum), count: width)
            }
            return GraphTensor(shape: shape, storage: out)
        case .flatten, .view:
            return GraphTensor(shape: shape, storage: x.storage)
        case let .elementwise(f):
            if f == .identity { return x }
            return GraphTensor(shape: shape, storage: x.storage.map { f($0) })
        case let .scalar(op, number, numberFirst):
            let n = Float(number)
            let f: (Float) -> Float = switch (op, numberFirst) {
            case ("add", _): { $0 + n }
            case ("mul", _): { $0 * n }
            case ("sub", false): { $0 - n }
            case ("sub", true): { n - $0 }
            case ("truediv", false): { $0 / n }
            default: { n / $0 }
            }
            return GraphTensor(shape: shape, storage: x.storage.map(f))
        case let .broadcast(op):
            let a = broadcasted(x, to: shape), b = broadcasted(inputs.count > 1 ? inputs[1] : x, to: shape)
            let f: (Float, Float) -> Float = switch op {
            case "add": (+)
            case "sub": (-)
            case "mul": (*)
            default: (/)
            }
            return GraphTensor(shape: shape, storage: zip(a.storage, b.storage).map(f))
        case let .cat(dim):
            return concatenate(inputs, dim: dim < 0 ? dim + x.shape.count : dim, shape: shape)
        case let .mean(dims, _):
            return mean(x, dims: Set(dims.map { $0 < 0 ? $0 + x.shape.count : $0 }), shape: shape)
        case let .adaptivePool(max, _, _):
            return adaptivePool(x, max: max, shape: shape)
        case let .resize(resize):
            return GraphResampling.run(resize, x, shape: shape)
        case let .transpose(a, b):
            var order = Array(x.shape.indices)
            order.swapAt(a < 0 ? a + x.shape.count : a, b < 0 ? b + x.shape.count : b)
            return permuted(x, order)
        case let .permute(dims):
            return permuted(x, dims.map { $0 < 0 ? $0 + x.shape.count : $0 })
        case let .index(entries):
            let (axes, offsets) = try! GraphIndexing.axes(x.shape, entries) { (i) throws(GraphError) in integer(i) }
            let strides = GraphTensor.strides(x.shape)
            let offset = zip(offsets, strides).reduce(0) { $0 + $1.0 * $1.1 }
            return x.gathered(shape: shape, strides: axes.map { $0.input.map { strides[$0] } ?? 0 }.enumerated().map {
                $0.element * axes[$0.offset].step
            }, offset: offset)
        case let .layerNorm(normalized, eps, _):
            return layerNorm(x, count: normalized.reduce(1, *), eps: eps)
        case .size, .item, .integer, .chunk, .parameter:
            return x
        }
    }

    /// A layer's value: with `weights` (a chain's, a weight source's) the stack's kernels; nil
    /// takes the course notebook's all ones (summed tap by tap where a map holds inf or NaN). A
    /// Cat reads [skip, current] and crops the skip to the current map's size when it says so.
    static func layerOutput(_ layer: StackLayer, _ x: GraphTensor, _ inputs: [GraphTensor], shape: [Int],
                            weights: LayerWeights?) -> Tensor4 {
        if weights == nil, case let .conv2d(l) = layer, GraphOnesConvolution.needed(l, x) {
            return GraphOnesConvolution.run(l, x, shape: shape)
        }
        if case .cat = layer {
            let current = inputs.count > 1 ? inputs[1] : x
            return StackForward.concatenate(skip: x.four, current: current.four, skipShape: [1, x.shape[1], shape[2], shape[3]])
        }
        return StackForward.output(of: layer, input: x.four, weights: weights ?? Model.notebookWeights(layer), shape: shape)
    }

    /// (x − mean)/√(var + eps) over each run of the last `count` values (biased variance), the
    /// affine weight 1 and bias 0 by the course notebook's rule.
    static func layerNorm(_ x: GraphTensor, count: Int, eps: Double) -> GraphTensor {
        var out = x.storage
        for start in stride(from: 0, to: out.count, by: max(count, 1)) {
            var mean = 0.0
            for i in start..<start + count { mean += Double(out[i]) }
            mean /= Double(count)
            var variance = 0.0
            for i in start..<start + count { variance += (Double(out[i]) - mean) * (Double(out[i]) - mean) }
            let scale = 1 / (variance / Double(count) + eps).squareRoot()
            for i in start..<start + count { out[i] = Float((Double(out[i]) - mean) * scale) }
        }
        return GraphTensor(shape: x.shape, storage: out)
    }

    static func permuted(_ x: GraphTensor, _ order: [Int]) -> GraphTensor {
        let strides = GraphTensor.strides(x.shape)
        return x.gathered(shape: order.map { x.shape[$0] }, strides: order.map { strides[$0] }, offset: 0)
    }

    /// `x` repeated along its size-1 (or missing) dimensions to `shape`.
    static func broadcasted(_ x: GraphTensor, to shape: [Int]) -> GraphTensor {
        if x.shape == shape { return x }
        let padded = Array(repeating: 1, count: shape.count - x.shape.count) + x.shape
        let strides = GraphTensor.strides(padded)
        return x.gathered(shape: shape, strides: padded.indices.map { padded[$0] == 1 ? 0 : strides[$0] }, offset: 0)
    }

    static func concatenate(_ parts: [GraphTensor], dim: Int, shape: [Int]) -> GraphTensor {
        let outer = shape[..<dim].reduce(1, *), inner = shape[(dim + 1)...].reduce(1, *)
        var out: [Float] = []
        out.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for part in parts {
                let block = part.shape[dim] * inner
                out += part.storage[o * block..<(o + 1) * block]
            }
        }
        return GraphTensor(shape: shape, storage: out)
    }

    static func mean(_ x: GraphTensor, dims: Set<Int>, shape: [Int]) -> GraphTensor {
        let kept = x.shape.indices.filter { !dims.contains($0) }
        let order = kept + x.shape.indices.filter { dims.contains($0) }
        let moved = permuted(x, order)
        let groups = kept.map { x.shape[$0] }.reduce(1, *)
        let size = groups == 0 ? 0 : moved.storage.count / groups
        let out = (0..<groups).map { g -> Float in
            var sum = 0.0
            for i in 0..<size { sum += Double(moved.storage[g * size + i]) }
            return Float(sum / Double(size))
        }
        return GraphTensor(shape: shape, storage: out)
    }

    /// AdaptiveAvgPool2d / AdaptiveMaxPool2d: output o covers ⌊o·in/out⌋ ..< ⌈(o+1)·in/out⌉; the
    /// average is a float32 sum divided by the window's height, then its width, as ATen does.
    static func adaptivePool(_ x: GraphTensor, max: Bool, shape: [Int]) -> GraphTensor {
        let n = x.shape.count
        let (ih, iw, oh, ow) = (x.shape[n - 2], x.shape[n - 1], shape[n - 2], shape[n - 1])
        let planes = x.storage.count / Swift.max(ih * iw, 1)
        var out = [Float](repeating: 0, count: planes * oh * ow)
        for p in 0..<planes {
            let base = p * ih * iw
            for oy in 0..<oh {
                let y0 = oy * ih / oh, y1 = ((oy + 1) * ih + oh - 1) / oh
                for ox in 0..<ow {
                    let x0 = ox * iw / ow, x1 = ((ox + 1) * iw + ow - 1) / ow
                    var acc: Float = max ? -.infinity : 0
                    for y in y0..<y1 {
                        for xx in x0..<x1 {
                            let v = x.storage[base + y * iw + xx]
                            if max { if v > acc || v.isNaN { acc = v } } else { acc += v }
                        }
                    }
                    out[(p * oh + oy) * ow + ox] = max ? acc : acc / Float(y1 - y0) / Float(x1 - x0)
                }
            }
        }
        return GraphTensor(shape: shape, storage: out)
    }
}
