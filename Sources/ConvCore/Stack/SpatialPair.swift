/// A height and a width, as PyTorch's `_pair` turns `3` into `(3, 3)`.
public struct SpatialPair: Equatable, Hashable, Sendable, Codable {
    /// Height and width.
    public var h: Int, w: Int

    /// Different values per axis, `(h, w)`.
    public init(_ h: Int, _ w: Int) { self.h = h; self.w = w }
    /// The same value on both axes, as an int argument gives.
    public init(square value: Int) { self.init(value, value) }

    /// The value on one axis.
    public subscript(axis: PaddingSpec.Axis) -> Int { axis == .height ? h : w }
    /// Python's tuple repr, `(3, 3)`.
    public var tupleText: String { "(\(h), \(w))" }
}

/// An argument PyTorch keeps as written, int or tuple (pooling layers print it back that way).
public enum IntOrPair: Equatable, Hashable, Sendable, Codable {
    case int(Int)
    case pair(Int, Int)

    /// Both axes' values.
    public var pair: SpatialPair {
        switch self {
        case let .int(v): SpatialPair(square: v)
        case let .pair(h, w): SpatialPair(h, w)
        }
    }
    /// As Python prints it: `2` or `(2, 3)`.
    public var text: String {
        switch self {
        case let .int(v): "\(v)"
        case let .pair(h, w): "(\(h), \(w))"
        }
    }
}
