/// A dense float32 tensor of any rank, row-major (a classifier's [1, 1000], ShuffleNet's 5-D view).
public struct GraphTensor: Equatable, Sendable {
    /// The sizes, outermost first.
    public let shape: [Int]
    /// The values, row-major.
    public var storage: [Float]

    /// A tensor from its shape and row-major values.
    public init(shape: [Int], storage: [Float]) {
        precondition(storage.count == shape.reduce(1, *))
        self.shape = shape
        self.storage = storage
    }

    /// The same values as a 4-D tensor, when the rank is 4.
    public init(_ tensor: Tensor4) { self.init(shape: tensor.shape, storage: tensor.storage) }

    /// As [N, C, H, W]; a lower rank is padded with leading ones (for cell-by-cell functions).
    var four: Tensor4 {
        Tensor4(shape: Array(repeating: 1, count: max(0, 4 - shape.count)) + shape.suffix(4), storage: storage)
    }

    /// Strides of a row-major layout of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        for d in stride(from: shape.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
        return strides
    }

    /// The tensor whose element at index m is `storage[offset + Σ m_k·strides_k]`: a transpose, a
    /// slice, a chunk or a broadcast (stride 0), copied out row-major.
    func gathered(shape out: [Int], strides: [Int], offset: Int) -> GraphTensor {
        let count = out.reduce(1, *)
        var result = [Float](repeating: 0, count: count)
        guard count > 0 else { return GraphTensor(shape: out, storage: result) }
        guard let inner = out.last, let innerStride = strides.last else {
            return GraphTensor(shape: out, storage: [storage[offset]])
        }
        let outer = out.count - 1
        var index = Array(repeating: 0, count: outer)
        var base = offset
        var o = 0
        result.withUnsafeMutableBufferPointer { r in
            storage.withUnsafeBufferPointer { s in
                while true {
                    if innerStride == 1 {
                        for k in 0..<inner { r[o + k] = s[base + k] }
                    } else {
                        for k in 0..<inner { r[o + k] = s[base + k * innerStride] }
                    }
                    o += inner
                    // The outer axes only: the inner row was copied whole.
                    if !StridedIndex.advance(&index, &base, shape: out, strides: strides) { break }
                }
            }
        }
        return GraphTensor(shape: out, storage: result)
    }
}
