import ArgumentParser
import ConvCore
import Foundation

/// `render --layer/--model/--layers/--coverage`: a stack of layers said as in PyTorch.
struct StackOptions: ParsableArguments {
    @Option(name: .customLong("layer"), parsing: .unconditionalSingleValue,
            help: "A layer as in PyTorch, e.g. \"Conv2d(3, 8, 3, stride=2, padding=1)\"; repeat for a stack, in order (Cat(k) joins layer k's output).")
    var layer: [String] = []

    @Option(name: .customLong("model"), parsing: .unconditional,
            help: "A file holding what print(model) prints for an nn.Sequential (- reads standard input); a '# cat k' line joins layer k's output.")
    var model: String?

    @Flag(name: .customLong("layers"),
          help: "Print the stack as a text table: output shape, receptive field r, jump j, start, parameters, multiplications.")
    var table = false

    @Option(name: .customLong("depth"), help: "With --layers of a torch.fx print: fold every module below this depth of its qualified name into one row with subtotals (torchinfo's depth).")
    var depth: Int?

    @Flag(name: .long, help: "How many windows read each input cell (ConvTranspose2d: how many input cells write each output cell).")
    var coverage = false

    /// True when render should draw a stack (or a single layer as one) instead of the screen.
    var isActive: Bool { hasStack || table || coverage }

    /// True when the layers come from --layer or --model rather than the single-layer flags.
    var hasStack: Bool { !layer.isEmpty || model != nil }

    func validate() throws {
        if !layer.isEmpty && model != nil {
            throw ValidationError("--layer and --model both given; give the layers one way: --layer strings or a --model file.")
        }
        if let model, model.isEmpty { throw ValidationError("--model needs a file name (or - for standard input).") }
        if let depth, !(1...32).contains(depth) { throw ValidationError("--depth \(depth) is out of range: allowed 1…32.") }
        if depth != nil && !table { throw ValidationError("--depth folds the rows of --layers: give --layers too.") }
    }

    /// What the layer strings or the model file say, or why PyTorch refuses to build one of them.
    enum Parsed {
        /// The layers with their names: print(model)'s for --model, positions for --layer.
        case layers(PrintedModel)
        /// A `print(torch.fx.symbolic_trace(model))`: its forward's nodes, branches and joins.
        case graph(Model)
        /// PyTorch's ValueError while building a layer (`nn.Conv2d(4, 6, 3, groups=4)`): at
        /// 0-based `layer` of the --layer strings, or at 1-based `line` of the model file.
        case refused(error: StackLayerError, text: String, layer: Int?, line: Int?)
    }

    /// Parses --layer strings or the --model file; a syntax error or an unsupported module is a
    /// usage error (one line), a file that cannot be read exits 1.
    func parse() throws -> Parsed {
        if let model { return try parseModel(model) }
        var layers: [StackLayer] = []
        var refusal: Parsed?
        for (index, text) in layer.enumerated() {
            do throws(LayerParseError) {
                layers.append(try LayerParser.parse(text))
            } catch let .construction(text, error) {
                refusal = refusal ?? .refused(error: error, text: text, layer: index, line: nil)
            } catch .unsupported {
                throw ValidationError("--layer: " + Self.unsupportedMessage(layer.enumerated().map { ("\($0)", $1) }))
            } catch {
                throw ValidationError("--layer (\(index)): \(error.message)")
            }
        }
        return refusal ?? .layers(PrintedModel(positional: layers))
    }

    private func parseModel(_ path: String) throws -> Parsed {
        let data: Data
        do {
            data = try path == "-" ? BoundedRead.bytes(from: .standardInput) : BoundedRead.bytes(atPath: path)
        } catch {
            // A file that cannot be read is a usage error (64), as for --input and exercise FILE.
            var info = stat()
            let why = path != "-" && stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? "is a directory"
                : path == "-" || FileManager.default.fileExists(atPath: path) ? error.reason : "does not exist"
            throw ValidationError("--model '\(path)' \(why); give the file print(model)'s text is in (- reads standard input)")
        }
        guard let text = TextFileDecoding.text(data) else {
            throw ValidationError("--model '\(path)' is not UTF-8 text: paste what print(model) prints.")
        }
        if FxModelReader.isTracedPrint(text) {
            do throws(LayerParseError) {
                return .graph(try FxModelReader.read(text))
            } catch {
                throw ValidationError("--model '\(path)': \(Self.fxMessage(error))")
            }
        }
        do throws(LayerParseError) {
            let printed = try ModelParser.read(text)
            Self.sayAssumptions(printed)
            return .layers(printed)
        } catch let .line(number, .construction(text, error)) {
            return .refused(error: error, text: text, layer: nil, line: number)
        } catch .line(_, .unsupported) {
            var containers: [String?] = [], lines: [(label: String?, text: String)] = []
            for line in text.split(separator: "\n").map({ Self.splitLabel(String($0)) }) {
                if line.text == ")" { _ = containers.popLast(); continue }
                if line.text.hasSuffix("(") { containers.append(line.label); continue }
                let path = (containers + [line.label]).compactMap { $0 }.joined(separator: ".")
                lines.append((path.isEmpty ? nil : path, line.text))
            }
            throw ValidationError("--model '\(path)': " + Self.unsupportedMessage(lines))
        } catch {
            throw ValidationError("--model '\(path)': \(error.message)")
        }
    }

