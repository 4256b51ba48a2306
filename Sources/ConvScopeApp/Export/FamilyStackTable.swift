import ConvCore

/// `render --layers` of a 1-D or 3-D stack: each layer's repr, output shape (or PyTorch's
/// exception), parameters and multiplications, then the totals; as text in the user's language,
/// or as JSON.
public enum FamilyStackTable {
    /// Each layer's input shape and its output or PyTorch's error, as `FamilyStackRun.shapes` gives them.
    public typealias Steps = [(input: [Int], output: Result<[Int], FamilyError>)]

    /// The table as text in `l`.
    public static func text(_ layers: [FamilyLayer], _ steps: Steps, input: [Int], _ l: Language) -> String {
        let shape = { (s: [Int]) in s.map(String.init).joined(separator: "×") }
        var rows = [l.pick("input  ", "вход  ") + shape(input)]
        var parameters = 0, multiplications = 0
        var last = input
        for (index, (layer, step)) in zip(layers, steps).enumerated() {
            switch step.output {
            case let .success(output):
                let mults = layer.multiplications(input: step.input, output: output)
                parameters = .saturatingSum(parameters, layer.parameterCount)
                multiplications = .saturatingSum(multiplications, mults)
                last = output
                rows.append("(\(index)) \(layer.pytorchRepr)  →  \(shape(output))  " + l.pick("params", "парам.") + " \(layer.parameterCount)  "
                            + l.pick("mults", "умнож.") + " \(mults)")
            case let .failure(error):
                rows.append("(\(index)) \(layer.pytorchRepr)  →  \(error.pythonType): \(error.message)")
                return rows.joined(separator: "\n") + "\n"
            }
        }
        rows.append(StackWords.total(l, parameters: parameters, multiplications: multiplications) + StackWords.output(l, shape(last)))
        return rows.joined(separator: "\n") + "\n"
    }

    /// The table as JSON: `{"input_shape", "layers": [{"layer", "output_shape", "params", "mults"} or {"layer", "error", "type"}]}`.
    public static func json(_ layers: [FamilyLayer], _ steps: Steps, input: [Int]) -> String {
        let list = { (s: [Int]) in "[" + s.map(String.init).joined(separator: ", ") + "]" }
        let rows = zip(layers, steps).map { layer, step -> String in
            let repr = StackJSONWriter.quoted(layer.pytorchRepr)
            switch step.output {
            case let .success(output):
                return "{\"layer\": \(repr), \"output_shape\": \(list(output)), \"params\": \(layer.parameterCount), "
                    + "\"mults\": \(layer.multiplications(input: step.input, output: output))}"
            case let .failure(error):
                return "{\"layer\": \(repr), \"error\": \(StackJSONWriter.quoted(error.message)), \"type\": \(StackJSONWriter.quoted(error.pythonType))}"
            }
        }
        return "{\"input_shape\": \(list(input)), \"layers\": [\n" + rows.joined(separator: ",\n") + "\n]}\n"
    }
}
