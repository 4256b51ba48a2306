import ArgumentParser
import ConvCore
import ConvScopeApp

/// `render --view direct|scatter` of a ConvTranspose1d (`--input-shape 1,C,L`): the 2-D
/// explanations of the height-1 ConvTranspose2d it equals, drawn one row high.
extension RenderCommand {
    func renderTransposedSequenceView() throws {
        let (layers, shape) = try familyStack()
        let usage = "--view \(family.view!.rawValue) on a sequence explains a ConvTranspose1d: give --layer \"ConvTranspose1d(4, 2, 3, "
            + "stride=2)\" --input-shape 1,4,8, or a stack holding one, with --node naming its position"
        let candidates = layers.indices.filter { index in
            guard case let .convTranspose(t) = layers[index], t.dims == 1 else { return false }
            return family.node.map { "\(index)" == $0 } ?? true
        }
        guard let index = candidates.first, case let .convTranspose(transposed) = layers[index] else {
            throw ValidationError(usage + (family.node.map { "; --node \($0) names no ConvTranspose1d" } ?? "") + ".")
        }
        let before = Array(layers[..<index])
        let shapes = FamilyStackRun.shapes(input: shape, layers: Array(layers[...index]), causal: family.causal)
        if case let .failure(error)? = shapes.last?.output {
            printError("convscope: layer (\(shapes.count - 1)): \(error.pythonType): \(error.message)")
            throw ExitCode(1)
        }
        try Self.checkComputable(before, Array(shapes.dropLast()))
        let length = shapes[index].input[2]
        let layer = transposed.asHeightOne
        let explained = TransposedAsDirect(layer, inputHeight: 1, inputWidth: length)
        guard explained.directSize(.width) <= Self.explainedSide, explained.outputSize.w <= Self.explainedSide else {
            throw ValidationError("--view draws sequences of at most \(Self.explainedSide) cells; this ConvTranspose1d's direct input "
                + "is \(explained.directSize(.width)) long and its output \(explained.outputSize.w): give a shorter --input-shape.")
        }
        let ramp = TensorN.ramp(shape: shape)
        let input = before.isEmpty ? ramp : try FamilyStackRun(input: ramp, layers: before, causal: family.causal).outputs.last!.get()
        let out = explained.outputSize.w
        var cell = [0, 0, min(1, out - 1)]
        if let text = inspect {
            // Digits only, as for a map's cell: "-0" or "+1" is not a position.
            let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { part -> Int? in
                let digits = part.filter { $0 != " " }
                return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } ? Int(digits) : nil
            }
            guard numbers.count == 2, let o = numbers[0], let x = numbers[1], (0..<layer.outChannels).contains(o), (0..<out).contains(x) else {
                throw ValidationError("--inspect \(text) is not a cell of the ConvTranspose1d's output 1×\(layer.outChannels)×\(out): "
                    + "give o,x with o 0…\(layer.outChannels - 1) and x 0…\(out - 1).")
            }
            cell = [o, 0, x]
        }
        var view = TransposedExplanationView(explained, input: input.asHeightOneMap, weight: try transposedWeight(layer),
                                             bias: nil, cell: cell, environment: environment)
        view.writtenRepr = transposed.pytorchRepr
        try writePicture(try view.canvas(family.view!, width: size.columns), flag: "--view")
    }
}
