import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --layer/--model/--layers/--coverage`: a stack (or the single layer of the parameter
/// flags, as a one-layer stack) as JSON values, a trace table or coverage grids.
extension RenderCommand {
    func renderStack() throws {
        try checkStackFlags()
        let printed: PrintedModel
        if stack.hasStack {
            switch try stack.parse() {
            case let .layers(parsed):
                if stack.depth != nil {
                    throw ValidationError("--depth folds the blocks of a torch.fx print's table; print(model) of an "
                        + "nn.Sequential lists each layer.")
                }
                printed = parsed
            case let .graph(model): return try renderGraph(model)
            case let .refused(error, text, layer, line):
                try reportRefusal(error, text: text, layer: layer, line: line)
                throw ExitCode(1)
            }
        } else {
            if stack.depth != nil { throw ValidationError("--depth folds the blocks of a torch.fx print's table (--model FILE).") }
            printed = PrintedModel(positional: Model.singleConv2d(try parameters.apply(to: Conv2dSettings(), readingFiles: false, checkingKind: false)).layers)
        }
        let layers = printed.layers
        // The input is the course notebook's ramp; its channels default to what the first layer expects.
        let (sizes, channels) = try parameters.modelInput()
        var input = sizes
        input.inChannels = channels ?? Model.expectedChannels(layers) ?? sizes.inChannels
        // Shapes alone allocate no tensor: the trace needs the input's shape only.
        let trace = StackTrace(inputShape: input.inputShape, layers: layers, names: printed.names)
        let unicode = !ascii
        if stack.coverage || (!stack.table && format == .json) {
            try Self.checkComputable(trace, values: !stack.coverage)
        }
        if stack.table && givenFormat == .json {
            try withOutput { sink in
                var writer = StackJSONWriter { sink.write($0) }
                writer.writeTable(trace, assumed: printed.assumed)
            }
        } else if stack.table || format == .text {
            let language = viewOptions.language.language
            var text = stack.coverage && !stack.table ? ""
                : StackTable.text(trace, assumed: printed.assumed, unicode: unicode, language: language)
            if stack.coverage { text += (text.isEmpty ? "" : "\n") + CoverageText.text(trace, unicode: unicode, language: language) }
            let bytes = Array(text.utf8)
            try withOutput { $0.write(bytes) }
        } else if stack.coverage {
            try withOutput { sink in
                var writer = StackJSONWriter { sink.write($0) }
                writer.writeCoverage(trace)
            }
        } else {
            try writeStackValues(InputSource.rampX.makeInput(input), trace) { Model.notebookWeights(layers[$0]) }
        }
        if trace.failure != nil { throw ExitCode(1) }
    }

    /// A traced forward: its table, as text or JSON; maps and coverage take nn.Sequential prints.
    private func renderGraph(_ model: Model) throws {
        let values = !stack.table && format == .json && !stack.coverage
        guard stack.table || values else {
            throw ValidationError("--model holds a torch.fx print: add --layers for its table (text or --format json), "
                + "or --format json for every node's values; coverage and pictures take print(model) of an nn.Sequential.")
        }
        let (sizes, channels) = try parameters.modelInput()
        // --input-shape sets a traced 1-D or 3-D model's input; --h-in, --w-in and --in-channels a 2-D one's.
        let given = try family.shape()
        if let name = stack.model, (given != nil) != model.nodes.contains(where: { if case .family = $0.operation { true } else { false } }) {
            throw ValidationError(given != nil ? "--model '\(name)' is a torch.fx print of a 2-D model: it takes --h-in, --w-in and --in-channels, not --input-shape."
                                  : "--model '\(name)' is a torch.fx print of a 1-D or 3-D model: give its input with --input-shape 1,C,L or 1,C,D,H,W.")
        }
        let shape = given ?? [1, channels ?? model.firstChannels ?? sizes.inChannels, sizes.hIn, sizes.wIn]
        let trace = GraphTrace(model, inputShape: shape)
        if values {
            try renderGraphValues(model, trace)
        } else if givenFormat == .json {
            if stack.depth != nil { throw ValidationError("--depth folds the text table; --format json lists every node.") }
            try withOutput { sink in
                var writer = StackJSONWriter { sink.write($0) }
                writer.writeGraphTable(trace)
            }
        } else {
            let text = GraphTable.text(trace, depth: stack.depth, unicode: !ascii, language: viewOptions.language.language)
            let bytes = Array(text.utf8)
            try withOutput { $0.write(bytes) }
        }
        if trace.failure != nil { throw ExitCode(1) }
    }

    /// The stack's values as JSON, layer by layer: each output and its weights (`weights(index)`)
    /// are written, then freed (a Cat's skip is kept).
    func writeStackValues(_ ramp: Tensor4, _ trace: StackTrace, weights layerWeights: (Int) -> LayerWeights?) throws {
        try withOutput { sink in
            var writer = StackJSONWriter { sink.write($0) }
            writer.write(input: ramp, trace: trace) { each in
                var weights: LayerWeights?
                StackForward.stream(input: ramp, trace: trace, weights: { index in
                    weights = layerWeights(index)
                    return weights
                }) { index, output in each(index, output, weights) }
            }
        }
    }

    /// The most values one map may hold when its values or coverage are printed: the single
    /// layer's largest input, 64×1024×1024. Shapes alone (`--layers`) have no such limit.
    static let mapValueLimit = 64 * 1024 * 1024
    /// The most multiplications a stack's values may take (minutes, not hours, on two cores).
    static let multiplicationLimit = 100_000_000_000

    /// Refuses, in one line, a stack whose maps or work are too large to compute and print: a
    /// transposed convolution can make a map of billions of values from a small input.
    static func checkComputable(_ trace: StackTrace, values: Bool) throws {
        for (index, layer) in trace.layers.enumerated() {
            for shape in [layer.inputShape, layer.outputShape].compactMap({ $0 })
            where StackTrace.elementCount(shape) > mapValueLimit {
                throw ValidationError("layer (\(trace.names[index])) makes a map of \(shape.map(String.init).joined(separator: "×")), "
                    + "more than the \(mapValueLimit) values (64×1024×1024) convscope computes and prints; "
                    + "--layers shows its shapes.")
            }
        }
        if values && trace.totalParameters > StackLimits.weightsComputed {
            throw ValidationError("the stack has \(trace.totalParameters) weights, more than the \(StackLimits.weightsComputed) "
                + "convscope builds to compute its values; --layers shows its shapes and costs.")
        }
        let work = trace.notebookWork
        if values && work > multiplicationLimit {
            throw ValidationError("the stack takes \(work) multiplications, more than the \(multiplicationLimit) "
                + "convscope computes for its values; --layers shows its shapes and costs.")
        }
    }

    /// PyTorch's ValueError while building a layer: `{"error", "layer"}` on stdout for JSON, else one line.
    private func reportRefusal(_ error: StackLayerError, text: String, layer: Int?, line: Int?) throws {
        if format == .json && !stack.table && !stack.coverage {
            try withOutput { sink in
                var writer = StackJSONWriter { sink.write($0) }
                writer.writeConstructionError(error, layer: layer, line: line)
            }
        } else {
            printError(StackOptions.refusalLine(error, text: text, layer: layer, line: line))
        }
    }

    /// Flags that make no sense with a stack: one line naming the flag and what to do instead.
    private func checkStackFlags() throws {
        try stack.checkNoSingleLayerFlags(parameters)
        let screenFlags: [(String, Bool)] = [("--inspect", inspect != nil), ("--inspect-input", inspectInput != nil),
                                             ("--panel", panel != nil), ("--padded", padded),
                                             ("--weights", viewOptions.weights != WeightsChoice.auto.rawValue)]
        let option = stack.hasStack ? (stack.layer.isEmpty ? "--model" : "--layer")
            : (stack.table ? "--layers" : "--coverage")
        if let flag = screenFlags.first(where: \.1)?.0 {
            throw ValidationError("\(flag) draws on the screen, which \(option) does not print: it prints json or text.")
        }
        if format != .json && format != .text {
            throw ValidationError("--format \(format.rawValue) with \(option): allowed json or text.")
        }
    }
}
