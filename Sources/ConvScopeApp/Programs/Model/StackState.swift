import ConvCore

/// What the stack screen's keys do; each arrives as `Action.stack` and goes through `update`.
public enum StackAction: Equatable, Sendable {
    /// The previous (-1) or next (+1) layer.
    case selectLayer(Int)
    /// Layer `index` (a click on its line).
    case chooseLayer(Int)
    /// Row `index` of the selected layer's table (a click on it).
    case chooseRow(Int)
    /// The selected row set to a value (a click on its slider), as typing it would.
    case setRowValue(Int)
    /// The inspector on a cell of the selected layer's output (a click on it).
    case inspectCell(CellCursor)
    /// Inserts a copy of the selected layer after it.
    case duplicate
    /// Opens the one-line prompt where a layer is typed as in PyTorch.
    case openPrompt
    case promptType(Character)
    case promptBackspace
    /// Parses the typed layer and inserts it after the selected one (or says why not).
    case commitPrompt
    case cancelPrompt
    /// Parses `text` and inserts it after the selected layer (tests, scripts).
    case insert(String)
    case remove
    /// Moves the selected layer up (-1) or down (+1).
    case move(Int)
    /// Tab: a cursor on the selected layer's output maps, or back to the layers.
    case toggleInspect
    case moveCursor(dx: Int, dy: Int)
    case cursorChannel(Int)
    /// The inspected cell's whole receptive field in the model's input.
    case toggleField
    /// The coverage map of the selected layer in place of its output.
    case toggleCoverage
    /// Esc: the field, the inspector, then the coverage map; never quits.
    case back
    /// The selected Conv2d in the course screen (`LayerLessonUpdate`).
    case openLesson
}

/// A one-line report of the stack screen, shown in the status line until the next key.
public enum StackNote: Equatable, Sendable {
    /// A typed layer that does not parse: the parser's own words.
    case parseError(String)
    case added(index: Int)
    /// The removed layer's name, kept: positions move once it is gone.
    case removed(name: String)
    case lastLayer
    /// The layer is joined by the Cat at `cat`: removing it, or moving it to or past that Cat,
    /// would make the Cat join another layer.
    case joinedByCat(index: Int, cat: Int)
    /// h_in / w_in of a layer after the first come from the layer before it.
    case sizeFromPrevious(index: Int)
    /// The layer has no parameters the panel edits (ReLU, BatchNorm2d, …).
    case readOnly(name: String)
    case nothingToClose
    /// The inspector needs maps: the selected layer did not run (or values were not computed).
    case noMapsToInspect
    /// A Cat shows the two maps it joins, not a cursor of its own.
    case catShowsPair
    /// The field in the input needs the inspector on a layer whose field is traced.
    case fieldNeedsInspector
    case noWindows(name: String)
    /// What `v` shows now on a ConvTranspose2d: its output, direct or scatter form, or the coverage map.
    case transposedView(TransposedView?, coverage: Bool)
    /// Opening a layer in the course screen, or coming back from it.
    case lesson(LessonNote)
}

/// The stack screen: a model, its trace and values, and what is selected and shown.
public struct StackState: Equatable, Sendable {
    /// The layers and the input; change it with `replaceModel`, which recomputes the values.
    public private(set) var model: Model
    /// Shapes, fields, the first error.
    public private(set) var trace: StackTrace { didSet { listWidths = StackListWidths(trace, previous: (listWidths, oldValue)) } }
    /// The layer list's column widths for `trace`.
    public private(set) var listWidths: StackListWidths
    /// The layers' values for `model`: nil until the first arrive (or when the model is too
    /// large to compute on each change); while computed off the input loop, first those up to
    /// the selected layer (`isComplete` false, the later layers' nil), then all. An edit that
    /// changes the model drops them, so no layer ever shows values of the model before it.
    public private(set) var run: StackRun?
    /// Index of the selected layer.
    public var selected = 0 { didSet { if selected != oldValue { row = 0 } } }
    /// The selected row of a non-Conv2d layer's parameter table.
    public var row = 0
    /// The layer being typed at the bottom prompt, if open.
    public var prompt: String?
    /// Arrows move a cursor over the selected layer's output maps.
    public var inspecting = false
    /// The row whose slider the mouse drags (pressed on it, not yet released).
    public var draggingRow: Int?
    /// The inspector's cell in the selected layer's output.
    public var cursor = CellCursor(channel: 0, y: 0, x: 0)
    /// The top maps show the model's input with the cursor's whole receptive field.
    public var fieldInInput = false
    /// The coverage map replaces the output maps.
    public var coverage = false
    /// A ConvTranspose2d's direct or scatter form in place of its maps, or nil.
    public var transposedView: TransposedView?
    public var note: StackNote?

