import ConvCore

/// The map groups the selected row shows (each a `StackMapSource`: a node's input or output, a
/// Linear's weights, or the effective receptive field over the model's input), in bands top to bottom, side by side within a band.
enum GraphMaps {
    /// A shape as [1, C, H, W]: height and width its last two axes (a vector is one row), the rest folded into C.
    static func four(_ shape: [Int]) -> [Int] {
        let h = shape.count >= 2 ? shape[shape.count - 2] : 1, w = shape.last ?? 1
        return [1, shape.dropLast(2).reduce(1, *), h, w]
    }

    /// `tensor` as maps, each scaled to its own maximum (the model's input to the ramp's length).
    static func source(_ section: MapSection, title: String, subtitle: String, shape: [Int], tensor: GraphTensor?,
                       fixedMax: Float? = nil, counts: Bool = false) -> StackMapSource {
        let four = four(shape)
        let t = tensor.map { Tensor4(shape: four, storage: $0.storage) }
        // One scan for the channels' maxima and the widest value (fc's 2 million weights at End).
        let summary = t.map(MapValueSummary.init)
        let scales = summary.map { s in fixedMax.map { Array(repeating: $0, count: four[1]) } ?? s.channelMax } ?? []
        return StackMapSource(section: section, title: title, subtitle: subtitle, shape: four, tensor: t, scaleMax: scales,
                              counts: counts, summary: summary)
    }

    /// The bands for the graph screen's state: the inputs side by side over the output; a Linear's
    /// input vector, weights and output vector; in the field view, the effective receptive field
    /// over the model's input above the output.
    static func bands(_ s: GraphScreenState, text: GraphScreenText) -> [[StackMapSource]] {
        let step = s.outputStep
        func named(_ name: String) -> String {
            if name == s.model.inputName { return text.modelInput }
            let node = s.trace.steps.first { $0.node.name == name }?.node
            return node.map { $0.module != nil ? $0.target : $0.name } ?? name
        }
        func shape(of name: String) -> [Int]? {
            name == s.model.inputName ? s.trace.inputShape : s.trace.steps.first { $0.node.name == name }?.outputShape
        }
        let inputMax = Float(s.trace.inputShape[3])
        // Side by side the header is short: a join's inputs lead with their names.
        let join = s.inputNames.count > 1
        func input(_ name: String) -> StackMapSource? {
            guard let shape = shape(of: name) else { return nil }
            return source(.input, title: join ? named(name) + " " + text.shape(shape) : text.inputTitle(shape),
                          subtitle: join ? text.inputWord : named(name), shape: shape, tensor: s.tensor(name),
                          fixedMax: name == s.model.inputName ? inputMax : nil)
        }
        var outputs: [StackMapSource] = []
        if let shape = step.outputShape {
            outputs = [source(.output, title: text.outputTitle(shape), subtitle: named(step.node.name), shape: shape,
                              tensor: s.tensor(step.node.name))]
        } else if case let .tensors(parts)? = s.values[step.node.name] {
            outputs = parts.enumerated().map { k, part in
                source(.output, title: text.outputTitle(part.shape), subtitle: "\(step.node.name)[\(k)]", shape: part.shape, tensor: part)
            }
        }
        if s.fieldView, let erf = s.effectiveField {
            let h = erf.count, w = erf.first?.count ?? 0
            let values = erf.flatMap { $0.map(Float.init) }
            let field = StackMapSource(section: .input, title: text.fieldTitle(h, w), subtitle: text.modelInput,
                                       shape: [1, 1, h, w], tensor: Tensor4(shape: [1, 1, h, w], storage: values),
                                       scaleMax: [values.max() ?? 0], counts: true)
            return [[field], outputs]
        }
        // The field is being counted behind the screen: the output alone until it arrives.
        if s.fieldView, s.pending?.field != nil { return [outputs] }
        let inputs = s.inputNames.compactMap(input)
        if s.selectedEntry.steps.count == 1, case let .linear(i, o, _) = step.node.operation {
            let ones = GraphTensor(shape: [o, i], storage: Array(repeating: 1, count: i * o))
            let weights = source(.kernel, title: text.weightsTitle(o, i), subtitle: step.node.target, shape: [o, i], tensor: ones)
            return [inputs, [weights], outputs].filter { !$0.isEmpty }
        }
        return [inputs, outputs].filter { !$0.isEmpty }
    }
}
