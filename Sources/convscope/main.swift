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
        let config = InteractiveConfig.resolve(viewOptions.language)
        for warning in config.warnings { printError(warning) }
        let noColorEnv = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        let signals = SignalWatcher()
        let screen: NCursesScreen
        do {
            screen = try NCursesScreen(forceNoColor: color.noColor || noColorEnv, language: config.language)
        } catch TerminalUnavailable.notATerminal(let why), TerminalUnavailable.unknownTerminal(let why) {
            printError("""
                convscope: \(why), so the interactive screen cannot start.
                To print the screen or the tensors without a terminal, use
                  convscope render --format text --size 120x40
                  convscope render --format json
                """)
            throw ExitCode(2)
        }
        var initial = AppState(parameters: p)
        initial.environment = screen.environment
        initial.notice = saved.notice ?? (saved.session != nil ? .restored : nil)
            ?? (p.input == .generated(.notebook) ? .notebookInput : nil)
        // The palette and the theme: --cmap/--theme, else the settings file, else the restored
        // session's, else rocket and dark.
        if let session = saved.session { initial.environment.colormap = session.colormap; initial.theme = session.theme }
        config.applySettings(to: &initial)
        viewOptions.apply(to: &initial)
        if mouse.noMouse { initial.mouseEnabled = false }
        // The screen has the final say: a terminal without UTF-8 cannot show Cyrillic.
        initial.environment.language = config.language(on: screen.environment)
        // A settings problem is news the user should see on the screen too.
        if let first = config.warnings.first { initial.notice = .fileReport(SettingsText.statusWarning(first, more: config.warnings.count - 1, initial.environment.language)) }
        let session = InteractiveSession(screen: screen, signals: signals, exportFormat: exportFormat,
                                         frame: viewOptions.frame, exportDirectory: exportDirectory.absolutePath)
        // The screen is chosen once: the model screen for a model (its settings the ones set up
        // above), else the course screen, whose layer is kept for the next start.
        if let opened = ModelProgram(graph: graph, model: model, settings: initial.settings) {
            var program = opened
            if model != nil, stack.coverage { program.update(.stack(.toggleCoverage)) }
            // An open lesson (a layer on the course screen) is exported as the course screen.
            let status = session.run(program) { state, maps in
                state.lesson.map { session.exportScreen($0, maps: maps) } ?? session.exportScreen(state)
            }.status
            screen.stop()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let (status, ended) = session.run(initial) { state, maps in session.exportScreen(state, maps: maps) }
        screen.stop()
        let kept = StateStore.Session(parameters: ended.parameters, colormap: ended.environment.colormap, theme: ended.theme)
        if let problem = store.save(kept) { printError("convscope: \(problem)") }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The help that lists the options of the command line's subcommand: `convscope render --help`
/// for a render flag, `convscope --help` for the interactive screen's.
func helpCommand(for arguments: ArraySlice<String>) -> String {
    let subcommands = ConvScope.configuration.subcommands.map { $0._commandName }
    guard let first = arguments.first, subcommands.contains(first) else { return "convscope --help" }
    return "convscope \(first) --help"
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
        printError("convscope: " + line + " (see \(helpCommand(for: CommandLine.arguments.dropFirst())))")
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