    /// Every unsupported module among the (label, text) lines named in one line, so a pasted
    /// model shows all that must go, not only the first.
    static func unsupportedMessage(_ lines: [(label: String?, text: String)]) -> String {
        var names: [String] = []
        var allowed = ""
        for (label, text) in lines {
            do throws(LayerParseError) { _ = try LayerParser.parse(text) } catch let .unsupported(name, _) {
                names.append(name + (label.map { " at (\($0))" } ?? ""))
                allowed = LayerParseError.unsupported(name: name, label: nil).message
                    .components(separatedBy: " is not supported: ").last ?? ""
            } catch {}
        }
        // 1-D and 3-D layers are drawn, by their own path: say how to reach it (the interactive
        // screen has no --input-shape; a lone Conv1d is also a layer kind of the course screen).
        let family = lines.contains { FamilyLayerParser.names($0.text) }
            ? "; Conv1d, ConvTranspose1d, Conv3d and their pools run in `convscope render` with --input-shape 1,C,L "
                + "or 1,C,D,H,W, and one Conv1d on the course screen with --layer-kind Conv1d" : ""
        return names.joined(separator: ", ") + (names.count == 1 ? " is" : " are") + " not supported: " + allowed + family
    }

    /// A traced print's problem; an unsupported module names what a traced forward may call.
    static func fxMessage(_ error: LayerParseError) -> String {
        guard case let .unsupported(name, _) = error else { return error.message }
        return "\(name) is not supported in a traced forward: convscope follows Conv2d, ConvTranspose2d, MaxPool2d, AvgPool2d, "
            + "AdaptiveAvgPool2d, AdaptiveMaxPool2d, BatchNorm2d, Linear, Flatten, Dropout, Identity and the activations "
            + "(ReLU, ReLU6, LeakyReLU, SiLU, GELU, Hardswish, Hardsigmoid, Sigmoid, Tanh, Mish, ELU)"
    }

    /// One line on standard error per layer whose print hid arguments convscope had to assume.
    static func sayAssumptions(_ model: PrintedModel) {
        for (index, hidden) in model.assumed.enumerated() where !hidden.isEmpty {
            printError("convscope: " + PrintedDefaults.note(module: model.layers[index].name, name: model.names[index], hidden))
        }
    }

    /// `  (2): Linear(…)` → ("2", "Linear(…)"); the label is print(model)'s name for the module.
    static func splitLabel(_ line: String) -> (label: String?, text: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("("), let close = trimmed.range(of: "): ") else { return (nil, trimmed) }
        return (String(trimmed[trimmed.index(after: trimmed.startIndex)..<close.lowerBound]),
                String(trimmed[close.upperBound...]))
    }
}

extension StackOptions {
    /// The one line that names a layer PyTorch refuses to build, as `render` prints it.
    static func refusalLine(_ error: StackLayerError, text: String, layer: Int?, line: Int?) -> String {
        let place = layer.map { "layer (\($0))" } ?? "line \(line ?? 0)"
        return "convscope: \(place): \(text): \(error.pythonType): \(error.message)"
    }

    /// With --layer or --model, the single layer's own flags (kernel, padding, …) make no sense:
    /// one line naming the flag and what to write instead. --h-in, --w-in and --in-channels set the input.
    func checkNoSingleLayerFlags(_ parameters: ParameterOptions) throws {
        // --layers and --coverage alone draw the sliders' layer as a one-layer stack of the ramp.
        if !hasStack, isActive, let (flag, _) = parameters.given.first(where: { !$0.flag.rows.allSatisfy(\.isGeometry) }) {
            throw ValidationError("\(flag.flag) is not part of the one-layer stack \(table ? "--layers" : "--coverage") draws "
                + "from the sliders' flags; give the layer with --layer, e.g. \"Conv2d(3, 2, 3, padding_mode='reflect')\".")
        }
        guard hasStack else { return }
        let input: Set<ParameterID> = [.hIn, .wIn, .inChannels]
        guard let (flag, _) = parameters.given.first(where: { !Set($0.flag.rows).isSubset(of: input) }) else { return }
        if flag.rows.allSatisfy({ $0.spec.pytorchArgument != nil }) {
            throw ValidationError("\(flag.flag) sets the single layer's parameters; with --layer or --model write them "
                + "in the layer string, e.g. \"Conv2d(3, 8, kernel_size=3, stride=2)\" (--h-in, --w-in and "
                + "--in-channels set the input).")
        }
        throw ValidationError("\(flag.flag) sets the single layer's \(flag.row?.name ?? flag.name); a stack of --layer or "
            + "--model does not take it (--h-in, --w-in and --in-channels set its input).")
    }

    /// The model the interactive screen opens on, or nil without --layer and --model (the
    /// single-layer screen). --h-in, --w-in and --in-channels set its input, the channels
    /// defaulting to what the first layer expects; a layer that does not parse or build is one
    /// line and exit status 64.
    func interactiveModel(_ parameters: ParameterOptions) throws -> Model? {
        if table {
            throw ValidationError("--layers prints a table, which the interactive screen does not: use convscope render --layers.")
        }
        try checkNoSingleLayerFlags(parameters)
        if model == "-" {
            throw ValidationError("--model - reads standard input, which the interactive screen needs for keys: give a file, "
                + "or print with convscope render --model -.")
        }
        guard hasStack else {
            if coverage { throw ValidationError("--coverage opens the coverage map of a stack: give --layer or --model too.") }
            return nil
        }
        switch try parse() {
        case let .layers(printed):
            let (given, channels) = try parameters.modelInput()
            let shape = [1, channels ?? Model.expectedChannels(printed.layers) ?? given.inChannels, given.hIn, given.wIn]
            return model == nil ? Model(inputShape: shape, layers: printed.layers) : Model(inputShape: shape, printed: printed)
        case let .refused(error, text, layer, line):
            printError(Self.refusalLine(error, text: text, layer: layer, line: line))
            throw ExitCode(64)
        case .graph:
            throw ValidationError("--model holds a torch.fx print: convscope render --layers traces it (text or "
                + "--format json); the model screen opens print(model) of an nn.Sequential.")
        }
    }
}
