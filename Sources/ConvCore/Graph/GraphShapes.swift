/// Each graph operation's output shape, receptive field and multiplications, with PyTorch's
/// message (PyTorch 2.13, word for word) where PyTorch raises one.
enum GraphShapes {
    typealias Value = (shape: [Int], reach: Reach?)

    /// The node's result from what it reads (`values` by name) and its multiplications.
    static func run(_ node: GraphNode, _ values: [String: TraceValue]) throws(GraphError) -> (TraceValue, Int) {
        let read = node.inputs.compactMap { values[$0] }
        func integer(_ i: GraphInt) throws(GraphError) -> Int {
            switch i {
            case let .literal(n): return n
            case let .node(name):
                guard case let .integer(n)? = values[name] else {
                    throw GraphError(pythonType: "convscope", message: "\(name) holds no integer")
                }
                return n
            }
        }
        if let result = try GraphShapeOps.run(node.operation, read.first, integer) { return (result, 0) }
        let tensors: [Value] = read.compactMap { if case let .tensor(s, r) = $0 { (s, r) } else { nil } }
        let (shape, reach, mults) = try run(node.operation, tensors)
        return (.tensor(shape, reach), mults)
    }

    static func run(_ operation: GraphOperation, _ inputs: [Value]) throws(GraphError) -> ([Int], Reach?, Int) {
        guard let first = inputs.first else { throw GraphError(pythonType: "convscope", message: "a node reads no tensor") }
        switch operation {
        case let .layer(.cat(cat)) where inputs.count == 2 && first.shape.count == 4 && inputs[1].shape.count == 4:
            return try join(cat, skip: first, current: inputs[1])
        case .layer(.cat):
            throw GraphError(pythonType: "convscope", message: "a Cat joins two [N, C, H, W] maps: the skip and its input")
        case let .layer(layer):
            // Activations and dropout take any rank (a classifier's [1, 4096]); BatchNorm2d and windows take [N, C, H, W].
            if case let .shapePreserving(kind) = layer {
                if case .batchNorm2d = kind {} else { return (first.shape, first.reach, 0) }
            }
            guard first.shape.count == 4 else {
                throw GraphError(pythonType: "RuntimeError", message: "\(layer.name) expects a [N, C, H, W] tensor; it got "
                                 + "\(first.shape.count) dimensions \(first.shape)")
            }
            let shape: [Int]
            do throws(StackLayerError) { shape = try layer.outputShape(input: first.shape) } catch {
                throw GraphError(pythonType: error.pythonType, message: error.message)
            }
            return (shape, first.reach.map { layer.reach(after: $0) }, layer.multiplications(input: first.shape, output: shape))
        case let .family(layer):
            // Pools read the spatial axes without checking the rank: the rank is checked here.
            guard first.shape.count == layer.dims + 2 else {
                throw GraphError(pythonType: "RuntimeError", message: "\(layer.name) expects a "
                                 + "\(layer.dims == 1 ? "[N, C, L]" : "[N, C, D, H, W]") tensor; it got \(first.shape.count) dimensions \(first.shape)")
            }
            do throws(FamilyError) {
                let shape = try layer.outputShape(input: first.shape)
                return (shape, nil, layer.multiplications(input: first.shape, output: shape))
            } catch {
                throw GraphError(pythonType: error.pythonType, message: error.message)
            }
        case let .linear(i, o, _):
            guard first.shape.last == i else {
                let rows = Int.saturatingProduct(of: first.shape.dropLast())
                throw GraphError(pythonType: "RuntimeError", message: "mat1 and mat2 shapes cannot be multiplied "
                                 + "(\(rows)x\(first.shape.last ?? 0) and \(i)x\(o))")
            }
            let rows = Int.saturatingProduct(of: first.shape.dropLast())
            return (Array(first.shape.dropLast()) + [o], nil, Int.saturatingProduct(rows, i, o))
        case let .flatten(start, end):
            let n = first.shape.count
            let s = start < 0 ? start + n : start, e = end < 0 ? end + n : end
            guard (0..<max(n, 1)).contains(s), (0..<max(n, 1)).contains(e) else {
                throw GraphError(pythonType: "IndexError", message: "Dimension out of range (expected to be in range of "
                                 + "[\(-n), \(n - 1)], but got \(s < 0 || s >= n ? start : end))")
            }
            guard s <= e else { throw GraphError(pythonType: "RuntimeError", message: "flatten() has invalid args: start_dim cannot come after end_dim") }
            let middle = Int.saturatingProduct(of: first.shape[s...e])
            let keepsField = s >= 2 ? false : e < 2
            return (Array(first.shape[..<s]) + [middle] + Array(first.shape[(e + 1)...]), keepsField ? first.reach : nil, 0)
        case let .adaptivePool(_, h, w):
            guard first.shape.count == 4 || first.shape.count == 3 else {
                throw GraphError(pythonType: "ValueError", message: "adaptive pooling expects a 3-D or 4-D input")
            }
            let n = first.shape.count
            let out = [h ?? first.shape[n - 2], w ?? first.shape[n - 1]]
            func sources(_ input: Int, _ output: Int) -> [[Int]] {
                (0..<output).map { o in Array((o * input / output)..<(((o + 1) * input + output - 1) / output)) }
            }
            let reach = first.reach.map { r in
                Reach(h: r.h?.through(sources: sources(first.shape[n - 2], out[0]), input: first.shape[n - 2]),
                      w: r.w?.through(sources: sources(first.shape[n - 1], out[1]), input: first.shape[n - 1]))
            }
            return (Array(first.shape.prefix(n - 2)) + out, reach, 0)
        case .elementwise, .scalar:
            return (first.shape, first.reach, 0)
        case .broadcast:
            guard inputs.count == 2 else { return (first.shape, first.reach, 0) }
            let shape = try broadcast(first.shape, inputs[1].shape)
            return (shape, union(broadcastReach(first, to: shape), broadcastReach(inputs[1], to: shape)), 0)
        case let .cat(dim):
            return (try concatenate(inputs.map(\.shape), dim: dim), inputs.dropFirst().reduce(first.reach) { union($0, $1.reach) }, 0)
        case let .mean(dims, keep):
            let n = first.shape.count
            let reduced = Set(dims.map { $0 < 0 ? $0 + n : $0 })
            guard reduced.allSatisfy({ (0..<n).contains($0) }) else {
                throw GraphError(pythonType: "IndexError", message: "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(dims.first ?? 0))")
            }
            let shape = first.shape.enumerated().compactMap { reduced.contains($0.offset) ? (keep ? 1 : nil) : $0.element }
            // A mean over the whole map, kept as 1×1 (x.mean([2, 3], keepdim=True)), reads every cell.
            guard keep, n >= 2, reduced.contains(n - 2), reduced.contains(n - 1), let r = first.reach else { return (shape, nil, 0) }
            let (h, w) = (first.shape[n - 2], first.shape[n - 1])
            return (shape, Reach(h: r.h?.through(sources: [Array(0..<h)], input: h),
                                 w: r.w?.through(sources: [Array(0..<w)], input: w)), 0)
        case let .resize(resize):
            let (shape, reach) = try GraphResizing.shape(resize, first)
            return (shape, reach, 0)
        case let .layerNorm(normalized, _, _):
            guard first.shape.count >= normalized.count, Array(first.shape.suffix(normalized.count)) == normalized else {
                throw GraphError(pythonType: "RuntimeError", message: "Given normalized_shape=[\(normalized.map(String.init).joined(separator: ", "))], "
                                 + "expected input with shape [*, \(normalized.map(String.init).joined(separator: ", "))], but got input of size"
                                 + "[\(first.shape.map(String.init).joined(separator: ", "))]")
            }
            return (first.shape, nil, 0)
        case .size, .item, .integer, .view, .transpose, .permute, .chunk, .index, .parameter:
            throw GraphError(pythonType: "convscope", message: "\(operation) is computed apart")
        }
    }

