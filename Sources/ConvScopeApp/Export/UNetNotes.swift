import ConvCore

/// The U-Net size notes under the `--layers` table: the output_padding that lets an
/// up-convolution meet its skip, and the input sizes a layer folds onto one output size.
enum UNetNotes {
    /// One line per note, in layer order.
    static func notes(_ trace: StackTrace, language l: Language = .en) -> [String] {
        var notes: [String] = []
        for (index, step) in trace.layers.enumerated() {
            if let note = outputPaddingNote(trace, index, l) { notes.append(note) }
            notes += foldingNotes(step, trace.names[index], l)
        }
        return notes
    }

    /// For a ConvTranspose2d feeding a Cat: the output_padding that makes the sizes match, or that none can.
    static func outputPaddingNote(_ trace: StackTrace, _ index: Int, _ l: Language = .en) -> String? {
        guard let fix = UNetSizing.outputPaddingForCat(trace: trace, index: index),
              case let .convTranspose2d(layer) = trace.layers[index].layer,
              case let .cat(cat) = trace.layers[index + 1].layer,
              let skip = trace.layers[cat.skip].outputShape else { return nil }
        let target = "\(skip[2])×\(skip[3])"
        guard let h = fix.h, let w = fix.w else {
            let limit = "0…\(max(layer.stride.h, layer.dilation.h) - 1) × 0…\(max(layer.stride.w, layer.dilation.w) - 1)"
            return StackWords.note(l, trace.names[index])
                + StackWords.noOutputPadding(l, limit: limit, target: target, skip: trace.names[cat.skip], cat: trace.names[index + 1])
        }
        let padding = h == w ? "\(h)" : "(\(h), \(w))"
        return StackWords.note(l, trace.names[index]) + StackWords.outputPadding(l, padding: padding, set: SpatialPair(h, w) == layer.outputPadding,
                                                                    target: target, skip: trace.names[cat.skip], cat: trace.names[index + 1])
    }

    /// For a windowed layer that ran: the other input sizes that give the same output size.
    static func foldingNotes(_ step: LayerTrace, _ name: String, _ l: Language = .en) -> [String] {
        guard step.status == .ran, let input = step.inputShape, let output = step.outputShape else { return [] }
        var found: [(axis: String, sizes: [Int], output: Int)] = []
        for (axis, name, position) in [(PaddingSpec.Axis.height, StackWords.axisName(l, 2), 2), (.width, StackWords.axisName(l, 3), 3)] {
            guard let size = UNetSizing.outputSizeFunction(of: step.layer, axis: axis) else { return [] }
            let n = input[position]
            let sizes = UNetSizing.inputsSharingOutput(with: n, in: max(1, n - 64)...(n + 64), outputSize: size)
            if sizes.count > 1 { found.append((name, sizes, output[position])) }
        }
        if found.count == 2, found[0].sizes == found[1].sizes {
            found = [(StackWords.axisName(l, 0), found[0].sizes, found[0].output)]
        }
        return found.map { axis, sizes, out in
            StackWords.note(l, name) + StackWords.folding(l, axis: axis, sizes: sizes, output: out, layer: step.layer.name)
        }
    }
}
