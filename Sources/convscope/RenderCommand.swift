import ArgumentParser
import ConvCore
import ConvScopeApp

/// `convscope render`: paints what the TUI would show, or dumps the tensors, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Paint the screen convscope would show (text, ansi, svg, html), or dump the tensors (json), without a terminal.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, ansi, svg, html
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

    @Option(name: .long, help: "Page colours for svg and html: dark or light.")
    var theme: ExportTheme = .dark

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Replace the file given with -o if it exists.")
    var force = false

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError("-o needs a file name") }
    }

    /// Writes the result to -o (atomically, never over an existing file without --force) or stdout.
    func emit(_ bytes: [UInt8]) throws {
        guard let output else {
            if !writeAll(1, bytes) { printError("convscope: could not write to standard output"); throw ExitCode(1) }
            return
        }
        do {
            try SafeFileWriter.write(bytes, to: output, replace: force)
        } catch let error as FileWriteError {
            printError("convscope: \(error)")
            throw ExitCode(1)
        }
    }

    func run() throws {
        let p = try parameters.apply(to: ConvParameters())
        if let exportFormat = ExportFormat(rawValue: format.rawValue) {
            var state = AppState(parameters: p)
            state.terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
            let env = RenderEnvironment(colorDepth: noColor ? .none : .trueColor, unicode: !ascii)
            let maps = ComputedMaps(try ConvExperiment(p))
            let canvas = view(state, maps: maps, environment: env)
            try emit(Array(exportFormat.export(canvas, theme: theme).utf8))
            return
        }
        if let output {
            var bytes: [UInt8] = []
            var writer = TensorJSONWriter { bytes.append(contentsOf: $0) }
            let accepted = writer.write(try ConvExperiment(p))
            try emit(bytes)
            if !accepted { throw ExitCode(1) }
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

extension ExportTheme: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
