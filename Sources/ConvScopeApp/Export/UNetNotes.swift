import ConvCore

/// The U-Net size notes under the `--layers` table: the output_padding that lets an
/// up-convolution meet its skip, and the input sizes a layer folds onto one output size.
enum UNetNotes {
    /// One line per note, in layer order.
    static func notes(_ trace: StackTrace) -> [String] {
        var notes: [String] = []
        for (index, step) in trace.layers.enumerated() {
            if let note = outputPaddingNote(trace, index) { notes.append(note) }
            notes += foldingNotes(step, index)
        }
        return notes
    }

    /// For a ConvTranspose2d feeding a Cat: the output_padding that makes the sizes match, or that none can.
    static func outputPaddingNote(_ trace: StackTrace, _ index: Int) -> String? {
        guard let fix = UNetSizing.outputPaddingForCat(trace: trace, index: index),
              case let .convTranspose2d(layer) = trace.layers[index].layer,
              case let .cat(cat) = trace.layers[index + 1].layer,
              let skip = trace.layers[cat.skip].outputShape else { return nil }
        let target = "\(skip[2])×\(skip[3])"
        guard let h = fix.h, let w = fix.w else {
            let limit = "0…\(max(layer.stride.h, layer.dilation.h) - 1) × 0…\(max(layer.stride.w, layer.dilation.w) - 1)"
            return "note (\(index)): no output_padding (allowed \(limit), below max(stride, dilation)) makes "
                + "ConvTranspose2d's output \(target), the size of (\(cat.skip)) that Cat at (\(index + 1)) joins; "
                + "change the sizes before it"
        }
        let padding = h == w ? "\(h)" : "(\(h), \(w))"
        if SpatialPair(h, w) == layer.outputPadding {
            return "note (\(index)): output_padding=\(padding) makes ConvTranspose2d's output \(target), "
                + "the size of (\(cat.skip)) that Cat at (\(index + 1)) joins"
        }
        return "note (\(index)): output_padding=\(padding) would make ConvTranspose2d's output \(target), "
            + "the size of (\(cat.skip)) that Cat at (\(index + 1)) joins"
    }

    /// For a windowed layer that ran: the other input sizes that give the same output size.
    static func foldingNotes(_ step: LayerTrace, _ index: Int) -> [String] {
        guard step.status == .ran, let input = step.inputShape, let output = step.outputShape else { return [] }
        var found: [(axis: String, sizes: [Int], output: Int)] = []
        for (axis, name, position) in [(PaddingSpec.Axis.height, "heights", 2), (.width, "widths", 3)] {
            guard let size = UNetSizing.outputSizeFunction(of: step.layer, axis: axis) else { return [] }
            let n = input[position]
            let sizes = UNetSizing.inputsSharingOutput(with: n, in: max(1, n - 64)...(n + 64), outputSize: size)
            if sizes.count > 1 { found.append((name, sizes, output[position])) }
        }
        if found.count == 2, found[0].sizes == found[1].sizes {
            found = [("sizes (height and width)", found[0].sizes, found[0].output)]
        }
        return found.map { axis, sizes, out in
            let words = sizes.map(String.init)
            let list = words.dropLast().joined(separator: ", ") + " and " + words.last!
            return "note (\(index)): \(axis) \(list) \(sizes.count == 2 ? "both" : "all") give \(out) through \(step.layer.name): "
                + "a layer going back up cannot tell which it was, so set sizes explicitly"
        }
    }
}
