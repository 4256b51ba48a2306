/// A dense float32 tensor of any rank in PyTorch's row-major layout: [1, C, L] for a sequence,
/// [1, C, D, H, W] for a volume (batch size 1 throughout, as everywhere in convscope).
public struct TensorN: Equatable, Sendable {
    /// [N, C, spatial…].
    public let shape: [Int]
    /// The values, row-major.
    public var storage: [Float]

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        precondition(shape.count >= 2 && shape.allSatisfy { $0 >= 0 })
        self.shape = shape
        storage = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A tensor from flat row-major values.
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.count >= 2 && storage.count == shape.reduce(1, *))
        self.shape = shape
        self.storage = storage
    }

    /// The course notebook's ramp along the last axis (0, 1, 2, … in each row of every channel),
    /// as `--input-shape` fills a 1-D or 3-D input.
    public static func ramp(shape: [Int]) -> TensorN {
        let last = shape.last ?? 1
        let count = shape.reduce(1, *)
        return TensorN(shape: shape, storage: (0..<count).map { Float($0 % max(last, 1)) })
    }

    /// The spatial sizes (everything after N and C).
    public var spatialShape: [Int] { Array(shape.dropFirst(2)) }
    /// Number of channels.
    public var channels: Int { shape[1] }
    /// Values per channel.
    public var planeCount: Int { spatialShape.reduce(1, *) }

    /// The values of channel `c`, row-major.
    public func plane(_ c: Int) -> ArraySlice<Float> { storage[c * planeCount..<(c + 1) * planeCount] }
}

/// Counts through every multi-index of a shape, last axis fastest (row-major order).
struct Odometer {
    let shape: [Int]
    private(set) var index: [Int]
    private(set) var done: Bool

    init(_ shape: [Int]) {
        self.shape = shape
        index = [Int](repeating: 0, count: shape.count)
        done = shape.contains { $0 <= 0 }
    }

    /// Moves to the next index; sets `done` after the last.
    mutating func advance() {
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] += 1
            if index[axis] < shape[axis] { return }
            index[axis] = 0
            axis -= 1
        }
        done = true
    }

    /// Every index of `shape` in row-major order.
    static func all(_ shape: [Int]) -> [[Int]] {
        var odometer = Odometer(shape)
        var result: [[Int]] = []
        while !odometer.done { result.append(odometer.index); odometer.advance() }
        return result
    }
}

/// Row-major strides of a shape.
func rowMajorStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var running = 1
    for axis in shape.indices.reversed() { strides[axis] = running; running *= shape[axis] }
    return strides
}