    /// Both inputs' fields: a cell after an addition or concatenation depends on both paths.
    static func union(_ a: Reach?, _ b: Reach?) -> Reach? {
        guard let a, let b, let ah = a.h, let aw = a.w, let bh = b.h, let bw = b.w else { return nil }
        guard let h = ah.joined(bh), let w = aw.joined(bw) else { return nil }
        return Reach(h: h, w: w)
    }

    /// An input's field as the broadcast output's cells see it: a 1×1 map is read by every cell.
    static func broadcastReach(_ value: Value, to shape: [Int]) -> Reach? {
        guard let reach = value.reach, value.shape.count >= 2, shape.count >= 2 else { return value.reach }
        let n = value.shape.count, m = shape.count
        return Reach(h: value.shape[n - 2] == 1 && shape[m - 2] != 1 ? reach.h?.broadcastConstant : reach.h,
                     w: value.shape[n - 1] == 1 && shape[m - 1] != 1 ? reach.w?.broadcastConstant : reach.w)
    }

    /// PyTorch's broadcasting of two shapes.
    static func broadcast(_ a: [Int], _ b: [Int]) throws(GraphError) -> [Int] {
        let n = max(a.count, b.count)
        let pa = Array(repeating: 1, count: n - a.count) + a, pb = Array(repeating: 1, count: n - b.count) + b
        var out: [Int] = []
        for d in 0..<n {
            if pa[d] == pb[d] || pb[d] == 1 { out.append(pa[d]) } else if pa[d] == 1 { out.append(pb[d]) } else {
                throw GraphError(pythonType: "RuntimeError", message: "The size of tensor a (\(pa[d])) must match the size of "
                                 + "tensor b (\(pb[d])) at non-singleton dimension \(d)")
            }
        }
        return out
    }

