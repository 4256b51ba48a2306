import ConvCore

extension ConvSlide {
    /// An export's title for the course screen's layer kind: the Conv1d's sequence shapes or the
    /// ConvTranspose2d's, not the Conv2d reading of the same rows.
    public static func title(_ state: AppState, environment env: RenderEnvironment) -> String {
        let p = state.parameters, l = env.language, g = env.glyphs
        let shape = { (s: [Int]) in s.map(String.init).joined(separator: g.times) }
        let input: [Int], output: [Int]?
        switch p.layerKind {
        case .conv2d:
            return title(p, environment: env)
        case .conv1d:
            let sequence = state.sequence
            input = sequence.input.shape
            output = try? sequence.output.get().shape
        case .convTranspose2d:
            let size = p.transposedInputSize
            input = [1, p.geometry.inChannels, size.h, size.w]
            output = state.transposedOutput.map { [1, p.geometry.outChannels, $0.h, $0.w] }
        }
        let outputText = output.map { "\(SlideWords.output(l)) \(shape($0))" } ?? SlideWords.outputRefused(l)
        return "\(p.layerKind.rawValue) \(g.dot) \(SlideWords.input(l)) \(shape(input)) \u{2192} " + outputText
    }
}
