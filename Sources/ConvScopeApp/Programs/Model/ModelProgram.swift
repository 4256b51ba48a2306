import ConvCore

/// The model screen: a stack of layers (`--layer`, `--model` with a `print(model)`) or a traced
/// forward (`print(torch.fx.symbolic_trace(model))`), each with its own list, maps, inspector and
/// panels, sharing the settings every screen keeps. Changed only by `apply`.
public struct ModelProgram: Equatable, Sendable, HoldsScreenSettings {
    /// What the model screen shows: a chain of layers, or a graph of named nodes.
    public enum Kind: Equatable, Sendable {
        case stack(StackState)
        case graph(GraphScreenState)
    }

    /// Terminal, device, theme, help, notice, mouse, zoom, pages, scrolling, panel: what every screen keeps.
    public var settings = ScreenSettings()
    /// The model and what is selected, inspected and shown of it.
    public var kind: Kind
    /// A course screen opened on one of the model's layers: while set it takes the keys and paints
    /// the screen, and Esc with nothing open in it comes back to the model.
    public var lesson: AppState?

    /// The stack screen for `model`, its first layer selected.
    public init(model: Model) { kind = .stack(StackState(model: model)) }

    /// The graph screen of a traced forward, for an input of `inputShape`.
    public init(graph: Model, inputShape: [Int]) {
        kind = .graph(GraphScreenState(model: graph, inputShape: inputShape))
    }

    /// The stack of layers, when the model screen shows one (setting it shows it).
    public var stack: StackState? {
        get { if case .stack(let s) = kind { s } else { nil } }
        set { if let newValue { kind = .stack(newValue) } }
    }

    /// The traced graph, when the model screen shows one (setting it shows it).
    public var graph: GraphScreenState? {
        get { if case .graph(let g) = kind { g } else { nil } }
        set { if let newValue { kind = .graph(newValue) } }
    }
}

extension ModelProgram {
    /// The stack screen for `model` keeping another screen's settings (terminal, device, theme …).
    public init(model: Model, settings: ScreenSettings) {
        self.init(model: model)
        self.settings = settings
    }
}
