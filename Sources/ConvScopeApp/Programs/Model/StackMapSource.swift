import ConvCore

/// What one map section of the stack screen shows: its title, shape, values and colour scale.
struct StackMapSource {
    /// Which word starts the header ("input", "output"): the header keeps it longest.
    let section: MapSection
    let title: String
    /// Where the maps come from ("output of (2)"), dropped first when the header is short.
    var subtitle = ""
    /// [1, C, H, W].
    let shape: [Int]
    /// The values, or nil when the model is too large to compute on every key.
    let tensor: Tensor4?
    /// vmax of each map: the ramp's length for the model's input, each map's own maximum otherwise.
    let scaleMax: [Float]
    /// True for the coverage map: counts are drawn one cell per element, never as block means.
    var counts = false
    /// The widest written value, which sizes the number cells: read once here, since the layout
    /// asks for it for every zoom it tries, and each reading scans every value (a 16×512² output
    /// read 12 times made most of a frame's 140 ms).
    let valueWidth: Int

    /// A section of `shape` showing `tensor` (nil while not computed) with each map's vmax in `scaleMax`;
    /// `summary`, the tensor's extremes found when it was computed, spares a scan of its values.
    init(section: MapSection, title: String, subtitle: String = "", shape: [Int], tensor: Tensor4?, scaleMax: [Float],
         counts: Bool = false, summary: MapValueSummary? = nil) {
        (self.section, self.title, self.subtitle, self.shape, self.tensor) = (section, title, subtitle, shape, tensor)
        (self.scaleMax, self.counts) = (scaleMax, counts)
        valueWidth = tensor == nil ? 1 : Self.widestValue(summary ?? MapValueSummary(tensor!))
    }

    /// The title's leading words ("input 1×8×32×32", "coverage 64×64"), which the header keeps.
    var lead: String { title.split(separator: " ").prefix(2).joined(separator: " ") }

    /// vmax of map `channel` (0 for a channel out of range).
    func scale(_ channel: Int) -> Float { scaleMax.indices.contains(channel) ? scaleMax[channel] : 0 }

    /// The widest written value of the values `summary` describes (1 for none).
    static func widestValue(_ summary: MapValueSummary) -> Int {
        guard let hi = summary.highest, let lo = summary.lowest else { return 1 }
        let widest = max(NumberText.cell(hi).count, NumberText.cell(lo).count)
        // A value with a decimal is as wide as the extremes' whole digits and two more: a bilinear
        // map's 850.5 is wider than its whole maximum 2862, and cells of 4 ran into each other.
        // Truncation finds the same whole numbers as rounding, in one instruction instead of a call.
        guard summary.hasFraction else { return widest }
        func whole(_ v: Float) -> Int { NumberText.cell(v.rounded(.towardZero)).count }
        return max(widest, whole(hi) + 2, whole(lo) + 2)
    }

    /// "scale 0–8", or "scale 0–max of each map" when the maps differ.
    func scaleText(_ text: StackText) -> String {
        guard let first = scaleMax.first else { return "" }
        return scaleMax.allSatisfy({ $0 == first }) ? text.scale(NumberText.cell(first)) : text.scaleEachMap
    }

    /// A source for a tensor whose maps are each scaled to their own maximum (`summary`'s when given).
    static func ownScale(_ section: MapSection, title: String, subtitle: String, shape: [Int], tensor: Tensor4?,
                         summary: MapValueSummary? = nil) -> StackMapSource
    {
        let summary = tensor == nil ? nil : summary ?? MapValueSummary(tensor!)
        return StackMapSource(section: section, title: title, subtitle: subtitle, shape: shape, tensor: tensor,
                              scaleMax: summary?.channelMax ?? [], summary: summary)
    }

    /// The two sections for the stack screen's state: normally the selected layer's input and
    /// output; the model's input while the field is shown; the coverage map in place of the
    /// output; for a Cat, the pair of maps it joins.
    static func sections(_ s: StackState, text: StackText) -> (top: StackMapSource?, bottom: StackMapSource?) {
        let k = s.selected, step = s.selectedTrace
        // The run's own input and summaries: a 16×512² input made again and scanned for each of a
        // frame's three calls took a third of the frame.
        func modelInput() -> StackMapSource {
            StackMapSource(
                section: .input, title: text.inputTitle(shape: s.model.inputShape), subtitle: text.ofTheModel,
                shape: s.model.inputShape, tensor: s.run.map { $0.input ?? s.model.makeInput() },
                scaleMax: [Float](repeating: s.model.inputScaleMax, count: s.model.inputShape[1]),
                summary: s.run?.inputSummary)
        }
        func output(of index: Int, section: MapSection, subtitle: String? = nil) -> StackMapSource? {
            guard let shape = s.trace.layers[index].outputShape else { return nil }
            let title = section == .input ? text.inputTitle(shape: shape) : text.outputTitle(shape: shape)
            return ownScale(section, title: title, subtitle: subtitle ?? text.outputOf(index), shape: shape,
                            tensor: s.run?.outputs[index] ?? nil, summary: s.run?.summaries[index] ?? nil)
        }
        // The selected layer's input: the model's input for layer 0, else the output before it.
        func layerInput() -> StackMapSource? {
            if k == 0 { return modelInput() }
            return output(of: k - 1, section: .input)
        }
        if case let .cat(cat) = step.layer {
            let skip = cat.skip >= 0 && cat.skip < k
                ? output(of: cat.skip, section: .input, subtitle: text.skipMap + " " + text.outputOf(cat.skip)) : nil
            let current = k == 0 ? modelInput() : output(of: k - 1, section: .input)
            return (skip, current)
        }
        let top = s.fieldInInput ? modelInput() : layerInput()
        if s.coverage, let counts = s.coverageCounts, let rows = counts.first.map({ _ in counts.count }),
           let columns = counts.first?.count {
            let values = counts.flatMap { $0.map(Float.init) }
            let transposed = if case .convTranspose2d = step.layer { true } else { false }
            let tensor = Tensor4(shape: [1, 1, rows, columns], storage: values)
            return (top, StackMapSource(section: .output, title: text.coverageTitle(rows: rows, columns: columns),
                                        subtitle: text.coverageSubtitle(index: k, transposed: transposed),
                                        shape: tensor.shape, tensor: tensor, scaleMax: [values.max() ?? 0], counts: true))
        }
        let bottom = output(of: k, section: .output, subtitle: "")
        return (top, bottom)
    }
}

extension StackState {
    /// The padded view's ring around the top maps: a Conv2d's padding as applied ('same' may pad
    /// one more after), when the top maps are that layer's input; nil otherwise.
    func paddedRing(shown: Bool) -> (height: AxisPadding, width: AxisPadding, spec: Conv2dSpec)? {
        guard shown, !fieldInInput, case let .conv2d(layer) = layer, let input = selectedTrace.inputShape else { return nil }
        return (layer.appliedPadding(.height), layer.appliedPadding(.width),
                layer.spec(channels: input[1], inputHeight: input[2], inputWidth: input[3], groups: 1))
    }
}
