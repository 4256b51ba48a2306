import ConvCore

/// Map zoom: how many terminal cells one tensor element takes. nil in the state is automatic.
public enum Zoom: String, CaseIterable, Sendable, Codable {
    /// The whole map: each cell (half a character with half blocks) shows the mean of a B×B
    /// block of elements, B the smallest that fits (B = 1 is one element per cell).
    case whole
    /// One row per element, the value written in it.
    case numbers
    /// Square-looking cells with gaps, for slides.
    case large

    /// The `z` cycle: auto (nil) → whole map → numbers → large → auto.
    public static func following(_ zoom: Zoom?) -> Zoom? {
        switch zoom {
        case nil: .whole
        case .whole: .numbers
        case .numbers: .large
        case .large: nil
        }
    }
}

/// Where the arrow keys go: the parameter panel or a cursor over the output or input maps.
public enum Focus: String, Sendable, Codable {
    case parameters, output, input
}

/// A cell of a feature map: channel, row, column.
public struct CellCursor: Equatable, Sendable, Codable {
    public var channel: Int, y: Int, x: Int
    /// The cell (channel, y, x).
    public init(channel: Int, y: Int, x: Int) { self.channel = channel; self.y = y; self.x = x }
}

/// A teaching panel drawn over the maps.
public enum Panel: String, CaseIterable, Sendable, Codable {
    case cost, formula, code
}

/// The course screen's state (one layer, its maps, panels and inspector), changed only by `update`.
public struct AppState: Equatable, Sendable, HoldsScreenSettings {
    /// Terminal, device, theme, help, notice, mouse, zoom, pages, scrolling, panel: what every screen keeps.
    public var settings = ScreenSettings()
    /// A preview of other settings is dropped with them: the screen never draws it again.
    public var parameters = Conv2dSettings() { didSet { if preview?.parameters != parameters { preview = nil } } }
    public var selected: ParameterID = .hIn
    /// The kernel section's page of (out, in) pairs.
    public var kernelPage = 0
    /// The kernel section: shown (true), hidden (false), or nil for automatic: shown when the
    /// kernel is not the notebook's all ones (which the kernel line says in two words).
    public var kernelSection: Bool?
    /// How many times a random input or kernel was arrived at: the start of the next one.
    public var randomDraws = 0
    public var focus: Focus = .parameters
    /// The inspector's pinned output cell and the reverse inspector's input cell.
    public var outputCursor = CellCursor(channel: 0, y: 0, x: 0)
    public var inputCursor = CellCursor(channel: 0, y: 0, x: 0)
    /// K, the dense layer's outputs in the cost panel; nil = C_out·H_out·W_out.
    public var denseOutputs: Int?
    /// The sliding-kernel animation.
    public var playing = false
    public var speedIndex = 2
    /// The parameter whose slider the held mouse button drags, if any.
    public var dragging: ParameterID?
    /// The newest finished maps (`Action.computed`), for whatever settings; nil before any. The
    /// state holds the only long-lived reference: the engine keeps none but a few small layers'.
    public internal(set) var maps: ComputedMaps?
    /// The part in view of the layer still being computed (`ComputedMaps.coverage` set), computed
    /// first; nil once the whole layer's maps arrive or the settings change.
    public internal(set) var preview: ComputedMaps?
    /// The values K may take, by ( ) or typed.
    public static let denseOutputRange = 1...(1 << 30)
    /// C_out of the pointwise 1×1 layer after the depthwise one (depthwise-separable), or nil for none.
    public var pointwiseOutputs: Int?
    /// The maps area shows the pointwise layer's stage (depthwise output → pointwise output).
    public var pointwiseMapsShown = false
    /// A ConvTranspose2d's explanation on screen: nil the layer itself, else direct or scatter.
    public var transposedView: TransposedView?
    /// A Conv2d drawn as the true convolution (kernel flipped) beside PyTorch's cross-correlation.
    public var trueConvolution = false
    /// A Conv1d's causal form (nil: padded as the rows say), and whether its WaveNet stack is drawn.
    public var causalView: CausalView?
    /// The weights' colour scale as `update` measured it (`KernelScale.swift`).
    var keptKernelScale = KeptKernelScale()
    /// A model's Conv2d layer open on the course screen (`o` on the model screen), or nil.
    public var modelLayer: LayerLesson?
    /// Animation speeds in output cells per second.
    public static let speeds = [1, 2, 4, 8, 16, 32]

    /// True while the inspector (a map's cursor) or the animation runs: its lines are shown.
    public var isInspecting: Bool { focus != .parameters || playing }
    /// True when taps, padding and never-read cells are drawn on the input maps.
    public var showsPadding: Bool { paddedView || isInspecting }
    /// The output cell the inspector or the animation has pinned (its taps are marked), if any.
    public var pinnedOutputCell: CellCursor? {
        (focus == .output || (focus == .parameters && playing)) && parameters.outputShape != nil ? outputCursor : nil
    }
    /// The input cell the reverse inspector has pinned (the outputs it feeds are marked), if any.
    public var pinnedInputCell: CellCursor? { focus == .input ? inputCursor : nil }

    /// The pinned cell of a section's maps, if any (the kernel has no cursor).
    func pinnedCell(_ section: MapSection) -> CellCursor? {
        switch section {
        case .input: pinnedInputCell
        case .kernel: nil
        case .output: pinnedOutputCell
        }
    }
    /// True when the kernel section is asked for (it is drawn where the window has room for it).
    public var wantsKernelSection: Bool { kernelSection ?? !parameters.kernel.isOnes }

    /// A section's channel page.
    public func page(_ section: MapSection) -> Int {
        switch section {
        case .input: inputPage
        case .kernel: kernelPage
        case .output: outputPage
        }
    }
    /// Sets a section's channel page.
    mutating func setPage(_ section: MapSection, _ page: Int) {
        switch section {
        case .input: inputPage = page
        case .kernel: kernelPage = page
        case .output: outputPage = page
        }
    }

    /// The notebook's defaults.
    public init() {}

    /// A course screen keeping another screen's settings (terminal, device, theme, mouse …).
    public init(settings: ScreenSettings) { self.settings = settings }

    /// A state starting from the given parameters.
    public init(parameters: Conv2dSettings) { self.parameters = parameters }

    /// A state starting from the notebook's layer with these twelve slider values.
    public init(parameters geometry: ConvParameters) { self.parameters = Conv2dSettings(geometry) }
}

/// A terminal size in character cells.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int, rows: Int
    /// A size of columns × rows.
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }
}
