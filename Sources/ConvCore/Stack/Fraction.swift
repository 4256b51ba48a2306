/// An exact rational number: receptive-field jumps become fractions after a transposed convolution.
public struct Fraction: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Numerator and positive denominator, in lowest terms.
    public let numerator: Int, denominator: Int

    /// n/d reduced to lowest terms with a positive denominator.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0)
        let g = Swift.max(Fraction.gcd(abs(numerator), abs(denominator)), 1)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / g
        self.denominator = sign * denominator / g
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// True for whole numbers.
    public var isInteger: Bool { denominator == 1 }
    /// The value as a Double.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    /// `7`, `-3/2`.
    public var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// The exact sum.
    public static func + (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    /// The exact difference.
    public static func - (a: Fraction, b: Fraction) -> Fraction { a + Fraction(-b.numerator, b.denominator) }
    /// The exact product.
    public static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    /// The exact quotient (b ≠ 0).
    public static func / (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.denominator, a.denominator * b.numerator)
    }
    /// Numeric order.
    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }
}
