import ConvCore

/// A Conv1d's causal form on the course screen: the layer causal, then its WaveNet stack drawn.
public enum CausalView: String, CaseIterable, Sendable {
    /// Left padding d·(k − 1) only: the output at t reads no later input.
    case layer
    /// The layer stacked as WaveNet stacks it (dilations d, 2d, 4d, …), the cone of one output lit.
    case stack
}

extension AppState {
    /// True when the rows describe a Conv1d (the layer_kind row).
    public var isSequence: Bool { parameters.layerKind == .conv1d }

    /// The Conv1d the rows describe, run on its input (causal when the causal key says so).
    public var sequence: CourseSequence { CourseSequence(parameters, causal: causalView != nil) }

    /// A Conv1d's or ConvTranspose2d's output cells as (channels, rows, columns), a Conv1d's
    /// one row high; nil for a Conv2d or when PyTorch refuses the layer.
    public var familyOutputCells: [Int]? {
        if isSequence { return (try? sequence.output.get()).map { [$0.shape[1], 1, $0.shape[2]] } }
        return transposedOutput.map { [parameters.geometry.outChannels, $0.h, $0.w] }
    }

    /// `T`: as the rows pad it → causal → causal with its WaveNet stack drawn → back (a Conv1d only).
    mutating func cycleCausal() {
        guard isSequence else { notice = .wrongLayerKind(needs: .conv1d); return }
        causalView = switch causalView {
        case nil: .layer
        case .layer: .stack
        case .stack: nil
        }
        // The WaveNet figure's cone starts from the last output, as the paper draws it.
        if causalView == .stack { outputCursor.x = Int.max }
        notice = .causal(causalView)
        clampCursors()
    }

    /// The rows a Conv1d has no use for (the height rows, output_padding): skipped when selecting.
    public func rowIsShown(_ id: ParameterID) -> Bool {
        !(isSequence && SequenceWords.unusedRows.contains(id))
    }

    /// The panel's rows for the layer kind, in table order.
    public var shownRows: [ParameterID] { ParameterID.allCases.filter(rowIsShown) }

    /// The next row `step` away that the layer kind shows, wrapping around.
    func nextShownRow(from id: ParameterID, step: Int) -> ParameterID {
        var next = id
        repeat {
            next = ParameterID(rawValue: RowSteps.wrapped(next.rawValue, step: step, count: ParameterID.allCases.count))!
        } while !rowIsShown(next) && next != id
        return next
    }
}
