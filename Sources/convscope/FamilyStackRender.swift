import ArgumentParser
import ConvCore
import ConvScopeApp
import Foundation

/// `render --layer "Conv1d(…)" --input-shape 1,C,L` (or 3-D): the stack's JSON values, its
/// --layers table, or its maps as a picture; `--causal` pads each Conv1d on the left.
extension RenderCommand {
    func renderFamilyStack() throws {
        let (layers, shape) = try familyStack()
        let dims = layers[0].dims
        let shapes = FamilyStackRun.shapes(input: shape, layers: layers, causal: family.causal)
        if stack.table {
            let bytes = Array((givenFormat == .json ? FamilyStackTable.json(layers, shapes, input: shape)
                               : FamilyStackTable.text(layers, shapes, input: shape, environment.language)).utf8)
            try withOutput { $0.write(bytes) }
            if case .failure? = shapes.last?.output { throw ExitCode(1) }
            return
        }
        try Self.checkComputable(layers, shapes)
        let input = TensorN.ramp(shape: shape)
        let run = FamilyStackRun(input: input, layers: layers, causal: family.causal)
        if format == .json {
            try withOutput { sink in
                var writer = TensorJSONWriter { sink.write($0) }
                writer.writeFamilyStack(input: input, causal: family.causal, layers: layers, outputs: run.outputs)
            }
        } else {
            let drawn = run.outputs.reduce(input.storage.count) { total, result in total + ((try? result.get())?.storage.count ?? 0) }
            guard drawn <= Self.pictureValueLimit else {
                throw ValidationError("a picture draws at most \(Self.pictureValueLimit) values; this stack's maps hold \(drawn): "
                    + "give a smaller --input-shape, or --format json for the values.")
            }
            var view = FamilyStackView(input: input, layers: layers, outputs: run.outputs, marks: try inspectedMarks(layers, run, shape),
                                       environment: environment)
            if let marks = view.marksIfAny, let cell = marks.last?.first {
                view.caption = family.causal && dims == 1
                    ? [FamilyText.causalCaption(t: cell[0], read: marks[0].map { $0[0] }.sorted(),
                                                field: cell[0] - (marks[0].map { $0[0] }.min() ?? cell[0]) + 1, environment.language)]
                    : [FamilyText.inspectCaption(cell: cell, inputCells: marks[0].count, environment.language)]
                let causalLayers = layers.compactMap { layer -> CausalConv1d? in
                    guard case let .conv(conv) = layer, conv.dims == 1, conv.stride == [1] else { return nil }
                    return CausalConv1d(channels: conv.outChannels, kernelSize: conv.kernelSize[0], dilation: conv.dilation[0])
                }
                if family.causal && causalLayers.count == layers.count {
                    view.caption.append(FamilyText.causalFields(CausalStack(causalLayers).receptiveFields,
                                                                dilations: causalLayers.map(\.dilation), environment.language))
                }
            }
            try writePicture(view.canvas(width: size.columns), flag: "--input-shape")
        }
        if case .failure? = run.outputs.last { throw ExitCode(1) }
    }

    /// The 1-D or 3-D layers (--layer or --model) and the --input-shape they run on, checked.
    func familyStack() throws -> (layers: [FamilyLayer], shape: [Int]) {
        let texts = try familyLayerTexts()
        var layers: [FamilyLayer] = []
        for (index, text) in texts.enumerated() {
            do throws(LayerParseError) {
                layers.append(try FamilyLayerParser.parse(text))
            } catch .unsupported(let name, _) {
                throw ValidationError("layer (\(index)): \(name) is not a 1-D or 3-D layer; a stack given --input-shape takes "
                    + "Conv1d, ConvTranspose1d, MaxPool1d, AvgPool1d, Conv3d, MaxPool3d and AvgPool3d (Conv2d stacks take --h-in/--w-in).")
            } catch {
                throw ValidationError("layer (\(index)): \(error.message)")
            }
        }
        guard !layers.isEmpty else { throw ValidationError("--input-shape sets a 1-D or 3-D stack's input: give its layers with --layer.") }
        let dims = layers[0].dims
        if let other = layers.first(where: { $0.dims != dims }) {
            throw ValidationError("\(other.name) in a \(dims)-D stack: every layer of one stack is 1-D or every one 3-D.")
        }
        if family.causal && dims != 1 { throw ValidationError("--causal pads sequences: give Conv1d layers and --input-shape 1,C,L.") }
        guard let shape = try family.shape() else {
            throw ValidationError("a \(dims)-D stack needs its input: --input-shape \(dims == 1 ? "1,C,L" : "1,C,D,H,W").")
        }
        guard shape.count == dims + 2 else {
            throw ValidationError("--input-shape \(family.inputShape!) has \(shape.count - 2) spatial axes; \(layers[0].name) takes "
                + (dims == 1 ? "1,C,L." : "1,C,D,H,W."))
        }
        return (layers, shape)
    }

