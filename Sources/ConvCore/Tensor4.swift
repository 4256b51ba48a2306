/// A dense 4-D float32 tensor in PyTorch's NCHW layout (row-major, like `tensor.tolist()`).
public struct Tensor4: Equatable, Sendable {
    /// [N, C, H, W].
    public let shape: [Int]
    /// The values, row-major.
    public var storage: [Float]

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        precondition(shape.count == 4 && shape.allSatisfy { $0 >= 0 })
        self.shape = shape
        storage = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A tensor from flat row-major values.
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.count == 4 && storage.count == shape.reduce(1, *))
        self.shape = shape
        self.storage = storage
    }

    /// Index of element (n, c, y, x) in `storage`.
    @inline(__always)
    public func offset(_ n: Int, _ c: Int, _ y: Int, _ x: Int) -> Int {
        ((n * shape[1] + c) * shape[2] + y) * shape[3] + x
    }

    /// Element (n, c, y, x).
    public subscript(n: Int, c: Int, y: Int, x: Int) -> Float {
        get { storage[offset(n, c, y, x)] }
        set { storage[offset(n, c, y, x)] = newValue }
    }

    /// The largest value of one (n, c) plane (0 for an empty plane).
    public func planeMax(_ n: Int, _ c: Int) -> Float {
        let count = shape[2] * shape[3]
        let start = offset(n, c, 0, 0)
        return storage[start..<start + count].max() ?? 0
    }
}
