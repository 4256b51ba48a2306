import ArgumentParser

/// The root command; `render` paints without a terminal.
struct ConvScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convscope",
        abstract: "See nn.Conv2d: input and output feature maps as annotated heatmaps.",
        subcommands: [RenderCommand.self])
}

ConvScope.main()
