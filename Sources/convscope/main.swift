import ArgumentParser
import ConvCore
import ConvScopeApp
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `convscope`: the interactive screen, whose options are the root's own (so `convscope --help`
/// and completions list them); `convscope render` paints without a terminal; `convscope tui` is
/// the interactive screen by name. A name both use must be one shared option group (ColorOptions).
struct ConvScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convscope",
        abstract: "See nn.Conv2d: input and output feature maps as annotated heatmaps.",
        usage: "convscope [<options>]\nconvscope render [<options>]\nconvscope exercise <file> [<options>]",
        discussion: "Without a subcommand convscope opens the interactive screen with the options below. "
            + "Keys: arrows select and change parameters, ? shows every key, q quits.",
        subcommands: [TUICommand.self, RenderCommand.self, ExerciseCommand.self])

    @Flag(name: [.customShort("V"), .customLong("version")], help: "Print the version and exit.")
    var showVersion = false

    @OptionGroup var interactive: InteractiveCommand

    func run() throws {
        if showVersion { print("convscope \(convscopeVersion)"); return }
        try interactive.run()
    }
}

/// `convscope tui`: the interactive screen by name, with the same options as plain `convscope`.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the interactive screen (the default).",
        discussion: "Keys: arrows select and change parameters, ? shows every key, q quits.")

    @OptionGroup var interactive: InteractiveCommand

    func run() throws { try interactive.run() }
}

/// The interactive screen: its options and its run, shared by `convscope` and `convscope tui`.
/// (Arguments rather than a command: a command used as an option group confuses ArgumentParser's
/// description of the tool, which the man page is generated from.)
struct InteractiveCommand: ParsableArguments {

    @OptionGroup var parameters: ParameterOptions

    @OptionGroup var color: ColorOptions

    @Option(name: .customLong("export-format"), parsing: .unconditional, help: "Format the e key writes: svg, html, ansi or text.")
    var exportFormat: ExportFormat = .svg

    @Flag(name: .long, help: "Start from the notebook's defaults instead of the last session's parameters (restored only without parameter flags).")
    var fresh = false

    @OptionGroup var viewOptions: ViewOptions
    @OptionGroup var mouse: MouseOption
    @OptionGroup var exportDirectory: ExportDirectoryOption
    @OptionGroup(title: "Stacks of layers") var stack: StackOptions

    func run() throws {
        let graph = try stack.interactiveGraph(parameters)
        let model = graph == nil ? try stack.interactiveModel(parameters) : nil
        if model != nil || graph != nil, viewOptions.weights != WeightsChoice.auto.rawValue {
            // The stack screen draws no kernel section: the flag would be ignored.
            throw ValidationError("--weights shows the single layer's kernel section; the stack screen has none.")
        }
        let store = StateStore.standard()
        let saved = fresh || parameters.anyGiven || model != nil || graph != nil ? (session: nil, notice: nil) : store.load()
        let p = try parameters.apply(to: saved.session?.parameters ?? Conv2dSettings())
        // Before the screen starts, so the lines stay in the terminal after it ends.
        let settings = SettingsFile.standard().load()
        for warning in settings.warnings { printError(warning) }
        let noColorEnv = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        let signals = SignalWatcher()
        let screen: NCursesScreen
        do {
            // The language: --lang, else the settings file's, else the locale's.
            let language = viewOptions.language.resolved(settings: settings.settings.language)
            screen = try NCursesScreen(forceNoColor: color.noColor || noColorEnv, language: language)
        } catch TerminalUnavailable.notATerminal(let why), TerminalUnavailable.unknownTerminal(let why) {
            printError("""
                convscope: \(why), so the interactive screen cannot start.
                To print the screen or the tensors without a terminal, use
                  convscope render --format text --size 120x40
                  convscope render --format json
                """)
            throw ExitCode(2)
        }
        var initial = graph.map { AppState(graph: $0.model, inputShape: $0.inputShape) }
            ?? model.map { AppState(model: $0) } ?? AppState(parameters: p)
        initial.environment = screen.environment
        if model != nil, stack.coverage { update(&initial, .stack(.toggleCoverage)) }
        initial.notice = saved.notice ?? (saved.session != nil ? .restored : nil)
            ?? (p.input == .generated(.notebook) ? .notebookInput : nil)
        // The palette and the theme: --cmap/--theme, else the settings file, else the restored
        // session's, else rocket and dark.
        if let session = saved.session { initial.environment.colormap = session.colormap; initial.theme = session.theme }
        settings.settings.apply(to: &initial)
        viewOptions.apply(to: &initial)
        if mouse.noMouse { initial.mouseEnabled = false }
        // The screen has the final say: a terminal without UTF-8 cannot show Cyrillic.
        initial.environment.language = screen.environment.language
        // A settings problem is news the user should see on the screen too.
        if let first = settings.warnings.first { initial.notice = .fileReport(SettingsText.statusWarning(first, more: settings.warnings.count - 1, initial.environment.language)) }
        var session = InteractiveSession(screen: screen, signals: signals, state: initial, exportFormat: exportFormat,
                                         frame: viewOptions.frame, exportDirectory: exportDirectory.absolutePath)
        let status = session.run()
        screen.stop()
        // The stack screen's panel shows a layer of the model, not the single layer's parameters.
        let ended = StateStore.Session(parameters: session.state.parameters, colormap: session.state.environment.colormap,
                                       theme: session.state.theme)
        if session.state.stack == nil, session.state.graph == nil, session.state.lesson == nil, let problem = store.save(ended) { printError("convscope: \(problem)") }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Runs the command; a usage error is one line on stderr (what is wrong and what is allowed)
/// with exit status 64, instead of ArgumentParser's multi-line usage block.
func runMain() -> Never {
    do {
        let arguments = Array(CommandLine.arguments.dropFirst())
        try checkCommandLine(arguments, of: ConvScope.self)
        var command = try ConvScope.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch {
        let code = ConvScope.exitCode(for: error)
        let message = ConvScope.message(for: error)
        // --help, --version and our own ExitCode(n) keep ArgumentParser's behaviour.
        if code == .success || message.isEmpty || error is ExitCode { ConvScope.exit(withError: error) }
        // A list of allowed values (ArgumentParser bullets six or more) joins the line.
        let folded = message.replacingOccurrences(of: ":\n  - ", with: ": ").replacingOccurrences(of: "\n  - ", with: ", ")
        var line = (folded.split(separator: "\n").first.map(String.init) ?? folded)
            .replacingOccurrences(of: "Error: ", with: "")
        if let allowed = allowedValues(for: line) { line += ": allowed \(allowed)" }
        printError("convscope: " + line + " (see convscope --help)")
        exit(code.rawValue)
    }
}

/// What a flag accepts, for ArgumentParser's "The value 'x' is invalid for '--flag <…>'" messages.
func allowedValues(for message: String) -> String? {
    guard message.hasPrefix("The value '") || message.hasPrefix("Missing value"),
          let flagStart = message.range(of: "for '--") else { return nil }
    let flag = "--" + message[flagStart.upperBound...].prefix { $0 != " " && $0 != "'" }
    if let allowed = ParameterOptions.allowed(flag: flag) { return allowed }
    switch flag {
    case "--variant": return "a whole number from 0 to \(UInt64.max)"
    case "--size": return "COLSxROWS from \(ScreenSizeArgument.minimumText) up to \(ScreenSizeArgument.limit)×\(ScreenSizeArgument.limit), e.g. 120x40"
    default: return nil
    }
}

runMain()
