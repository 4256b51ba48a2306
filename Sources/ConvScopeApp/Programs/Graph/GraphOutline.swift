import ConvCore

/// A traced forward as the graph screen lists it: the nodes in execution order, each under the
/// blocks of its module path (`layer1`, `layer1.0`), which fold to one row.
public struct GraphOutline: Equatable, Sendable {
    /// One row of the unfolded outline.
    public enum Entry: Equatable, Sendable {
        /// A block (`layer1.0`, depth 2) holding the nodes `steps` of the trace.
        case block(name: String, depth: Int, steps: Range<Int>)
        /// Node `index` of the trace, under `depth` blocks.
        case node(index: Int, depth: Int)

        /// How many blocks it sits in (a block counts itself minus one).
        public var indent: Int {
            switch self {
            case let .block(_, depth, _): depth - 1
            case let .node(_, depth): depth
            }
        }

        /// The trace's nodes it covers.
        public var steps: Range<Int> {
            switch self {
            case let .block(_, _, steps): steps
            case let .node(index, _): index..<(index + 1)
            }
        }
    }

    public let entries: [Entry]
    /// The deepest block.
    public let maxDepth: Int

    /// The outline of `trace`: a module call sits in the blocks of its qualified name; a function
    /// between two calls of the same block (a residual `add` inside `layer1.0`) sits in it too.
    public init(_ trace: GraphTrace) {
        let modulePaths: [[String]?] = trace.steps.map { step in
            guard step.node.module != nil else { return nil }
            let parts = step.node.target.split(separator: ".").map(String.init)
            return parts.indices.dropLast().map { parts[...$0].joined(separator: ".") }
        }
        var paths = modulePaths.map { $0 ?? [] }
        for index in paths.indices where modulePaths[index] == nil {
            let before = modulePaths[..<index].last { $0 != nil } ?? nil
            let after = modulePaths[(index + 1)...].first { $0 != nil } ?? nil
            guard let before, let after else { continue }
            paths[index] = Array(zip(before, after).prefix { $0 == $1 }.map(\.0))
        }
        var entries: [Entry] = []
        var open: [(name: String, entry: Int, start: Int)] = []
        func close(to count: Int, at end: Int) {
            while open.count > count {
                let block = open.removeLast()
                entries[block.entry] = .block(name: block.name, depth: open.count + 1, steps: block.start..<end)
            }
        }
        for (index, path) in paths.enumerated() {
            let shared = zip(open.map(\.name), path).prefix { $0 == $1 }.count
            close(to: shared, at: index)
            for name in path.dropFirst(shared) {
                open.append((name, entries.count, index))
                entries.append(.block(name: name, depth: open.count, steps: index..<index))
            }
            entries.append(.node(index: index, depth: path.count))
        }
        close(to: 0, at: paths.count)
        self.entries = entries
        maxDepth = paths.map(\.count).max() ?? 0
    }

    /// The entries shown with `folded` blocks closed, in order (indices into `entries`).
    public func visible(folded: Set<String>) -> [Int] {
        var shown: [Int] = []
        var hiddenUntil = -1
        for (i, entry) in entries.enumerated() {
            if entry.steps.lowerBound < hiddenUntil { continue }
            shown.append(i)
            if case let .block(name, _, steps) = entry, folded.contains(name) { hiddenUntil = steps.upperBound }
        }
        return shown
    }

    /// The innermost block holding entry `i` (itself excluded), as an entry index.
    public func parent(of i: Int) -> Int? {
        let target = entries[i]
        return entries[..<i].indices.reversed().first { j in
            if case let .block(_, depth, steps) = entries[j] {
                return steps.contains(target.steps.lowerBound) && depth == target.indent
                    && steps.upperBound >= target.steps.upperBound
            }
            return false
        }
    }
}
