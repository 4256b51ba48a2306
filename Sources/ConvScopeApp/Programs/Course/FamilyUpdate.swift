import ConvCore

extension AppState {
    /// True when the rows describe a ConvTranspose2d (the layer_kind row).
    public var isTransposed: Bool { parameters.layerKind == .convTranspose2d }

    /// The ConvTranspose2d's output height and width, or nil when PyTorch refuses it.
    var transposedOutput: SpatialPair? {
        guard isTransposed, parameters.transposedRefusal == nil else { return nil }
        let size = parameters.transposedInputSize
        return TransposedAsDirect(parameters.transposedLayer, inputHeight: size.h, inputWidth: size.w).outputSize
    }

    /// `v`: the layer → the direct convolution → the scatter → the layer (a ConvTranspose2d only).
    mutating func cycleTransposedView() {
        guard isTransposed else { notice = .wrongLayerKind(needs: .convTranspose2d); return }
        transposedView = switch transposedView {
        case nil: .direct
        case .direct: .scatter
        case .scatter: nil
        }
        notice = .transposedView(transposedView)
    }

    /// The true convolution beside PyTorch's cross-correlation, or back (a Conv2d only).
    mutating func toggleTrueConvolution() {
        guard parameters.layerKind == .conv2d else { notice = .wrongLayerKind(needs: .conv2d); return }
        trueConvolution.toggle()
        notice = .trueConvolution(trueConvolution)
    }

    /// The inspector on a ConvTranspose2d or a Conv1d: focus moves between the rows and its
    /// output cells, arrows and page keys move the cell (up and down change a sequence's
    /// channel); the Conv2d's animation, padded view and panels say they are a Conv2d's.
    mutating func applyFamilyTeaching(_ action: Action) {
        typing = nil
        let runs = isSequence ? sequence.refusal == nil : transposedOutput != nil
        switch action {
        case .focusNext, .focusPrevious:
            focus = focus == .parameters && runs ? .output : .parameters
        case .moveCursor(let dx, let dy) where focus == .output:
            outputCursor.x += dx
            if isSequence { outputCursor.channel += dy } else { outputCursor.y += dy }
        case .cursorChannel(let delta) where focus == .output:
            outputCursor.channel += delta
        case .inspect(.output, let cursor):
            focus = .output
            outputCursor = cursor
        case .togglePlay, .step, .togglePadded, .togglePanel, .scaleDenseOutputs:
            notice = .wrongLayerKind(needs: .conv2d)
        default: break
        }
        if !runs { focus = .parameters }
        playing = false
        // A ConvTranspose2d's panels stay open while its cursor moves, as a Conv2d's do; a Conv1d has none.
        if isSequence { panel = nil }
        clampCursors()
    }
}

extension AppState {
    /// `G`: the depthwise layer (groups = out_channels = in_channels) followed by a pointwise 1×1
    /// to the out_channels the layer had; again: the pointwise layer goes.
    mutating func toggleSeparable() {
        guard parameters.layerKind == .conv2d else { notice = .wrongLayerKind(needs: .conv2d); return }
        if pointwiseOutputs != nil {
            pointwiseOutputs = nil
            notice = .separableOff
            return
        }
        if let file = parameters.fixingFile(.groups) ?? parameters.fixingFile(.outChannels) ?? parameters.fixingFile(.inChannels) {
            notice = .fixedByFile(name: ParameterID.groups.name, file: file)
            return
        }
        let c = parameters.geometry.inChannels, target = parameters.geometry.outChannels
        change(.outChannels) { _ in c }
        change(.groups) { _ in c }
        pointwiseOutputs = target
        notice = .separable(inChannels: c, outChannels: target)
    }

    /// The depthwise-separable pair on screen: the depthwise layer as it is and the pointwise
    /// C_out, while the layer is still depthwise with one output per channel; nil otherwise.
    public var separableCost: DepthwiseSeparableCost? {
        let p = parameters
        guard let out = pointwiseOutputs, parameters.layerKind == .conv2d, p.groups == p.geometry.inChannels,
              p.geometry.outChannels == p.geometry.inChannels, let shape = p.outputShape else { return nil }
        return DepthwiseSeparableCost(inChannels: p.geometry.inChannels, outChannels: out, kernelH: p.kernelSizeH,
                                      kernelW: p.kernelSizeW, outputH: shape[2], outputW: shape[3])
    }
}
