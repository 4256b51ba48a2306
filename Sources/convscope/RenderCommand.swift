import ArgumentParser
import ConvCore
import ConvScopeApp
import ConvScopeRuntime

/// `convscope render`: paints what the TUI would show, or dumps the tensors, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Paint the screen convscope would show (text, ansi, svg, html), animate the sliding kernel (svg, html, asciicast), or dump the tensors (json), without a terminal.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, text, ansi, svg, html, asciicast
    }

    @OptionGroup var parameters: ParameterOptions

    @OptionGroup(title: "Stacks of layers") var stack: StackOptions

    @OptionGroup(title: "The convolution family") var family: FamilyOptions

    @Option(name: .customLong("format"), parsing: .unconditional,
            help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")) (default json; --layers: text).")
    var givenFormat: Format?

    /// The output format: json unless --format says otherwise.
    var format: Format { givenFormat ?? .json }

    @Option(name: .long, parsing: .unconditional,
            help: "Screen size for every picture format (text, ansi, svg, html): COLSxROWS, at least \(ScreenSizeArgument.minimumText).")
    var size: ScreenSizeArgument = ScreenSizeArgument(columns: 120, rows: 40)

    @OptionGroup var color: ColorOptions

    @Flag(name: .long, help: "Use ASCII glyphs only.")
    var ascii = false

    @OptionGroup var viewOptions: ViewOptions

    @Option(name: [.short, .customLong("output")], parsing: .unconditional, help: "Write to this file instead of standard output (- means standard output).")
    var output: String?

    @Flag(name: .long, help: "Replace the file given with -o if it exists.")
    var force = false

    @Option(name: .long, parsing: .unconditional, help: "Inspect output cell C,Y,X: highlight its taps and write out its sum.")
    var inspect: String?

    @Option(name: .customLong("inspect-input"), parsing: .unconditional, help: "Inspect input cell C,Y,X: highlight the outputs it feeds.")
    var inspectInput: String?

    @Option(name: .long, parsing: .unconditional, help: "Show a teaching panel: cost, formula or code.")
    var panel: Panel?

    @Flag(name: .long, help: "Draw input maps with their zero-padding ring and never-read cells.")
    var padded = false

    @Flag(name: .long, help: "Animate the sliding kernel over output channel 0 (with --view, a ConvTranspose2d's direct or scatter form): svg plays it, html adds play/pause/step; asciicast always animates.")
    var animate = false

    @Option(name: .long, parsing: .unconditional, help: "Write the 15 conv_arithmetic figures (animated and still SVG) and an index.html into this directory.")
    var arith: String?

    /// The render state: parameters, size, inspector and panel as the flags say.
    /// What the picture is drawn for: exact colours (or shades with --no-color), glyphs by --ascii.
    var environment: RenderEnvironment {
        RenderEnvironment(colorDepth: color.noColor ? .none : .trueColor, unicode: !ascii,
                          colormap: viewOptions.colormap ?? .rocket, language: viewOptions.language.language)
    }

    func makeState(_ p: Conv2dSettings) throws -> AppState {
        var state = AppState(parameters: p)
        state.terminalSize = TerminalSize(columns: size.columns, rows: size.rows)
        state.environment = environment
        state.paddedView = padded
        state.panel = panel
        viewOptions.apply(to: &state)
        if inspect != nil && inspectInput != nil {
            throw ValidationError("--inspect and --inspect-input both given; choose one cell to inspect.")
        }
        if let text = inspect, p.layerKind == .conv2d {
            guard let shape = p.outputShape else {
                throw ValidationError("--inspect \(text): there is no output to inspect (PyTorch refuses these parameters).")
            }
            let cell = try Self.parseCell(text, flag: "--inspect", shape: [shape[1], shape[2], shape[3]], what: "output")
            state = update(state, .inspect(.output, cell))
        }
        if let text = inspectInput, p.layerKind == .conv2d {
            let cell = try Self.parseCell(text, flag: "--inspect-input", shape: [p.inChannels, p.hIn, p.wIn], what: "input")
            state = update(state, .inspect(.input, cell))
        }
        return state
    }

    /// Parses `C,Y,X` inside a (channels, rows, columns) shape.
    static func parseCell(_ text: String, flag: String, shape: [Int], what: String) throws -> CellCursor {
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { part -> Int? in
                // Digits only: "-0" or "+1" is not a cell position, whatever Int() makes of it.
                let digits = part.trimmingCharacters(in: .whitespaces)
                return digits.allSatisfy { $0.isASCII && $0.isNumber } ? Int(digits) : nil
            }
        let allowed = "allowed C,Y,X with C 0...\(shape[0] - 1), Y 0...\(shape[1] - 1), X 0...\(shape[2] - 1) (the \(what) is \(shape[0])x\(shape[1])x\(shape[2]))"
        guard numbers.count == 3, numbers.allSatisfy({ $0 != nil }) else {
            throw ValidationError("\(flag) '\(text)' is not a cell: \(allowed).")
        }
        let (c, y, x) = (numbers[0]!, numbers[1]!, numbers[2]!)
        guard (0..<shape[0]).contains(c), (0..<shape[1]).contains(y), (0..<shape[2]).contains(x) else {
            throw ValidationError("\(flag) '\(text)' is outside the \(what): \(allowed).")
        }
        return CellCursor(channel: c, y: y, x: x)
    }

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError("-o needs a file name (or - for standard output)") }
        if let output, output.hasPrefix("-"), output != "-" {
            throw ValidationError("-o '\(output)' looks like an option; for a file of that name write ./\(output)")
        }
        try size.validateAgainstMinimum()
        try validateAnimation()
    }

    /// Hands `produce` the destination: -o's file (written safely, never over an existing file
    /// without --force; see SafeFileWriter) or standard output (no -o, or `-o -`).
    func withOutput(_ produce: (ByteSink) -> Void) throws {
        do {
            if let output, output != "-" {
                try SafeFileWriter.write(to: output, replace: force, produce)
            } else {
                try SafeFileWriter.write(to: "/dev/stdout", produce)
            }
        } catch let error as FileWriteError {
            printError("convscope: " + (output == nil || output == "-" ? "could not write to standard output" : "\(error)"))
            throw ExitCode(1)
        }
    }

    func run() throws {
        if let arith { return try writeArith(into: arith) }
        if family.isActive(stack) { return try renderFamily() }
        if stack.isActive { return try renderStack() }
        let p = try parameters.apply(to: Conv2dSettings())
        if p.input == .generated(.notebook) { printError("convscope: " + Conv2dText.notebookNote(.en)) }
        if p.layerKind != .conv2d { return try renderCourseFamily(p) }
        let state = try makeState(p)
        // The engine the interactive screens ask, through the same entry as their small layers.
        let maps = try Engine().computeNow(p)
        if drawsSlide { return try renderSlide(state, maps: maps) }
        if let exportFormat = ExportFormat(rawValue: format.rawValue) {
            let canvas = viewOptions.frame.canvas(state, maps: maps, environment: environment)
            let bytes = Array(exportFormat.export(canvas, theme: state.theme, title: ConvSlide.title(p, environment: environment),
                                                  language: environment.language).utf8)
            try withOutput { $0.write(bytes) }
            return
        }
        // JSON streams chunk by chunk, to a file as to stdout: the largest layer writes 0.8 GB of it.
        var accepted = true
        try withOutput { sink in
            var writer = TensorJSONWriter { sink.write($0) }
            accepted = writer.write(maps.experiment)
        }
        if !accepted { throw ExitCode(1) }
    }
}

extension ExportTheme: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension Panel: ExpressibleByArgument {}
