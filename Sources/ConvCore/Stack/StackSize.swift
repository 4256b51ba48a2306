/// How big a traced stack is to compute (`totalValues`, `totalMultiplications` and
/// `totalParameters`, counted once when it is traced), saturating at `Int.max` where a product or
/// sum of shapes would overflow, so a huge model never wraps round to a small count.
extension StackTrace {
    /// The values of one map of `shape` (Int.max when they would overflow).
    public static func elementCount(_ shape: [Int]) -> Int {
        .saturatingProduct(of: shape)
    }
}
