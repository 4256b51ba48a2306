/// What the single-layer panel and the stack's layer panel share when a row is selected or typed.
enum RowSteps {
    /// The row after one step of `step` (−1 up, +1 down) in a list of `count`, wrapping round at the ends.
    static func wrapped(_ index: Int, step: Int, count: Int) -> Int { ((index + step) % count + count) % count }

    /// A value typed for a row: the value when `range` holds it; otherwise nil, and `notice` says
    /// what the row allows.
    static func accepted(_ value: Int, name: String, range: ClosedRange<Int>, notice: inout Notice?) -> Int? {
        if range.contains(value) { return value }
        notice = .outOfRange(name: name, value: value, range: range)
        return nil
    }
}
