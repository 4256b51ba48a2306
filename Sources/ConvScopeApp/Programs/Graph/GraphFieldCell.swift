import ConvCore

/// The output cell whose effective receptive field the field view shows: path counts depend on
/// the trace and this cell only, so a field computed for it stays right until the cell changes.
public struct GraphFieldCell: Equatable, Sendable {
    public let node: String
    public let y: Int
    public let x: Int
    public let channel: Int?
}

extension GraphRequest {
    /// The wanted field's path counts (nil when none is wanted or a node on the way is not followed).
    public func runField() -> [[Double]]? {
        field.flatMap { GraphPaths.counts(trace, inputName: inputName, node: $0.node, y: $0.y, x: $0.x, channel: $0.channel) }
    }

    /// A field's work, counted as the values of the nodes its paths go back through.
    static func fieldCost(_ trace: GraphTrace, upTo last: Int) -> Int {
        trace.steps[...last].reduce(0) { Int.saturatingSum($0, $1.outputShape.map(StackTrace.elementCount) ?? 0) }
    }

    /// A field over more values than this is counted behind the screen: resnet18's first block at
    /// 224² (3.6 million values) took 10–28 ms inside a key.
    static let inlineFieldValues = 1_000_000
}

extension GraphScreenState {
    /// The effective field of the inspected cell, when the field view is on (nil where not
    /// followed): at once for a small graph, else asked for behind the screen with the row's values.
    mutating func computeField() {
        guard fieldView, let shape = outputStep.outputShape, shape.count == 4 else {
            effectiveField = nil; fieldCell = nil
            if pending?.field != nil { pending = pending!.wanted.isEmpty ? nil : pending!.withField(nil) }
            return
        }
        let cell = GraphFieldCell(node: outputStep.node.name, y: cursor.y, x: cursor.x, channel: cursor.channel)
        if cell == fieldCell || cell == pending?.field { return }
        guard let last = stepIndex[cell.node], GraphRequest.fieldCost(trace, upTo: last) > GraphRequest.inlineFieldValues else {
            effectiveField = GraphPaths.counts(trace, inputName: model.inputName, node: cell.node, y: cell.y, x: cell.x,
                                               channel: cell.channel)
            fieldCell = cell
            return
        }
        effectiveField = nil; fieldCell = nil
        pending = (pending ?? GraphRequest(trace: trace, inputName: model.inputName, input: input, wanted: [], known: [:]))
            .withField(cell)
    }

    /// Takes a field computed behind the screen, when it is the inspected cell's.
    mutating func receiveField(_ counts: [[Double]]?, for request: GraphRequest) {
        guard let cell = request.field, fieldView, cell.node == outputStep.node.name,
              cell.y == cursor.y, cell.x == cursor.x, cell.channel == cursor.channel else { return }
        effectiveField = counts
        fieldCell = cell
    }
}
