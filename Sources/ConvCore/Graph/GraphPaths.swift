/// The effective receptive field of one output cell: for each input cell, how many paths of the
/// graph lead from it to that cell, with the course notebook's all-ones weights (every tap of a
/// convolution or pool is one path; BatchNorm and activations pass a path on; an addition or
/// multiplication joins its inputs' paths; resizing blends by its weights, an adaptive average
/// divides by its window's area). It equals the gradient of the cell on an all-ones copy whose
/// activations and BatchNorms are the identity, whose pools sum their windows and whose `*` is `+`.
public enum GraphPaths {
    /// Path counts per input cell [H][W] (summed over input channels) to output cell (y, x) of
    /// node `name` (every channel, or only `channel`); nil when a node on the way is not followed.
    public static func counts(_ trace: GraphTrace, inputName: String, node name: String, y: Int, x: Int,
                              channel: Int? = nil) -> [[Double]]? {
        guard let last = trace.steps.lastIndex(where: { $0.node.name == name }),
              let shape = trace.steps[last].outputShape, shape.count == 4 else { return nil }
        var grads: [String: GraphGradient] = [:]
        var wanted = GraphGradient(shape: shape)
        for c in 0..<shape[1] where channel == nil || channel == c { wanted.values[(c * shape[2] + y) * shape[3] + x] = 1 }
        grads[name] = wanted
        var shapes: [String: [Int]] = [inputName: trace.inputShape]
        var integers: [String: Int] = [:]
        for step in trace.steps {
            if let s = step.outputShape { shapes[step.node.name] = s }
            if case let .integer(n)? = step.result { integers[step.node.name] = n }
        }
        let integer: (GraphInt) throws(GraphError) -> Int = { i throws(GraphError) in
            switch i {
            case let .literal(n): return n
            case let .node(name): return integers[name] ?? 0
            }
        }
        // chunk's parts: each getitem hands its gradient to its part; chunk gathers them back.
        var parts: [String: [Int: GraphGradient]] = [:]
        var partShapes: [String: [[Int]]] = [:]
        for step in trace.steps { if case let .tensors(shapes)? = step.result { partShapes[step.node.name] = shapes } }
        for step in trace.steps[...last].reversed() {
            if case let .chunk(_, dim) = step.node.operation, let got = parts.removeValue(forKey: step.node.name),
               let input = step.node.inputs.first, let shape = shapes[input], let pieces = partShapes[step.node.name] {
                let d = dim < 0 ? dim + shape.count : dim
                let strides = GraphTensor.strides(shape)
                var whole = GraphGradient(shape: shape)
                var start = 0
                for (k, piece) in pieces.enumerated() {
                    if let g = got[k] { whole = whole.adding(g.scattered(to: shape, strides: strides, offset: start * strides[d])) }
                    start += piece[d]
                }
                grads[input] = grads[input].map { $0.adding(whole) } ?? whole
                continue
            }
            guard let g = grads.removeValue(forKey: step.node.name) else { continue }
            if case let .item(.at(.literal(k))) = step.node.operation, let tuple = step.node.inputs.first,
               let count = partShapes[tuple]?.count {
                let index = k < 0 ? k + count : k
                parts[tuple, default: [:]][index] = parts[tuple]?[index].map { $0.adding(g) } ?? g
                continue
            }
            let inputs = step.node.inputs.filter { shapes[$0] != nil }
            guard let back = backward(step, g, inputs.map { shapes[$0]! }, integer) else { return nil }
            for (input, part) in zip(inputs, back) {
                if let part { grads[input] = grads[input].map { $0.adding(part) } ?? part }
            }
        }
        guard let g = grads[inputName] else { return Array(repeating: Array(repeating: 0, count: trace.inputShape[3]),
                                                            count: trace.inputShape[2]) }
        let (c, h, w) = (trace.inputShape[1], trace.inputShape[2], trace.inputShape[3])
        return (0..<h).map { yy in (0..<w).map { xx in (0..<c).reduce(0.0) { $0 + g.values[($1 * h + yy) * w + xx] } } }
    }

    /// Each input's gradient (nil for one that gets none); nil when the operation is not followed.
    static func backward(_ step: GraphStep, _ g: GraphGradient, _ inputs: [[Int]],
                         _ integer: (GraphInt) throws(GraphError) -> Int) -> [GraphGradient?]? {
        guard let first = inputs.first else { return nil }
        switch step.node.operation {
        case let .layer(layer):
            switch layer {
            case let .conv2d(l):
                return [GraphGradient.windows(g, input: first, groups: l.groups, kernel: l.kernelSize, stride: l.stride,
                                              dilation: l.dilation, before: SpatialPair(l.appliedPadding(.height).before,
                                                                                        l.appliedPadding(.width).before))]
            case let .convTranspose2d(l): return [GraphGradient.transposed(g, input: first, layer: l)]
            case let .maxPool2d(l): return [GraphGradient.windows(g, input: first, pool: l.window)]
            case let .avgPool2d(l): return [GraphGradient.windows(g, input: first, pool: l.window)]
            case .shapePreserving: return [g]
            case .cat, .module: return nil
            }
        case .elementwise, .scalar, .flatten, .view:
            return [GraphGradient(shape: first, values: g.values)]
        case .broadcast:
            return inputs.map { g.reduced(to: $0) }
        case let .cat(dim):
            var start = 0
            return inputs.map { shape in
                defer { start += shape[dim < 0 ? dim + shape.count : dim] }
                return g.slab(dim: dim < 0 ? dim + shape.count : dim, start: start, shape: shape)
            }
        case let .adaptivePool(max, _, _):
            return [GraphGradient.adaptive(g, input: first, max: max)]
        case let .resize(resize):
            return [GraphGradient.resized(g, input: first, resize: resize)]
        case let .index(entries):
            guard let (axes, offsets) = try? GraphIndexing.axes(first, entries, integer) else { return nil }
            let strides = GraphTensor.strides(first)
            return [g.scattered(to: first, strides: axes.map { ($0.input.map { strides[$0] } ?? 0) * $0.step },
                                offset: zip(offsets, strides).reduce(0) { $0 + $1.0 * $1.1 })]
        case let .transpose(a, b):
            var order = Array(first.indices)
            order.swapAt(a < 0 ? a + first.count : a, b < 0 ? b + first.count : b)
            let strides = GraphTensor.strides(first)
            return [g.scattered(to: first, strides: order.map { strides[$0] }, offset: 0)]
        case let .permute(dims):
            let strides = GraphTensor.strides(first)
            return [g.scattered(to: first, strides: dims.map { strides[$0 < 0 ? $0 + first.count : $0] }, offset: 0)]
        default:
            return nil
        }
    }
}
