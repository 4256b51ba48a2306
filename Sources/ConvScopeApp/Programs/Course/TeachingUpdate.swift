import ConvCore

extension AppState {
    /// The inspector, animation and panel actions of `update`.
    mutating func applyTeaching(_ action: Action) {
        typing = nil
        switch action {
        case .focusNext: focus = nextFocus(forward: true)
        case .focusPrevious: focus = nextFocus(forward: false)
        case .moveCursor(let dx, let dy):
            if focus == .input {
                inputCursor.x += dx; inputCursor.y += dy
            } else if focus == .output {
                outputCursor.x += dx; outputCursor.y += dy
                playing = false
            }
        case .cursorChannel(let delta):
            if focus == .input { inputCursor.channel += delta } else { outputCursor.channel += delta }
        case .togglePlay:
            guard parameters.outputShape != nil else { notice = .nothingToAnimate; return }
            playing.toggle()
            focus = .output
        case .step(let delta):
            guard parameters.outputShape != nil else { return }
            focus = .output
            playing = false
            advance(by: delta)
        case .tick:
            if playing { advance(by: 1) }
        case .slower: speedIndex = max(0, speedIndex - 1)
        case .faster: speedIndex = min(Self.speeds.count - 1, speedIndex + 1)
        case .togglePadded:
            paddedView.toggle()
            notice = .paddedView(paddedView, mode: parameters.paddingMode)
        case .togglePanel(let p):
            panel = panel == p ? nil : p
            panelScroll = 0
        case .scrollPanel(let delta):
            guard let box = courseLayout(drawn: onScreen).overlay else { return }
            let maxScroll = box.maxScroll
            panelScroll = min(max(0, panelScroll + delta), maxScroll)
        case .scaleDenseOutputs(let up):
            let current = CostModel(parameters.applied, denseOutputs: denseOutputs).denseOutputs
            let range = Self.denseOutputRange
            denseOutputs = min(range.upperBound, max(range.lowerBound, up ? current * 2 : current / 2))
        case .inspect(let which, let cursor):
            focus = which
            if which == .input { inputCursor = cursor } else if which == .output { outputCursor = cursor }
        default: break
        }
        if focus == .output && parameters.outputShape == nil { focus = .parameters; playing = false }
        clampCursors()
    }

    /// The next focus in the cycle parameters → output → input, skipping a missing output.
    func nextFocus(forward: Bool) -> Focus {
        let order: [Focus] = parameters.outputShape == nil ? [.parameters, .input] : [.parameters, .output, .input]
        let i = order.firstIndex(of: focus) ?? 0
        return order[(i + (forward ? 1 : order.count - 1)) % order.count]
    }

    /// Moves the output cursor through the cells in raster order, channel after channel.
    mutating func advance(by delta: Int) {
        guard let shape = parameters.outputShape else { return }
        let (c, h, w) = (shape[1], shape[2], shape[3])
        let total = c * h * w
        var i = (outputCursor.channel * h + outputCursor.y) * w + outputCursor.x
        i = ((i + delta) % total + total) % total
        outputCursor = CellCursor(channel: i / (h * w), y: (i / w) % h, x: i % w)
    }

    /// Keeps both cursors on real cells after a parameter change.
    mutating func clampCursors() {
        func clamp(_ c: inout CellCursor, _ channels: Int, _ rows: Int, _ columns: Int) {
            c.channel = min(max(0, c.channel), max(0, channels - 1))
            c.y = min(max(0, c.y), max(0, rows - 1))
            c.x = min(max(0, c.x), max(0, columns - 1))
        }
        clamp(&inputCursor, parameters.inChannels, parameters.hIn, parameters.wIn)
        if !rowIsShown(selected) { selected = nextShownRow(from: selected, step: 1) }
        if isSequence {
            if let shape = try? sequence.output.get().shape { clamp(&outputCursor, shape[1], 1, shape[2]) }
            return
        }
        if isTransposed {
            if let size = transposedOutput { clamp(&outputCursor, parameters.geometry.outChannels, size.h, size.w) }
            return
        }
        if let shape = parameters.outputShape {
            clamp(&outputCursor, shape[1], shape[2], shape[3])
        } else if focus == .output {
            focus = .parameters
            playing = false
        }
    }
}