    /// The cells `--inspect C,…` of the last output reads through the stack (with `--causal` the last
    /// position by default); none when the stack broke or nothing is inspected.
    private func inspectedMarks(_ layers: [FamilyLayer], _ run: FamilyStackRun, _ shape: [Int]) throws -> [Set<[Int]>] {
        let outputs = run.outputs.compactMap { try? $0.get() }
        guard outputs.count == layers.count, let last = outputs.last else { return [] }
        let cell: [Int]
        if let text = inspect {
            let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
            let bounds = [last.channels] + last.spatialShape
            guard numbers.count == bounds.count, zip(numbers, bounds).allSatisfy({ ($0 ?? -1) >= 0 && $0! < $1 }) else {
                throw ValidationError("--inspect \(text) is not a cell of the last output \(bounds.map(String.init).joined(separator: "×")): "
                    + "allowed C,\(shape.count == 3 ? "L" : "D,H,W") inside it.")
            }
            cell = numbers.dropFirst().map { $0! }
        } else if family.causal {
            cell = [last.shape[2] - 1]
        } else {
            return []
        }
        return FamilyStackRun.positionsRead(layers: layers, inputShape: shape, outputs: outputs, cell: cell, causal: family.causal)
    }

    /// The layer strings: --layer, or the modules of a --model print (labels and containers dropped).
    private func familyLayerTexts() throws -> [String] {
        guard let path = stack.model else { return stack.layer }
        let data: Data
        do {
            data = try path == "-" ? BoundedRead.bytes(from: .standardInput) : BoundedRead.bytes(atPath: path)
        } catch {
            throw ValidationError("--model '\(path)' cannot be read; give the file print(model)'s text is in (- reads standard input).")
        }
        guard let text = TextFileDecoding.text(data) else { throw ValidationError("--model '\(path)' is not UTF-8 text.") }
        if FxModelReader.isTracedPrint(text) {
            // A traced graph is never read as a list of its modules: its forward says what runs (relu, flatten, …).
            do throws(LayerParseError) {
                _ = try FxModelReader.read(text)
            } catch {
                throw ValidationError("--model '\(path)': \(error.message)")
            }
            throw ValidationError("--model '\(path)' is a torch.fx print of a 2-D model: it takes --h-in, --w-in and --in-channels, "
                + "not --input-shape.")
        }
        return text.split(separator: "\n").map { StackOptions.splitLabel(String($0)).text }
            .filter { !$0.isEmpty && $0 != ")" && !$0.hasSuffix("(") }
    }

    /// The most values one 1-D or 3-D map or weight may hold when values are computed.
    static let familyValueLimit = 1 << 24
    /// The most multiplications (or pooling reads) a 1-D or 3-D stack's values may take.
    static let familyWorkLimit = 2_000_000_000

    /// Refuses, in one line, a stack whose maps, weights or work are too large to compute: a
    /// transposed or wide layer can ask for billions of values from a small input.
    static func checkComputable(_ layers: [FamilyLayer], _ shapes: [(input: [Int], output: Result<[Int], FamilyError>)]) throws {
        var work = 0
        for (index, (layer, step)) in zip(layers, shapes).enumerated() {
            guard case let .success(shape) = step.output else { return }
            let largest = max(Int.saturatingProduct(of: shape), layer.parameterCount)
            if largest > familyValueLimit {
                throw ValidationError("layer (\(index)) \(layer.name) holds \(largest) values (output \(shape.map(String.init).joined(separator: "×")), "
                    + "\(layer.parameterCount) parameters), more than the \(familyValueLimit) convscope computes for a 1-D or 3-D stack; "
                    + "--layers shows its shapes.")
            }
            work = .saturatingSum(work, FamilyStackRun.work(layer, input: step.input, output: shape))
        }
        if work > familyWorkLimit {
            throw ValidationError("the stack takes \(work) multiplications, more than the \(familyWorkLimit) convscope computes "
                + "for a 1-D or 3-D stack's values; --layers shows its shapes and costs.")
        }
    }
}
