/// Shapes of the nodes that compute on sizes or move a tensor's elements without arithmetic:
/// `size()`, indexing of sizes and chunks, integer arithmetic, view, transpose, permute, chunk
/// and slicing, with PyTorch's (or Python's) message where one raises.
enum GraphShapeOps {
    /// The result, or nil for an operation `GraphShapes` computes.
    static func run(_ operation: GraphOperation, _ first: TraceValue?, _ integer: (GraphInt) throws(GraphError) -> Int)
        throws(GraphError) -> TraceValue? {
        switch operation {
        case let .parameter(shape):
            return .tensor(shape ?? [], nil)
        case let .integer(op, a, b):
            let (x, y) = (try integer(a), try integer(b))
            switch op {
            case "add": return .integer(x &+ y)
            case "sub": return .integer(x &- y)
            case "mul": return .integer(x &* y)
            default:
                guard y != 0 else { throw GraphError(pythonType: "ZeroDivisionError", message: "integer division or modulo by zero") }
                return .integer(floorDivide(x, y))
            }
        case let .size(dim):
            let shape = try tensor(first).shape
            guard let dim else { return .integers(shape) }
            return .integer(shape[try axis(dim, shape.count)])
        case let .item(index):
            return try item(first, index, integer)
        case let .view(dims):
            let (shape, reach) = try tensor(first)
            let out = try viewShape(try dims.map { (d) throws(GraphError) in try integer(d) }, count: elementCount(shape))
            let keeps = shape.count >= 2 && out.count >= 2 && out.suffix(2) == shape.suffix(2)
            return .tensor(out, keeps ? reach : nil)
        case let .transpose(a, b):
            let (shape, reach) = try tensor(first)
            var order = Array(shape.indices)
            order.swapAt(try axis(a, shape.count), try axis(b, shape.count))
            return .tensor(order.map { shape[$0] }, keepsSpatial(order) ? reach : nil)
        case let .permute(dims):
            let (shape, reach) = try tensor(first)
            guard dims.count == shape.count else {
                throw GraphError(pythonType: "RuntimeError", message: "permute(sparse_coo): number of dimensions in the tensor input "
                                 + "does not match the length of the desired ordering of dimensions i.e. input.dim() = "
                                 + "\(shape.count) is not equal to len(dims) = \(dims.count)")
            }
            let order = try dims.map { (d) throws(GraphError) in try axis(d, shape.count) }
            guard Set(order).count == order.count else {
                throw GraphError(pythonType: "RuntimeError", message: "permute(): duplicate dims are not allowed.")
            }
            return .tensor(order.map { shape[$0] }, keepsSpatial(order) ? reach : nil)
        case let .chunk(chunks, dim):
            let (shape, reach) = try tensor(first)
            guard chunks > 0 else {
                throw GraphError(pythonType: "RuntimeError", message: "chunk expects `chunks` to be greater than 0, got: \(chunks)")
            }
            let d = try axis(dim, shape.count)
            return .tuple(chunkSizes(shape[d], chunks).map { size in
                var part = shape
                part[d] = size
                return (part, d < shape.count - 2 ? reach : nil)
            })
        case let .index(entries):
            let (shape, reach) = try tensor(first)
            return try GraphIndexing.shape(shape, reach, entries, integer)
        default:
            return nil
        }
    }

    static func tensor(_ value: TraceValue?) throws(GraphError) -> (shape: [Int], reach: Reach?) {
        guard case let .tensor(shape, reach)? = value else {
            throw GraphError(pythonType: "convscope", message: "the node reads no tensor")
        }
        return (shape, reach)
    }

    /// A dimension counted from the end when negative, with PyTorch's IndexError outside the rank.
    static func axis(_ dim: Int, _ rank: Int) throws(GraphError) -> Int {
        let n = max(rank, 1)
        guard (-n..<n).contains(dim) else {
            throw GraphError(pythonType: "IndexError", message: "Dimension out of range (expected to be in range of "
                             + "[\(-n), \(n - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + n : dim
    }

    /// True when the order leaves the last two dimensions (the spatial ones) in place.
    static func keepsSpatial(_ order: [Int]) -> Bool {
        let n = order.count
        return n >= 2 && order[n - 2] == n - 2 && order[n - 1] == n - 1
    }

    static func elementCount(_ shape: [Int]) -> Int { Int.saturatingProduct(of: shape) }

    /// view/reshape's shape, one `-1` inferred, with PyTorch's messages.
    static func viewShape(_ dims: [Int], count: Int) throws(GraphError) -> [Int] {
        let inferred = dims.indices.filter { dims[$0] == -1 }
        guard inferred.count <= 1 else { throw GraphError(pythonType: "RuntimeError", message: "only one dimension can be inferred") }
        if let bad = dims.firstIndex(where: { $0 < -1 }) {
            throw GraphError(pythonType: "RuntimeError", message: "invalid shape dimension \(dims[bad]) at index \(bad) of shape "
                             + "[\(dims.map(String.init).joined(separator: ", "))]")
        }
        let known = Int.saturatingProduct(of: dims.filter { $0 != -1 })
        var out = dims
        let invalid = GraphError(pythonType: "RuntimeError", message: "shape '[\(dims.map(String.init).joined(separator: ", "))]' "
                                 + "is invalid for input of size \(count)")
        if let i = inferred.first {
            guard known > 0, count % known == 0 else { throw invalid }
            out[i] = count / known
        } else if known != count {
            throw invalid
        }
        return out
    }

    /// torch.chunk's part sizes: ceil(n / chunks) each, the last what remains.
    static func chunkSizes(_ n: Int, _ chunks: Int) -> [Int] {
        let size = max((n + chunks - 1) / chunks, 1)
        let count = n == 0 ? 1 : (n + size - 1) / size
        return (0..<count).map { min(size, n - $0 * size) }
    }

    /// `size[i]`, `size[a:b]`, `chunk[i]`.
    static func item(_ base: TraceValue?, _ index: GraphIndex, _ integer: (GraphInt) throws(GraphError) -> Int)
        throws(GraphError) -> TraceValue {
        let outOfRange = GraphError(pythonType: "IndexError", message: "tuple index out of range")
        switch (base, index) {
        case let (.integers(sizes)?, .at(i)):
            let k = try integer(i)
            guard (-sizes.count..<sizes.count).contains(k) else { throw outOfRange }
            return .integer(sizes[k < 0 ? k + sizes.count : k])
        case let (.integers(sizes)?, .range(start, stop, step)):
            let (a, b, s) = try GraphIndexing.bounds(start, stop, step, size: sizes.count, integer)
            return .integers(Swift.stride(from: a, to: b, by: s).map { sizes[$0] })
        case let (.tuple(parts)?, .at(i)):
            let k = try integer(i)
            guard (-parts.count..<parts.count).contains(k) else { throw outOfRange }
            let part = parts[k < 0 ? k + parts.count : k]
            return .tensor(part.shape, part.reach)
        default:
            throw GraphError(pythonType: "TypeError", message: "convscope indexes sizes and chunks by a number")
        }
    }
}
