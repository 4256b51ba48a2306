import ArgumentParser

/// `--no-color`, one type shared by plain `convscope` and `convscope render`. The root command
/// owns the interactive screen's options and ArgumentParser lets it read the whole command line:
/// an option group it has already decoded is handed on to the subcommand, but a flag that each
/// declared separately would be taken by the root and never reach `render`.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"),
          help: "Draw heatmaps with shade glyphs instead of colours (the interactive screen also obeys NO_COLOR=1).")
    var noColor = false
}
