import ArgumentParser
import ConvCore
import ConvScopeApp

/// `convscope render`: paints what the TUI would show, or dumps the tensors, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the screen convscope would show (text), or the tensors (json), without a terminal.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @OptionGroup var parameters: ParameterOptions

    @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json

    @Option(name: .long, help: "Screen size for text output, COLSxROWS (e.g. 120x40).")
    var size: ScreenSizeArgument = ScreenSizeArgument(columns: 120, rows: 40)

    @Flag(name: .customLong("no-color"), help: "Draw heatmaps with shade glyphs instead of colours.")
    var noColor = false

    @Flag(name: .long, help: "Use ASCII glyphs only.")
    var ascii = false

    func run() throws {
        let p = try parameters.apply(to: ConvParameters())
        if format == .text {
            var state = AppState(parameters: p)
            state.terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
            let env = RenderEnvironment(colorDepth: noColor ? .none : .trueColor, unicode: !ascii)
            let maps = ComputedMaps(try ConvExperiment(p))
            let canvas = view(state, maps: maps, environment: env)
            writeAll(1, Array((canvas.text + "\n").utf8))
            return
        }
        let experiment = try ConvExperiment(p)
        var writeFailed = false
        var writer = TensorJSONWriter { bytes in
            if !writeFailed && !writeAll(1, bytes) { writeFailed = true }
        }
        let accepted = writer.write(experiment)
        if writeFailed {
            printError("convscope: could not write to standard output")
            throw ExitCode(1)
        }
        if !accepted { throw ExitCode(1) }
    }
}
