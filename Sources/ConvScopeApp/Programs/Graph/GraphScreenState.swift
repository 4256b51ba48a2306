import ConvCore

/// What the graph screen's keys do; each arrives as `Action.graph` and goes through `update`.
public enum GraphAction: Equatable, Sendable {
    /// The previous (-1) or next (+1) row of the list.
    case selectRow(Int)
    /// Row `index` of the list as shown (a click on it).
    case chooseRow(Int)
    /// Folds the selected block to one row, or unfolds it (on a node: folds the block holding it).
    case toggleFold
    /// Folds every block at the next depth (1, 2, …), then unfolds all.
    case foldDepth
    /// Tab: a cursor on the selected node's output maps, or back to the list.
    case toggleInspect
    case moveCursor(dx: Int, dy: Int)
    case cursorChannel(Int)
    /// The receptive field view: r, jump and start per axis, and the effective receptive field
    /// of the inspected cell over the model's input.
    case toggleField
    /// The course notes' conv-vs-dense comparison for the selected node and the model's own Linear.
    case toggleDense
    /// Esc: the field, then the inspector; never quits.
    case back
    /// A ConvTranspose2d node: its output → its direct form → its scatter form.
    case cycleTransposedView
    /// The selected Conv2d node in the course screen (`ModelProgram.openLesson`).
    case openLesson
}

/// The graph screen: a traced forward, its outline, what is folded and selected, and the values
/// computed so far (only those the selected nodes needed).
public struct GraphScreenState: Equatable, Sendable {
    /// The traced model; a lesson's edits are written into it (`writeBack`).
    public internal(set) var model: Model
    public internal(set) var trace: GraphTrace
    public let outline: GraphOutline
    /// Each node's index in the trace, by name.
    public let stepIndex: [String: Int]
    /// The model's input (the course notebook's ramp).
    public let input: GraphTensor
    /// Folded blocks by name.
    public private(set) var folded: Set<String> = []
    /// The depth the fold-all key last folded to, nil when it unfolded all.
    public private(set) var foldedDepth: Int?
    /// The rows shown (indices into `outline.entries`).
    public private(set) var rows: [Int]
    /// The selected row's entry (an index into `outline.entries`).
    public private(set) var entry = 0
    public var inspecting = false
    public var fieldView = false
    /// The dense panel (key c) over the maps.
    public var denseView = false
    /// A ConvTranspose2d node's direct or scatter form in place of its maps, or nil.
    public var transposedView: TransposedView?
    public var cursor = CellCursor(channel: 0, y: 0, x: 0)
    /// Values of the nodes computed so far, by name.
    public internal(set) var values: [String: GraphValue] = [:]
    /// Path counts from each input cell to the inspected cell, while the field view is on.
    public internal(set) var effectiveField: [[Double]]?
    /// The cell `effectiveField` was counted for.
    var fieldCell: GraphFieldCell?
    /// Why the last key did nothing, shown until the next one.
    public var note: GraphNote?

    /// The largest map convscope computes on the screen (as the model screen's limit).
    public static let valueLimit = StackState.valueLimit

    /// A graph screen for `model` traced from `inputShape`, its first row selected.
    public init(model: Model, inputShape: [Int]) {
        self.model = model
        trace = GraphTrace(model, inputShape: inputShape)
        outline = GraphOutline(trace)
        var index: [String: Int] = [:]
        for (i, step) in trace.steps.enumerated() { index[step.node.name] = i }
        stepIndex = index
        var sizes = ConvParameters()
        sizes.inChannels = inputShape[1]; sizes.hIn = inputShape[2]; sizes.wIn = inputShape[3]
        input = GraphTensor(InputSource.rampX.makeInput(sizes))
        rows = outline.visible(folded: [])
        computeSelected()
    }

    /// The row shown selected.
    public var selectedRow: Int { rows.firstIndex(of: entry) ?? 0 }
    public var selectedEntry: GraphOutline.Entry { outline.entries[entry] }

    /// The node whose output the maps show: the node, or a block's last node.
    public var outputStep: GraphStep { trace.steps[selectedEntry.steps.upperBound - 1] }

    /// The tensors it reads from outside: a node's inputs, or what a block's nodes read from before it.
    public var inputNames: [String] {
        let steps = selectedEntry.steps
        let inside = Set(trace.steps[steps].map(\.node.name))
        var names: [String] = []
        for step in trace.steps[steps] {
            for name in step.node.inputs where !inside.contains(name) && !names.contains(name) && isTensor(name) { names.append(name) }
        }
        return names
    }

    /// True for the model's input and a node that made a tensor (not sizes or an integer).
    func isTensor(_ name: String) -> Bool {
        if name == model.inputName { return true }
        guard let i = stepIndex[name] else { return false }
        if case .tensor? = trace.steps[i].result { return true }
        return false
    }

    /// The output shape of the selected node, if it ran and made one tensor of height and width.
    public var outputShape: [Int]? {
        guard let shape = outputStep.outputShape, shape.count >= 2 else { return nil }
        return shape
    }

    /// The selected node's output value, if computed.
    public func tensor(_ name: String) -> GraphTensor? {
        if name == model.inputName { return input }
        if case let .tensor(t)? = values[name] { return t }
        return nil
    }

    /// Whether a map this large is computed on the screen.
    func isComputable(_ name: String) -> Bool {
        return stepIndex[name].flatMap { trace.steps[$0].outputShape }.map { StackTrace.elementCount($0) <= Self.valueLimit } ?? true
    }

