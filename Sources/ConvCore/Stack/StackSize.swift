/// How big a traced stack is to compute, counted once for every caller (the screen, its
/// background computer and `render`), saturating at `Int.max` where a product or sum of shapes
/// would overflow, so a huge model never wraps round to a small count.
extension StackTrace {
    /// Values of the input and of every output that ran.
    public var totalValues: Int {
        layers.reduce(Self.elementCount(inputShape)) { sum, layer in
            Self.saturatingSum(sum, layer.outputShape.map(Self.elementCount) ?? 0)
        }
    }

    /// Weight multiplications of every layer that ran.
    public var totalMultiplications: Int {
        layers.reduce(0) { Self.saturatingSum($0, $1.multiplications) }
    }

    /// The values of one map of `shape` (Int.max when they would overflow).
    public static func elementCount(_ shape: [Int]) -> Int {
        shape.reduce(1) { count, n in
            let product = count.multipliedReportingOverflow(by: n)
            return product.overflow ? Int.max : product.partialValue
        }
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let sum = a.addingReportingOverflow(b)
        return sum.overflow ? Int.max : sum.partialValue
    }
}
