import ConvCore

extension AppState {
    /// True when a Conv1d's or ConvTranspose2d's maps area leaves part of its drawing out (a
    /// channel, a position, the values' numbers, rows of the layer line; maps to scroll): the maps frame of an export
    /// is drawn on a larger screen until it does not, as a Conv2d's is. Lines and formulas longer
    /// than the area wrap, so their length alone is no reason.
    func familyMapsAreCropped(_ layout: ScreenLayout, environment env: RenderEnvironment) -> Bool {
        if isTransposed { return transposedMapsArea().map { $0.scrolling().limit != TransposedScroll() } ?? false }
        guard isSequence, causalView != .stack, case .success(let output) = sequence.output else { return false }
        let view = SequenceScreenView(state: self, layout: layout, environment: env)
        let rows = view.rowsLayout(sequence, output: output)
        let headerRows = rows.y - layout.maps.y
        return headerRows < view.header(sequence).lineRows(width: layout.maps.width - 1) || rows.window.count < sequence.axis.paddedRange.count
            || rows.cellWidth < 3
            || rows.inputShown.count + rows.outputShown.count < sequence.input.channels + output.channels
    }
}

extension AppState {
    /// A Conv1d's L_out or a ConvTranspose2d's H_out and W_out with the layer's numbers, one a
    /// line, as its formula rows write them; none when PyTorch refuses the layer or the figure is on.
    func familyFormulas(_ g: Glyphs) -> [String] {
        // The WaveNet figure writes its receptive fields in place of the rule.
        if isSequence, causalView != .stack, case .success(let output) = sequence.output {
            let a = sequence.axis
            return [FamilyText.fitted(SequenceWords.lengthFormula(length: a.size, before: a.padding.before, after: a.padding.after,
                                                                  dilation: a.dilation, kernel: a.kernel, stride: a.stride,
                                                                  output: output.shape[2]), g)]
        }
        guard let output = transposedOutput else { return [] }
        let layer = parameters.transposedLayer, input = parameters.transposedInputSize
        return [PaddingSpec.Axis.height, .width].map { FamilyText.fitted(FamilyScreenText.outputFormula(layer, input: input, output: output, $0), g) }
    }
}
