/// Reaches through the graph's own operations: a map of sources per output cell (adaptive pools,
/// resizing), a 1×1 map broadcast over a larger one (squeeze-excitation's `mul`), and the union
/// of a per-cell reach with such a constant one.
extension AxisReach {
    /// Output cell q reads input cells `sources[q]`; one period is the whole output, so r is the
    /// widest cell's and j the mean step. Cell q + count reads what q reads moved by `input` cells.
    func through(sources: [[Int]], input: Int) -> AxisReach? {
        guard !sources.isEmpty, sources.count <= Self.largestPeriod else { return nil }
        let ends: [(Int, Int)?] = sources.map { cells in
            let reached = cells.compactMap { self.ends(of: $0) }
            guard let first = reached.map(\.0).min(), let last = reached.map(\.1).max() else { return nil }
            return (first, last)
        }
        let shift = (self.ends(of: input).map(\.0) ?? 0) - (self.ends(of: 0).map(\.0) ?? 0)
        return AxisReach(period: sources.count, shift: shift, ends: ends).bounded
    }

    /// A map of one cell broadcast: every output cell reads what its cell 0 reads.
    var broadcastConstant: AxisReach { AxisReach(period: 1, shift: 0, ends: [ends(of: 0)]) }

    /// Both reaches, when they move alike or one is constant (a broadcast 1×1 map).
    func joined(_ other: AxisReach) -> AxisReach? {
        if let both = union(other) { return both }
        let (moving, constant) = other.shift == 0 && other.period == 1 ? (self, other) : (other, self)
        guard constant.shift == 0, constant.period == 1 else { return nil }
        return AxisReach(period: moving.period, shift: moving.shift, ends: moving.ends.map { cell in
            let pair = [cell, constant.ends[0]].compactMap { $0 }
            guard let first = pair.map(\.0).min(), let last = pair.map(\.1).max() else { return nil }
            return (first, last)
        }).bounded
    }
}
