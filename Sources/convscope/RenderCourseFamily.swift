import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --layer-kind Conv1d` or `ConvTranspose2d`: the course screen's picture of that layer
/// (both frames), and its values (a Conv1d's as `render --layer "Conv1d(…)" --input-shape` writes them).
extension RenderCommand {
    func renderCourseFamily(_ p: Conv2dSettings) throws {
        let kind = p.layerKind.rawValue
        if animate || format == .asciicast {
            throw ValidationError("--animate and --format asciicast slide a Conv2d's kernel; the layer_kind row is \(kind): "
                                  + "give --format text, ansi, svg, html or json.")
        }
        if inspectInput != nil {
            throw ValidationError("--inspect-input marks a Conv2d's input cell; for a \(kind) give --inspect C,Y,X (an output cell).")
        }
        // What only a Conv2d's picture draws (or, for --panel, a Conv1d's lacks) would be left out silently.
        if padded { throw ValidationError("--padded draws a Conv2d's zero-padding ring; the layer_kind row is \(kind): leave it out.") }
        if viewOptions.weights != WeightsChoice.auto.rawValue {
            throw ValidationError("--weights \(viewOptions.weights) shows a Conv2d's kernel section; the layer_kind row is \(kind): leave it out.")
        }
        if let panel, p.layerKind == .conv1d {
            throw ValidationError("--panel \(panel.rawValue): a Conv1d has no panels (a Conv2d and a ConvTranspose2d have): leave it out.")
        }
        var state = try makeState(p)
        if let text = inspect {
            guard let shape = state.familyOutputCells else {
                throw ValidationError("--inspect \(text): there is no output to inspect (PyTorch refuses this \(kind)).")
            }
            state = update(state, .inspect(.output, try Self.parseCell(text, flag: "--inspect", shape: shape, what: "output")))
        }
        if format == .json {
            try withOutput { sink in
                var writer = TensorJSONWriter { sink.write($0) }
                if p.layerKind == .conv1d { writer.writeCourseSequence(state.sequence) } else { writer.writeCourseTransposed(p) }
            }
            if p.layerKind == .conv1d ? state.sequence.refusal != nil : p.transposedRefusal != nil { throw ExitCode(1) }
            return
        }
        guard let exportFormat = ExportFormat(rawValue: format.rawValue) else { return }
        let canvas = viewOptions.frame.canvas(state, maps: nil, environment: environment)
        let bytes = Array(exportFormat.export(canvas, theme: state.theme, title: ConvSlide.title(state, environment: environment),
                                              language: environment.language).utf8)
        try withOutput { $0.write(bytes) }
    }
}
