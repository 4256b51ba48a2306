import ArgumentParser
import ConvCore
import ConvScopeApp

/// `convscope render`: paints what the TUI would show, or dumps the tensors, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the tensors (json) for a parameter set, without a terminal.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var parameters: ParameterOptions

    @Option(name: .long, help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .json

    func run() throws {
        let p = try parameters.apply(to: ConvParameters())
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
