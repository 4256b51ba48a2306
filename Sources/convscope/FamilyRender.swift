import ArgumentParser
import ConvCore
import ConvScopeApp
import ConvScopeRuntime

/// `render --view`, `--flip` and 1-D/3-D stacks (`--input-shape`, `--causal`).
extension RenderCommand {
    func renderFamily() throws {
        // A torch.fx print with --input-shape is traced as a graph, never read as a list of its modules.
        if family.view == nil, !family.flip, stack.model != nil, case .graph? = try? stack.parse() { return try renderStack() }
        if family.view != nil { return try renderTransposedView() }
        if family.flip { return try renderFlip() }
        try renderFamilyStack()
    }

    /// Writes a canvas in the picture format asked for; json is refused with what is allowed.
    func writePicture(_ canvas: Canvas, flag: String) throws {
        guard let exportFormat = ExportFormat(rawValue: format.rawValue), givenFormat != nil || format != .json else {
            throw ValidationError("\(flag) draws a picture: give --format text, ansi, svg or html.")
        }
        let bytes = Array(exportFormat.export(canvas, theme: viewOptions.theme ?? .dark, language: environment.language).utf8)
        try withOutput { $0.write(bytes) }
    }

    private func renderTransposedView() throws {
        if family.inputShape != nil || stack.layer.contains(where: FamilyLayerParser.names) { return try renderTransposedSequenceView() }
        let usage = "--view \(family.view!.rawValue) explains a ConvTranspose2d: give --layer \"ConvTranspose2d(8, 4, 3, stride=2, "
            + "padding=1, output_padding=1)\", or a stack (--layer strings or --model) holding one, with --node naming it"
        guard stack.hasStack, case let .layers(printed) = try stack.parse() else { throw ValidationError(usage + ".") }
        let candidates = printed.layers.indices.filter { index in
            if case .convTranspose2d = printed.layers[index] { return family.node.map { printed.names[index] == $0 } ?? true }
            return false
        }
        guard let index = candidates.first, case let .convTranspose2d(layer) = printed.layers[index] else {
            throw ValidationError(usage + (family.node.map { "; --node \($0) names no ConvTranspose2d" } ?? "") + ".")
        }
        // The node's input: the model's ramp run through the layers before it (the notebook's weights).
        let (sizes, channels) = try parameters.modelInput()
        var p = sizes
        p.inChannels = channels ?? (index == 0 ? layer.inChannels : Model.expectedChannels(printed.layers) ?? sizes.inChannels)
        // Shapes through the node first (PyTorch's message if it breaks), then values up to its input only.
        let trace = StackTrace(inputShape: p.inputShape, layers: Array(printed.layers[...index]), names: Array(printed.names[...index]))
        if let failure = trace.failure {
            printError("convscope: layer (\(trace.names[failure.index])): \(failure.error.pythonType): \(failure.error.message)")
            throw ExitCode(1)
        }
        let nodeInput = trace.layers[index].inputShape!
        let explained = TransposedAsDirect(layer, inputHeight: nodeInput[2], inputWidth: nodeInput[3])
        let drawn = [explained.directSize(.height), explained.directSize(.width), explained.outputSize.h, explained.outputSize.w]
        guard drawn.allSatisfy({ $0 <= Self.explainedSide }) else {
            throw ValidationError("--view draws maps of at most \(Self.explainedSide)×\(Self.explainedSide) cells; this ConvTranspose2d's "
                + "direct input is \(drawn[0])×\(drawn[1]) and its output \(drawn[2])×\(drawn[3]): give a smaller input (--h-in, --w-in).")
        }
        let before = Array(printed.layers[..<index])
        try Self.checkComputable(trace, values: true)
        let terms = Int.saturatingProduct(layer.inChannels / layer.groups, layer.kernelSize.h, layer.kernelSize.w)
        guard terms <= Self.pictureValueLimit else {
            throw ValidationError("--view writes out one output cell's sum; this ConvTranspose2d's has \(terms) terms, more than the "
                + "\(Self.pictureValueLimit) it writes: give fewer channels per group or a smaller kernel.")
        }
        let ramp = InputSource.rampX.makeInput(p)
        let input = before.isEmpty ? ramp
            : StackForward.run(input: ramp, layers: before, weights: before.map(Model.notebookWeights)).outputs.last!!
        let out = explained.outputSize
        let cell = try inspect.map {
            let c = try Self.parseCell($0, flag: "--inspect", shape: [layer.outChannels, out.h, out.w], what: "output")
            return [c.channel, c.y, c.x]
        } ?? [0, min(1, out.h - 1), min(1, out.w - 1)]
        if animatesView { return try renderTransposedAnimation(explained, input: input, weight: try transposedWeight(layer)) }
        let view = TransposedExplanationView(explained, input: input, weight: try transposedWeight(layer),
                                             bias: nil, cell: cell, environment: environment)
        try writePicture(try view.canvas(family.view!, width: size.columns), flag: "--view")
    }

