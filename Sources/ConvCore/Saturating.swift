/// Counts over user numbers (shapes, parameters, multiplications) that never trap: a product or
/// sum past `Int` stays at `Int.max` (`Int.min` for a negative one) instead of overflowing.
extension Int {
    /// The product of `factors`, saturated at Int.max / Int.min.
    public static func saturatingProduct(_ factors: Int...) -> Int { saturatingProduct(of: factors) }

    /// The product of `factors`, saturated at Int.max / Int.min.
    public static func saturatingProduct<S: Sequence<Int>>(of factors: S) -> Int {
        factors.reduce(1) { product, n in
            let (value, overflow) = product.multipliedReportingOverflow(by: n)
            return overflow ? ((product < 0) != (n < 0) ? .min : .max) : value
        }
    }

    /// The sum of `terms`, saturated at Int.max / Int.min.
    public static func saturatingSum(_ terms: Int...) -> Int {
        terms.reduce(0) { sum, n in
            let (value, overflow) = sum.addingReportingOverflow(n)
            return overflow ? (n < 0 ? .min : .max) : value
        }
    }

    /// True for a count that saturated: too large for convscope to state exactly.
    public var isSaturated: Bool { self == .max || self == .min }
}
