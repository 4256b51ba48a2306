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
        UNetSizing.outputPaddingFinding(trace, index: index).map {
            StackWords.note(l, trace.names[index]) + UNetWords.outputPadding($0, l, .unicodeSet) { trace.names[$0] }
        }
    }

    /// For a windowed layer that ran: the other input sizes that give the same output size.
    static func foldingNotes(_ step: LayerTrace, _ name: String, _ l: Language) -> [String] {
        UNetSizing.foldings(step).map { StackWords.note(l, name) + UNetWords.folding($0, layer: step.layer.name, l) }
    }
}
