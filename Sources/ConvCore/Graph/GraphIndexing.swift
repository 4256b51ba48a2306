/// Basic indexing of a tensor, `x[(slice(None, None, None), slice(None, None, None), slice(a, b, None))]`
/// (a U-Net's crop): which input element each output element is, Python's slice rules.
enum GraphIndexing {
    /// One output dimension: the input dimension it walks (nil for a new axis), from `start` by `step`.
    struct Axis: Equatable {
        let input: Int?
        let start: Int
        let step: Int
        let count: Int
    }

    /// Python's start, stop and step of a slice over `size` items (step > 0, as torch requires).
    static func bounds(_ start: GraphInt?, _ stop: GraphInt?, _ step: GraphInt?, size: Int,
                       _ integer: (GraphInt) throws(GraphError) -> Int) throws(GraphError) -> (Int, Int, Int) {
        let s = try step.map { (v) throws(GraphError) in try integer(v) } ?? 1
        guard s != 0 else { throw GraphError(pythonType: "ValueError", message: "slice step cannot be zero") }
        guard s > 0 else { throw GraphError(pythonType: "ValueError", message: "step must be greater than zero") }
        func clamp(_ v: GraphInt?, _ fallback: Int) throws(GraphError) -> Int {
            guard let v else { return fallback }
            let k = try integer(v)
            return min(max(k < 0 ? k + size : k, 0), size)
        }
        let a = try clamp(start, 0)
        return (a, max(try clamp(stop, size), a), s)
    }

    /// The output's axes and the input offset of element 0, or PyTorch's IndexError.
    static func axes(_ shape: [Int], _ entries: [GraphIndex], _ integer: (GraphInt) throws(GraphError) -> Int)
        throws(GraphError) -> (axes: [Axis], offset: [Int]) {
        let consuming = entries.filter { if case .at = $0 { true } else if case .range = $0 { true } else { false } }.count
        guard consuming <= shape.count else {
            throw GraphError(pythonType: "IndexError", message: "too many indices for tensor of dimension \(shape.count)")
        }
        var expanded: [GraphIndex] = []
        for entry in entries {
            if entry == .ellipsis, !expanded.contains(.ellipsis) {
                expanded += Array(repeating: .range(start: nil, stop: nil, step: nil), count: shape.count - consuming)
            } else if entry != .ellipsis {
                expanded.append(entry)
            }
        }
        while expanded.filter({ $0 != .newAxis }).count < shape.count { expanded.append(.range(start: nil, stop: nil, step: nil)) }
        var axes: [Axis] = []
        var offset = Array(repeating: 0, count: shape.count)
        var d = 0
        for entry in expanded {
            switch entry {
            case .newAxis:
                axes.append(Axis(input: nil, start: 0, step: 1, count: 1))
            case let .at(i):
                let k = try integer(i)
                guard (-shape[d]..<shape[d]).contains(k) else {
                    throw GraphError(pythonType: "IndexError", message: "index \(k) is out of bounds for dimension \(d) with size \(shape[d])")
                }
                offset[d] = k < 0 ? k + shape[d] : k
                d += 1
            case let .range(start, stop, step):
                let (a, b, s) = try bounds(start, stop, step, size: shape[d], integer)
                offset[d] = a
                axes.append(Axis(input: d, start: a, step: s, count: (b - a + s - 1) / s))
                d += 1
            case .ellipsis:
                break
            }
        }
        return (axes, offset)
    }

    /// The indexed shape; the field follows when the last two axes stay the last two (a crop).
    static func shape(_ shape: [Int], _ reach: Reach?, _ entries: [GraphIndex],
                      _ integer: (GraphInt) throws(GraphError) -> Int) throws(GraphError) -> TraceValue {
        let (axes, _) = try self.axes(shape, entries, integer)
        let n = shape.count, m = axes.count
        guard let reach, n >= 2, m >= 2, axes[m - 2].input == n - 2, axes[m - 1].input == n - 1 else {
            return .tensor(axes.map(\.count), nil)
        }
        let (h, w) = (axes[m - 2], axes[m - 1])
        let moved = Reach(h: reach.h?.throughWindow(kernel: 1, stride: h.step, dilation: 1, padBefore: -h.start),
                          w: reach.w?.throughWindow(kernel: 1, stride: w.step, dilation: 1, padBefore: -w.start))
        return .tensor(axes.map(\.count), moved)
    }
}
