import ConvCore

/// A lab: its title and its exercises, in file order.
public struct ExerciseSet: Sendable {
    /// The `title` line.
    public let title: String
    /// Every exercise, answers already computed.
    public let exercises: [Exercise]
}

/// What an exercise is about: the layers and the input they run on.
public struct ExerciseSetup: Equatable, Sendable {
    /// One layer (`layer = …`) or a stack (`model = …` or `layers = […]`).
    public let layers: [StackLayer]
    /// [1, C, H, W].
    public let inputShape: [Int]
    /// The input's values (for value questions): the ramp x[c, y, x] = x unless `fill` says otherwise.
    public let fill: InputSource
    /// The trace of the layers on the input: shapes, fields, costs, the error if one breaks.
    public let trace: StackTrace
    /// Each layer's name: print(model)'s for `model`, positions for `layer` and `layers`.
    public var names: [String] { family.map { $0.layers.indices.map(String.init) } ?? trace.names }
    /// The 1-D or 3-D layers of a Conv1d/Conv3d exercise (then `layers` is empty and `trace` holds none).
    public let family: FamilySetup?
    /// How many layers the exercise gives, 2-D or not.
    public var layerCount: Int { family?.layers.count ?? layers.count }
    /// Layer `index`'s class name, 2-D or not.
    public func layerName(_ index: Int) -> String { family?.layers[index].name ?? layers[index].name }
    /// True when PyTorch builds and runs every layer on the input.
    public var runs: Bool { refusal == nil && trace.failure == nil && family?.failure == nil }

    /// The layer PyTorch refuses to build, for a `valid` question (then `layers` is empty and
    /// `writtenLayers` holds the file's layer strings).
    public let refusal: LayerRefusal?
    /// The layers as the file writes them (for a refused setup; else their reprs).
    public let writtenLayers: [String]

    /// A setup and its trace; `names` default to the positions.
    public init(layers: [StackLayer], inputShape: [Int], fill: InputSource = .rampX, names: [String]? = nil) {
        self.layers = layers
        self.inputShape = inputShape
        self.fill = fill
        refusal = nil
        family = nil
        writtenLayers = layers.map(\.pytorchRepr)
        trace = StackTrace(inputShape: inputShape, layers: layers, names: names)
    }

    /// A setup of 1-D or 3-D layers on a [1, C, L] or [1, C, D, H, W] input.
    public init(family: FamilySetup, fill: InputSource = .rampX) {
        layers = []
        inputShape = family.inputShape
        self.fill = fill
        refusal = nil
        self.family = family
        writtenLayers = family.layers.map(\.pytorchRepr)
        // The 2-D trace takes [1, C, H, W] only; a family setup keeps an empty one and answers from `family`.
        trace = StackTrace(inputShape: [1, family.inputShape[1], 1, 1], layers: [])
    }

    /// A setup whose layer PyTorch refuses to build: `written` as the file gives the layers.
    public init(refused refusal: LayerRefusal, written: [String], inputShape: [Int], fill: InputSource = .rampX) {
        layers = []
        self.inputShape = inputShape
        self.fill = fill
        self.refusal = refusal
        family = nil
        writtenLayers = written
        trace = StackTrace(inputShape: inputShape, layers: [])
    }

    /// The model the stack screen shows: print(model)'s names kept.
    public var model: Model {
        names == layers.indices.map({ "\($0)" }) ? Model(inputShape: inputShape, layers: layers)
            : Model(inputShape: inputShape, printed: PrintedModel(layers: layers, names: names, assumed: layers.map { _ in [] }))
    }

    /// The layer `at` names: print(model)'s label (`features.3`, or a top-level index as an
    /// integer); a container's label names its last layer, whose output is the container's.
    public func layer(named label: String) -> Int? {
        names.lastIndex(of: label) ?? names.lastIndex { $0.hasPrefix(label + ".") }
    }

    /// True for a single layer (`layer = …`), where the formula panel's numbers apply.
    public var isSingleLayer: Bool { layers.count == 1 }

    /// `Conv2d(3, 8, …) on 1×3×8×8`, or `the model (0) MaxPool2d(…) → (1) Conv2d(…) on 1×3×32×32`.
    public var summary: String {
        let input = shapeText(inputShape)
        if refusal != nil || family != nil {
            if writtenLayers.count == 1 { return "\(writtenLayers[0]) on \(input)" }
            return "the model " + writtenLayers.enumerated().map { "(\($0.offset)) \($0.element)" }.joined(separator: " → ") + " on \(input)"
        }
        if isSingleLayer { return "\(layers[0].pytorchRepr) on \(input)" }
        let listed = layers.enumerated().map { "(\(names[$0.offset])) \($0.element.pytorchRepr)" }.joined(separator: " → ")
        return "the model \(listed) on \(input)"
    }
}

/// A layer PyTorch refuses to construct (`Conv2d(4, 6, 3, groups=3)`): a `valid` question's "no".
public struct LayerRefusal: Equatable, Sendable {
    /// The layer's place in the list, when the file lists layers.
    public let index: Int?
    /// The layer as written.
    public let text: String
    /// PyTorch's exception type, e.g. ValueError.
    public let pythonType: String
    /// PyTorch's message, word for word.
    public let message: String
}

/// One question of a lab, with its computed answer.
public struct Exercise: Sendable {
    /// 1-based position in the file.
    public let number: Int
    /// The `id`, or `q<number>` when the file gives none.
    public let id: String
    /// The `[[exercise]]` line.
    public let line: Int
    /// What the student is given.
    public let setup: ExerciseSetup
    /// What is asked.
    public let question: Question
    /// The teacher's wording, or one made from the question.
    public let prompt: String
    /// The teacher's hint, shown after a wrong answer (else the formula for the question's layers, in the lab's language).
    public let hint: String
    /// The teacher's own `hint`, if the file gives one.
    public let teacherHint: String?
    /// What the screen shows besides the layer: `maps`, `trace`, `cost` (the asked parts stay hidden).
    public let show: [ShownPart]
    /// The answer convscope computed, with its working.
    public let solution: Solution
}

/// Parts of the picture an exercise may show while the student thinks.
public enum ShownPart: String, CaseIterable, Sendable {
    case maps, trace, cost
}

/// `1×8×4×4`.
func shapeText(_ shape: [Int]) -> String { shape.map(String.init).joined(separator: "×") }