    /// Values wanted and computed behind the screen (a row far ahead of what is known); nil when none.
    public internal(set) var pending: GraphRequest?

    /// Work below this many multiplications is done inside the key (a few milliseconds); more is
    /// computed behind the screen, which shows "computing" until it arrives.
    public static let inlineMultiplications = 50_000_000

    /// Computes what the selected row shows (its inputs and output), keeping what was computed:
    /// at once when it is little work, else as a request the run loop computes behind the screen.
    mutating func computeSelected() {
        pending = nil
        let wanted = (inputNames + [outputStep.node.name]).filter(isComputable)
        guard wanted.contains(where: { values[$0] == nil && $0 != model.inputName }) else { return }
        guard GraphForward.uncomputable(trace).map({ $0.index >= selectedEntry.steps.upperBound }) ?? true else { return }
        if GraphRequest.cost(trace, index: stepIndex, wanted: wanted, known: values) > Self.inlineMultiplications {
            pending = GraphRequest(trace: trace, inputName: model.inputName, input: input, wanted: wanted, known: values, model: model)
            return
        }
        receive(GraphForward.values(trace, inputName: model.inputName, input: input, wanted: wanted, known: values,
                                    weights: model.sourcedWeights))
    }

    /// Takes computed values (kept while they fit the model screen's budget; past it only what
    /// the selected row shows stays). A request's values end it; those of a row left since are
    /// kept too, and the row now selected is asked for again from them.
    mutating func receive(_ computed: [String: GraphValue], for request: GraphRequest? = nil, field: [[Double]]? = nil) {
        // Values of the model as it was before a lesson wrote into it are dropped.
        if let request, request.trace != trace || !request.wanted.isEmpty && request.model != model { return }
        if let request { receiveField(field, for: request) }
        let wanted = (inputNames + [outputStep.node.name]).filter(isComputable)
        values = computed.merging(values) { new, _ in new }
        if values.values.reduce(0, { $0 + Self.elementCount($1) }) > Self.valueLimit {
            values = values.filter { wanted.contains($0.key) }
        }
        if request == nil || request == pending { pending = nil } else if pending != nil { computeSelected() }
        computeField()
    }

    static func elementCount(_ value: GraphValue) -> Int {
        switch value {
        case let .tensor(t): t.storage.count
        case let .tensors(parts): parts.reduce(0) { $0 + $1.storage.count }
        case .integers, .integer: 0
        }
    }

    /// Selects shown row `row` (clamped).
    mutating func select(row: Int) {
        let row = min(max(0, row), rows.count - 1)
        if rows[row] != entry { entry = rows[row]; clampCursor() }
        computeSelected()
        computeField()
    }

    /// Folds or unfolds the selected block; on a node, folds the block holding it and selects that.
    mutating func toggleFold() -> Bool {
        var target = entry
        if case .node = selectedEntry {
            guard let parent = outline.parent(of: entry) else { return false }
            target = parent
        }
        guard case let .block(name, _, _) = outline.entries[target] else { return false }
        if folded.contains(name) { folded.remove(name) } else { folded.insert(name) }
        setRows(selecting: target)
        return true
    }

    /// Folds every block at the next depth, after the deepest unfolds all.
    mutating func foldNextDepth() -> Bool {
        guard outline.maxDepth > 0 else { return false }
        let next = (foldedDepth ?? 0) + 1
        foldedDepth = next <= outline.maxDepth ? next : nil
        folded = []
        if let depth = foldedDepth {
            for case let .block(name, d, _) in outline.entries where d >= depth { folded.insert(name) }
        }
        // The selection stays on the outermost shown row holding it.
        var target = entry
        while !outline.visible(folded: folded).contains(target), let parent = outline.parent(of: target) { target = parent }
        setRows(selecting: target)
        return true
    }

    private mutating func setRows(selecting target: Int) {
        rows = outline.visible(folded: folded)
        entry = rows.contains(target) ? target : rows.last { $0 < target } ?? rows[0]
        clampCursor()
        computeSelected()
        computeField()
    }

    /// Keeps the cursor on a cell of the selected output (its last two axes as rows and columns).
    mutating func clampCursor() {
        guard let shape = outputShape.map(GraphMaps.four) else { inspecting = false; fieldView = false; return }
        cursor.channel = min(max(0, cursor.channel), shape[1] - 1)
        cursor.y = min(max(0, cursor.y), shape[2] - 1)
        cursor.x = min(max(0, cursor.x), shape[3] - 1)
    }

    /// The centre cell of the selected output, where r is measured.
    mutating func centreCursor() {
        guard let shape = outputShape.map(GraphMaps.four) else { return }
        cursor = CellCursor(channel: cursor.channel, y: (shape[2] - 1) / 2, x: (shape[3] - 1) / 2)
    }
}

/// A one-line report of the graph screen, shown in the status line until the next key.
public enum GraphNote: Equatable, Sendable {
    /// Folding needs a block: the model has none, or the node sits in none.
    case noBlock
    /// The inspector needs an output map.
    case noMapsToInspect
    /// The field is traced only where the node's output has height and width from the input.
    case noField
    /// The view key explains a ConvTranspose2d node only.
    case notTransposed
    /// Opening a node in the course screen, and coming back from it.
    case lesson(LessonNote)
}