    /// The longest side of a map `--view` draws.
    static let explainedSide = 64
    /// The most values a family picture draws (a terminal page holds far fewer).
    static let pictureValueLimit = 1 << 16

    /// --kernel as the node's transposed weight [C_in, C_out/g, kH, kW] (all ones without it), from
    /// the sources the course screen's ConvTranspose2d takes: a preset, or a kernel file read as
    /// `Conv2dSettings.transposedWeight` reads it (a 4-D weight, or a (kH, kW) filter on the diagonal).
    func transposedWeight(_ layer: ConvTranspose2dLayer) throws -> Tensor4 {
        guard let word = parameters.words[ParameterID.kernel.spec.flagName] else {
            return Tensor4(shape: layer.weightShape, repeating: 1)
        }
        guard let preset = KernelPreset(argument: word) else {
            let file = try InputFileLoader.kernel(word)
            guard let weight = Conv2dSettings.transposedWeight(file, weight: layer.weightShape) else {
                throw ValidationError(ParameterOptions.transposedKernelProblem(word, shape: file.shape, weight: layer.weightShape)
                    + ", or a preset: " + KernelPreset.all.map(\.argument).joined(separator: ", ") + ".")
            }
            return weight
        }
        var p = ConvParameters()
        p.outChannels = layer.inChannels; p.inChannels = layer.outChannels
        p.kernelSizeH = layer.kernelSize.h; p.kernelSizeW = layer.kernelSize.w
        return preset.makeWeights(Conv2dSpec(p, groups: layer.groups))
    }

    private func renderFlip() throws {
        if stack.hasStack { return try renderFlippedStack() }
        let settings = try parameters.apply(to: Conv2dSettings())
        if settings.layerKind != .conv2d {
            throw ValidationError("--flip shows a Conv2d's true convolution; the layer_kind row is \(settings.layerKind.rawValue): "
                                  + "give --layer-kind Conv2d or leave --flip out.")
        }
        let experiment = try Engine().computeNow(settings).experiment
        let spec = settings.spec
        let correlation: Tensor4
        switch experiment.output {
        case let .success(maps): correlation = maps.tensor
        case let .failure(error):
            printError("convscope: \(error.pythonType): \(error.message)")
            throw ExitCode(1)
        }
        let convolution = try TrueConvolution.run(input: experiment.input.tensor, weights: experiment.weights,
                                                  bias: spec.biasVector, spec: spec)
        if format == .json {
            try withOutput { sink in
                var writer = TensorJSONWriter { sink.write($0) }
                writer.writeFlip(note: FamilyText.flipNote(environment.language), correlation: correlation, convolution: convolution)
            }
            return
        }
        guard correlation.storage.count <= Self.pictureValueLimit else {
            throw ValidationError("--flip draws at most \(Self.pictureValueLimit) output values as a picture; this output has "
                + "\(correlation.storage.count): give a smaller layer, or --format json for the values.")
        }
        let view = TrueConvolutionView(weights: experiment.weights, correlation: correlation, convolution: convolution,
                                       environment: environment)
        try writePicture(view.canvas(width: size.columns), flag: "--flip")
    }
}
