/// How an answer was judged.
public enum Verdict: Equatable, Sendable {
    case right
    case wrong
    /// The answer could not be read as the kind's format (named in the message).
    case unreadable(String)
    /// No answer was given.
    case skipped
}

/// The answer convscope computed for a question, its working, and how answers are judged.
public struct Solution: Sendable {
    /// The answer as the reveal shows it, e.g. `1×8×4×4` or `no: Calculated padded input size …`.
    public let expected: String
    /// The working, step by step with the numbers, e.g. `H_out = ⌊(8 + 2·1 − 1·(3−1) − 1) / 2⌋ + 1 = 4`.
    public let steps: [String]
    let judge: @Sendable (String) -> Verdict
    /// How far a typed number may be from `expected` and still be right: 0 but for values made
    /// through a division or a curve (0.1 %), which exports to an LMS use as its tolerance.
    public var tolerance: Double = 0

    /// Judges a typed answer (blank → skipped; otherwise right, wrong or unreadable).
    public func verdict(for answer: String) -> Verdict {
        answer.trimmingSpaces.isEmpty ? .skipped : judge(answer)
    }
}
