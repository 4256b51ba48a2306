import ConvCore

/// The U-Net size notes under the `--layers` table: the output_padding that lets an
/// up-convolution meet its skip, and the input sizes a layer folds onto one output size.
enum UNetNotes {
    /// One line per note, in layer order.
    static func notes(_ trace: StackTrace, language l: Language) -> [String] {
        var notes: [String] = []
        for (index, step) in trace.layers.enumerated() {
            if let note = outputPaddingNote(trace, index, l) { notes.append(note) }
            notes += foldingNotes(step, trace.names[index], l)
        }
        return notes
    }

    /// For a ConvTranspose2d feeding a Cat: the output_padding that makes the sizes match, or that none can.
    static func outputPaddingNote(_ trace: StackTrace, _ index: Int, _ l: Language) -> String? {
        guard let f = UNetSizing.outputPaddingFinding(trace, index: index) else { return nil }
        let target = "\(f.target.h)×\(f.target.w)"
        guard let padding = f.padding else {
            let limit = "0…\(f.limit.h) × 0…\(f.limit.w)"
            return StackWords.note(l, trace.names[index])
                + StackWords.noOutputPadding(l, limit: limit, target: target, skip: trace.names[f.skip], cat: trace.names[f.cat])
        }
        let shown = padding.h == padding.w ? "\(padding.h)" : "(\(padding.h), \(padding.w))"
        return StackWords.note(l, trace.names[index]) + StackWords.outputPadding(l, padding: shown, set: f.isSet,
                                                                    target: target, skip: trace.names[f.skip], cat: trace.names[f.cat])
    }

    /// For a windowed layer that ran: the other input sizes that give the same output size.
    static func foldingNotes(_ step: LayerTrace, _ name: String, _ l: Language) -> [String] {
        UNetSizing.foldings(step).map { f in
            let axis = StackWords.axisName(l, f.axis == .height ? 2 : f.axis == .width ? 3 : 0)
            return StackWords.note(l, name) + StackWords.folding(l, axis: axis, sizes: f.sizes, output: f.output, layer: step.layer.name)
        }
    }
}
