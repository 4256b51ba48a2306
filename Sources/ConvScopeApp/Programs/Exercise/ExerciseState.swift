import ConvCore
import ConvExercises

/// How far a student got with one question.
public struct QuestionProgress: Equatable, Sendable {
    /// Wrong answers submitted so far (1: the formula hint; 2 or more: the formula with the numbers).
    public var wrongTries = 0
    /// The last answer submitted was right.
    public var right = false
    /// Skipped (s) and not answered since.
    public var skipped = false
    /// The answer and its working are shown (after a right answer, or on request).
    public var revealed = false
    /// The answer line's text: what is being typed, empty again after each submitted answer.
    public var draft = ""
    /// The last answer submitted (shown above the answer line on a retry).
    public var lastAnswer: String?

    /// True while nothing was submitted or skipped.
    public var isUnanswered: Bool { !right && wrongTries == 0 && !skipped }
}

/// Which page of a question the screen shows.
public enum ExercisePage: Equatable, Sendable {
    /// The question, the locked layer, the answer line, hints and the working.
    case working
    /// The course screen on the question's layer (after the reveal), with the exercise on its top row.
    case maps
}

/// An exercise session: the lab, where the student is, what they answered, and the course
/// screen's state for the current question's layer. Changed only by `apply`.
public struct ExerciseState: Sendable {
    /// The lab, its answers computed.
    public let lab: ExerciseSet
    /// The current question, 0-based.
    public internal(set) var index = 0
    public internal(set) var progress: [QuestionProgress]
    /// The last answer submitted (or skipped) for each question: what `--record` writes and the score grades.
    public internal(set) var sheet = AnswerSheet()
    /// True while keys type into the answer line.
    public internal(set) var answering = true
    public internal(set) var page: ExercisePage = .working
    /// The working page's first line shown, when the page is taller than the screen.
    public internal(set) var scroll = 0
    public internal(set) var showHelp = false
    /// q was pressed with questions unanswered: a second q quits.
    public internal(set) var confirmingQuit = false
    /// A one-line notice for the status row.
    public internal(set) var notice: String?
    /// The course screen for the current question's layer (terminal size, device and theme kept across questions).
    public internal(set) var teaching: AppState
    /// The model screen for the current question's model, when it is not a single Conv2d.
    public internal(set) var model: ModelProgram?
    /// True when `teaching` (or `model`) shows the current question's layer: a single Conv2d on the
    /// course screen, other layers and models on the stack screen.
    public internal(set) var teachable = false
    /// Send `.recordAnswers` after every submitted or skipped answer.
    public let records: Bool

    /// A session at the first question of `lab`, on the device `environment`.
    public init(lab: ExerciseSet, environment: RenderEnvironment, records: Bool = false) {
        self.lab = lab
        self.records = records
        progress = Array(repeating: QuestionProgress(), count: lab.exercises.count)
        gradedRight = Array(repeating: false, count: lab.exercises.count)
        teaching = AppState()
        teaching.environment = environment
        loadTeaching()
    }

    /// The language of the screen's own words.
    public var language: Language { screenSettings.environment.language }
    /// The current question.
    public var exercise: Exercise { lab.exercises[index] }
    /// How far the student got with the current question.
    public var current: QuestionProgress { progress[index] }
    /// Right answers, graded from the same sheet `--record` writes.
    /// (The same as `GradeReport(lab:sheet:).score`, kept up to date by `record`.)
    public internal(set) var score = 0
    /// Which questions the sheet answers right, for `score`.
    var gradedRight: [Bool]
    /// Questions with nothing submitted or skipped.
    public var unansweredCount: Int { progress.filter(\.isUnanswered).count }

    /// Points `teaching` at the current question's layer, keeping the device, size and theme.
    mutating func loadTeaching() {
        let setup = exercise.setup
        let single = TeachingLayer.parameters(setup)
        // Other layers and models open on the stack screen, which draws any of them on the ramp input.
        let onStack = single == nil && setup.fill == .rampX && setup.refusal == nil && setup.family == nil
        let kept = screenSettings
        var fresh = AppState(parameters: single ?? ConvParameters())
        fresh.environment = kept.environment
        fresh.terminalSize = kept.terminalSize
        fresh.theme = kept.theme
        fresh.locked = true
        teachable = single != nil || onStack
        teaching = fresh
        model = onStack ? ModelProgram(model: setup.model, settings: fresh.settings) : nil
    }
}

/// Which exercises the course screen can draw: one Conv2d (no groups, zero padding, the same padding
/// on both sides, channels that match) on the ramp input, with every value in the panel's ranges.
enum TeachingLayer {
    static func parameters(_ setup: ExerciseSetup) -> ConvParameters? {
        guard setup.isSingleLayer, case let .conv2d(layer) = setup.layers[0], layer.groups == 1,
              layer.paddingMode == .zeros, setup.fill == .rampX, setup.inputShape.count == 4,
              layer.inChannels == setup.inputShape[1] else { return nil }
        let padH = layer.appliedPadding(.height), padW = layer.appliedPadding(.width)
        guard padH.isSymmetric, padW.isSymmetric else { return nil }
        var p = ConvParameters()
        let values: [(ParameterID, Int)] = [
            (.hIn, setup.inputShape[2]), (.wIn, setup.inputShape[3]), (.inChannels, setup.inputShape[1]),
            (.outChannels, layer.outChannels), (.kernelSizeH, layer.kernelSize.h), (.kernelSizeW, layer.kernelSize.w),
            (.paddingH, padH.before), (.paddingW, padW.before), (.strideH, layer.stride.h), (.strideW, layer.stride.w),
            (.dilationH, layer.dilation.h), (.dilationW, layer.dilation.w),
        ]
        for (id, value) in values {
            guard id.range.contains(value) else { return nil }
            p[id] = value
        }
        return p
    }
}
