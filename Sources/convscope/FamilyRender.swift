import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --view`, `--flip` and 1-D/3-D stacks (`--input-shape`, `--causal`).
extension RenderCommand {
    func renderFamily() throws {
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
        let before = Array(printed.layers[...index])
        let run = StackForward.run(input: InputPattern.ramp.makeInput(p), layers: before, weights: before.map(Model.notebookWeights),
                                   names: Array(printed.names[...index]))
        if let failure = run.trace.failure {
            printError("convscope: layer (\(run.trace.names[failure.index])): \(failure.error.pythonType): \(failure.error.message)")
            throw ExitCode(1)
        }
        let input = index == 0 ? InputPattern.ramp.makeInput(p) : run.outputs[index - 1]!
        let explained = TransposedAsDirect(layer, inputHeight: input.shape[2], inputWidth: input.shape[3])
        let out = explained.outputSize
        let cell = try inspect.map {
            let c = try Self.parseCell($0, flag: "--inspect", shape: [layer.outChannels, out.h, out.w], what: "output")
            return [c.channel, c.y, c.x]
        } ?? [0, min(1, out.h - 1), min(1, out.w - 1)]
        let view = TransposedExplanationView(explained, input: input, weight: try transposedWeight(layer),
                                             bias: nil, cell: cell, environment: environment)
        try writePicture(try view.canvas(family.view!, width: size.columns), flag: "--view")
    }

    /// The --kernel preset laid out as a transposed weight [C_in, C_out/g, kH, kW] (all ones without it).
    private func transposedWeight(_ layer: ConvTranspose2dLayer) throws -> Tensor4 {
        guard let word = parameters.words[ParameterID.kernel.spec.flagName] else {
            return Tensor4(shape: layer.weightShape, repeating: 1)
        }
        guard let preset = KernelPreset(argument: word) else {
            throw ValidationError("--kernel \(word) with --view: allowed a preset, "
                + KernelPreset.all.map(\.argument).joined(separator: ", ") + ".")
        }
        var p = ConvParameters()
        p.outChannels = layer.inChannels; p.inChannels = layer.outChannels
        p.kernelSizeH = layer.kernelSize.h; p.kernelSizeW = layer.kernelSize.w
        return preset.makeWeights(Conv2dSpec(p, groups: layer.groups))
    }

    private func renderFlip() throws {
        if stack.hasStack { throw ValidationError("--flip flips the single layer's kernel: give its flags (--kernel sobel-x), not --layer.") }
        let settings = try parameters.apply(to: Conv2dSettings())
        let experiment = try ConvExperiment(settings)
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
        let view = TrueConvolutionView(weights: experiment.weights, correlation: correlation, convolution: convolution,
                                       environment: environment)
        try writePicture(view.canvas(width: size.columns), flag: "--flip")
    }
}
