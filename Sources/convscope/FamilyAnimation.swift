import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --view direct|scatter --animate` (svg, html) and `--format asciicast`: a
/// ConvTranspose2d's explanation played step by step with the Conv2d animation's exporters.
extension RenderCommand {
    /// True when --view should be animated rather than drawn once.
    var animatesView: Bool { animate || format == .asciicast }

    func renderTransposedAnimation(_ explained: TransposedAsDirect, input: Tensor4, weight: Tensor4) throws {
        let view = family.view!
        let steps = view == .direct ? explained.outputSize.h * explained.outputSize.w : explained.inputHeight * explained.inputWidth
        if steps > ConvSlide.maxFrames {
            let what = view == .direct ? "output positions" : "input positions (one stamp each)"
            printError("convscope: the animation draws at most \(ConvSlide.maxFrames) steps; --view \(view.rawValue) has \(steps) "
                       + "\(what). Use a smaller input (--h-in, --w-in).")
            throw ExitCode(1)
        }
        let text: String
        if format == .asciicast {
            let tour = TransposedTour(explained, input: input, weight: weight, bias: nil, environment: environment)
            text = AsciicastExporter.export(try tour.frames(view, width: size.columns),
                                            title: "convscope: " + explained.layer.pytorchRepr + " --view " + view.rawValue)
        } else {
            let slide = try TransposedSlide(explained, input: input, weight: weight, bias: nil, theme: viewOptions.theme ?? .dark,
                                            environment: environment).make(view, animated: animate)
            text = format == .svg ? SlideSVG.export(slide) : SlideHTML.export(slide, language: environment.language)
        }
        let bytes = Array(text.utf8)
        try withOutput { $0.write(bytes) }
    }
}
