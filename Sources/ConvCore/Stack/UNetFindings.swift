/// What the U-Net size analysis finds in a trace, as values: the `--layers` notes and the model
/// screen's hints both word these, so the analysis is written once.
extension UNetSizing {
    /// The output_padding a ConvTranspose2d feeding a Cat needs to meet the Cat's skip.
    public struct OutputPaddingFinding: Equatable, Sendable {
        /// The ConvTranspose2d's index, the Cat's (the next) and the skip's it joins.
        public var layer: Int, cat: Int, skip: Int
        /// The skip's output size, which the up-convolution must reach.
        public var target: SpatialPair
        /// The output_padding that reaches it; nil when none PyTorch allows does.
        public var padding: SpatialPair?
        /// The largest output_padding PyTorch allows per axis: max(stride, dilation) − 1.
        public var limit: SpatialPair
        /// Whether the layer already has that output_padding.
        public var isSet: Bool
    }

    /// The finding for layer `index`, nil unless it is a ConvTranspose2d right before a Cat it can meet.
    public static func outputPaddingFinding(_ trace: StackTrace, index: Int) -> OutputPaddingFinding? {
        guard let fix = outputPaddingForCat(trace: trace, index: index),
              case let .convTranspose2d(layer) = trace.layers[index].layer,
              case let .cat(cat) = trace.layers[index + 1].layer,
              let skip = trace.layers[cat.skip].outputShape else { return nil }
        let limit = SpatialPair(max(layer.stride.h, layer.dilation.h) - 1, max(layer.stride.w, layer.dilation.w) - 1)
        let padding = fix.h.flatMap { h in fix.w.map { SpatialPair(h, $0) } }
        return OutputPaddingFinding(layer: index, cat: index + 1, skip: cat.skip, target: SpatialPair(skip[2], skip[3]),
                                    padding: padding, limit: limit, isSet: padding == layer.outputPadding)
    }

    /// Input sizes a windowed layer folds onto one output size, on one axis or (axis nil) on both alike.
    public struct FoldingFinding: Equatable, Sendable {
        /// The axis, or nil when heights and widths fold alike.
        public var axis: PaddingSpec.Axis?
        /// The input sizes, within 64 of the layer's own, that give `output`.
        public var sizes: [Int]
        /// The output size they share.
        public var output: Int
    }

    /// The foldings of a windowed layer that ran: "7 and 8 both give 4".
    public static func foldings(_ step: LayerTrace) -> [FoldingFinding] {
        guard step.status == .ran, let input = step.inputShape, let output = step.outputShape else { return [] }
        var found: [FoldingFinding] = []
        for (axis, position) in [(PaddingSpec.Axis.height, 2), (.width, 3)] {
            guard let size = outputSizeFunction(of: step.layer, axis: axis) else { return [] }
            let n = input[position]
            let sizes = inputsSharingOutput(with: n, in: max(1, n - 64)...(n + 64), outputSize: size)
            if sizes.count > 1 { found.append(FoldingFinding(axis: axis, sizes: sizes, output: output[position])) }
        }
        if found.count == 2, found[0].sizes == found[1].sizes { return [FoldingFinding(axis: nil, sizes: found[0].sizes, output: found[0].output)] }
        return found
    }
}
