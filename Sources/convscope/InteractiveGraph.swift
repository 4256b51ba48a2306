import ArgumentParser
import ConvCore
import ConvScopeApp
import Foundation

extension StackOptions {
    /// The traced forward the interactive screen opens on, with its input shape, when --model
    /// holds `print(torch.fx.symbolic_trace(model))`; nil for anything else. `--model -` reads it
    /// from standard input and then takes the keys from the terminal (/dev/tty).
    func interactiveGraph(_ parameters: ParameterOptions) throws -> (model: Model, inputShape: [Int])? {
        guard let path = model, !table else { return nil }
        try checkNoSingleLayerFlags(parameters)
        guard case let .graph(graph) = try parse() else {
            if path == "-" {
                throw ValidationError("--model - opens a torch.fx print on the screen; print(model) of an nn.Sequential needs a "
                    + "file there, or print it with convscope render --model -.")
            }
            return nil
        }
        if coverage {
            throw ValidationError("--coverage opens the coverage map of print(model) of an nn.Sequential; a torch.fx print's "
                + "screen shows each node's field with R.")
        }
        let (sizes, channels) = try parameters.modelInput()
        let shape = [1, channels ?? graph.firstChannels ?? sizes.inChannels, sizes.hIn, sizes.wIn]
        if path == "-", isatty(0) == 0 {
            // The model came through the pipe; the keys come from the terminal.
            let tty = open("/dev/tty", O_RDWR)
            guard tty >= 0 else {
                throw ValidationError("--model - read the model from standard input and no terminal (/dev/tty) is left for "
                    + "keys: save the print to a file and give its name.")
            }
            dup2(tty, 0)
            close(tty)
        }
        return (graph, shape)
    }
}

extension ModelProgram {
    /// The model screen for a traced graph, else for a model of layers, with `settings`; nil
    /// when the command line names neither (the course screen is chosen).
    init?(graph: (model: Model, inputShape: [Int])?, model: Model?, settings: ScreenSettings) {
        if let graph {
            self.init(graph: graph.model, inputShape: graph.inputShape)
        } else if let model {
            self.init(model: model)
        } else {
            return nil
        }
        self.settings = settings
    }
}
