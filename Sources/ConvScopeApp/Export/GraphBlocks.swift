import ConvCore

/// torchinfo's `depth` for a traced forward: the nodes of one module below a depth of its
/// qualified name (`layer1.0` at depth 2) become one row with their subtotals.
enum GraphBlocks {
    /// Per node, the block it folds into at `depth`, or nil where it stays a row of its own. A
    /// function between two calls of the same block (a residual `add` inside `layer1.0`) is part of it.
    static func keys(_ trace: GraphTrace, depth: Int) -> [String?] {
        let moduleKeys: [String?] = trace.steps.map { step in
            guard step.node.module != nil else { return nil }
            let parts = step.node.target.split(separator: ".")
            return parts.count > depth ? parts.prefix(max(depth, 1)).joined(separator: ".") : nil
        }
        var keys = moduleKeys
        for index in keys.indices where trace.steps[index].node.module == nil {
            let before = moduleKeys[..<index].last { $0 != nil } ?? nil
            let after = moduleKeys[(index + 1)...].first { $0 != nil } ?? nil
            if let before, before == after { keys[index] = before }
        }
        return keys
    }

    /// One row for a folded block: its input and last output, summed parameters and multiplications,
    /// the last node's field.
    static func row(_ steps: ArraySlice<GraphStep>, name: String, _ l: Language) -> [String] {
        let first = steps.first!, last = steps.last!
        let params = steps.parameterCount
        let mults = steps.reduce(0) { Int.saturatingSum($0, $1.multiplications) }
        let count = l.pick("\(steps.count) nodes", "узлов: \(steps.count)")
        let output = last.outputShape.map(StackTable.shapeText) ?? StackWords.broken(l)
        return [name, "(\(count))", "← " + first.node.inputs.joined(separator: ", "),
                first.inputShapes.first.map(StackTable.shapeText) ?? "", output, "",
                NumberText.grouped(params, l), NumberText.grouped(mults, l)]
            + (last.field.map { [StackTable.pairText($0.h.size, $0.w.size), StackTable.pairText($0.h.jump, $0.w.jump)] } ?? ["-", "-"])
    }
}