    /// torch.cat's shape, and its message where sizes disagree.
    static func concatenate(_ shapes: [[Int]], dim: Int) throws(GraphError) -> [Int] {
        let first = shapes[0], n = first.count
        let d = dim < 0 ? dim + n : dim
        guard (0..<n).contains(d) else {
            throw GraphError(pythonType: "IndexError", message: "Dimension out of range (expected to be in range of [\(-n), \(n - 1)], but got \(dim))")
        }
        var out = first
        for (index, shape) in shapes.enumerated().dropFirst() {
            guard shape.count == n else {
                throw GraphError(pythonType: "RuntimeError", message: "Tensors must have same number of dimensions: got \(n) and \(shape.count)")
            }
            for axis in 0..<n where axis != d && shape[axis] != first[axis] {
                throw GraphError(pythonType: "RuntimeError", message: "Sizes of tensors must match except in dimension \(d). "
                                 + "Expected size \(first[axis]) but got size \(shape[axis]) for tensor number \(index) in the list.")
            }
            out[d] = Int.saturatingSum(out[d], shape[d])
        }
        return out
    }

    /// A chain's Cat node: [skip, current] joined along the channels, the skip centre-cropped
    /// first when the Cat says so; the field is both inputs' (the skip's as cropped), as for torch.cat.
    static func join(_ cat: CatLayer, skip: Value, current: Value) throws(GraphError) -> ([Int], Reach?, Int) {
        let joined: [Int]
        do throws(StackLayerError) { joined = try cat.joinedSkipShape(skip: skip.shape, current: current.shape) } catch {
            throw GraphError(pythonType: error.pythonType, message: error.message)
        }
        let top = CatLayer.cropOffset(from: skip.shape[2], to: joined[2])
        let left = CatLayer.cropOffset(from: skip.shape[3], to: joined[3])
        let skipReach = skip.reach.map { Reach(h: $0.h?.cropped(by: top), w: $0.w?.cropped(by: left)) }
        return ([1, joined[1] + current.shape[1], current.shape[2], current.shape[3]], union(skipReach, current.reach), 0)
    }
}
