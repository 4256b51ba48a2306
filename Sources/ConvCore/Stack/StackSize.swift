/// How big a traced stack is to compute, counted once for every caller (the screen, its
/// background computer and `render`), saturating at `Int.max` where a product or sum of shapes
/// would overflow, so a huge model never wraps round to a small count.
extension StackTrace {
    /// Values of the input and of every output that ran.
    public var totalValues: Int {
        layers.reduce(Self.elementCount(inputShape)) { sum, layer in
            .saturatingSum(sum, layer.outputShape.map(Self.elementCount) ?? 0)
        }
    }

    /// Learnable parameters of every layer.
    public var totalParameters: Int {
        layers.reduce(0) { .saturatingSum($0, $1.parameterCount) }
    }

    /// Weight multiplications of every layer that ran.
    public var totalMultiplications: Int {
        layers.reduce(0) { .saturatingSum($0, $1.multiplications) }
    }

    /// The values of one map of `shape` (Int.max when they would overflow).
    public static func elementCount(_ shape: [Int]) -> Int {
        .saturatingProduct(of: shape)
    }
}