    /// Values are computed (off the input loop) only below these sizes (map values in all
    /// layers, multiplications); larger models show shapes and fields. 64 million float values
    /// are 256 MB: a lab server shared by 30 students cannot give each screen more. The U-Net
    /// paper's 572×572 network (297 million values, 150 billion multiplications, 1.2 GB and
    /// 140 s measured) shows its shapes and fields; `render --layer …` computes its values.
    public static let valueLimit = 64_000_000, multiplicationLimit = 20_000_000_000

    /// A stack screen for `model`, its first layer selected; its values are asked for by `update`.
    public init(model: Model) {
        self.model = model
        trace = model.trace
        listWidths = StackListWidths(trace)
        run = nil
    }

    /// Puts a new model in place and traces it; its values, if it changed, are asked for again.
    public mutating func replaceModel(_ new: Model) {
        // Only what the edit changed is traced again (a key at 5,000 layers stays within a frame).
        let retraced = new.trace(reusing: trace, before: model)
        if new != model { run = nil }
        model = new
        trace = retraced
        selected = min(max(0, selected), max(0, model.layers.count - 1))
        clampCursor()
    }

    /// Takes values computed off the input loop, if they are for the model on screen and hold
    /// more than the values here (a first part never replaces the whole).
    public mutating func receive(_ values: StackRun, for computed: Model) {
        guard computed == model, values.trace == trace, run.map({ !$0.isComplete }) ?? true else { return }
        run = values
        clampCursor()
    }

    /// True while the values are wanted and not all here yet ("computing …"): none, or only
    /// those up to the layer selected when they were asked for.
    public var awaitsValues: Bool { isComputable && !(run?.isComplete ?? false) }

    /// True while the selected layer's maps are drawn and later layers' are still computed.
    public var computesTheRest: Bool { run.map { !$0.isComplete && $0.isComputed(selected) } ?? false }

    /// The model is small enough for its values to be computed.
    public var isComputable: Bool {
        trace.totalValues <= Self.valueLimit && trace.totalMultiplications <= Self.multiplicationLimit
            && trace.totalParameters <= StackLimits.weightsComputed
    }

    /// The selected layer and its trace.
    public var layer: StackLayer { model.layers[selected] }
    public var selectedTrace: LayerTrace { trace.layers[selected] }

    /// The selected layer's output values, if it ran and values were computed.
    public var outputValues: Tensor4? { run?.outputs[selected] ?? nil }

    /// The output shape of the selected layer, if it ran.
    public var outputShape: [Int]? { selectedTrace.outputShape }

    /// The inspected output cell, while the inspector is on and the layer ran.
    public var pinnedCell: CellCursor? { inspecting && outputShape != nil ? cursor : nil }

    /// Keeps the cursor on a cell of the selected layer's output.
    mutating func clampCursor() {
        guard let shape = outputShape else { inspecting = false; fieldInInput = false; return }
        cursor.channel = min(max(0, cursor.channel), shape[1] - 1)
        cursor.y = min(max(0, cursor.y), shape[2] - 1)
        cursor.x = min(max(0, cursor.x), shape[3] - 1)
    }
}
