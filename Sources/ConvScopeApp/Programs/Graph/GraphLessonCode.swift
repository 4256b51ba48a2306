import ConvCore

/// The code panel of a traced graph's Conv2d node open in the course screen: the layer and its
/// weights as the course screen writes them, on its input written out when small, else on a
/// random stand-in of the input's shape (the node's real input is the traced model's value there,
/// which no file holds); the model's input is the course notebook's ramp. No command lines: `convscope --input` would need that file.
enum GraphLessonCode {
    static func lines(_ state: AppState, _ lesson: LayerLesson, width: Int, language l: Language) -> [PanelLine] {
        guard case let .graph(module, inputNode) = lesson.origin else { return [] }
        let p = state.parameters
        var math = false, numpy = false
        let weights = PyTorchCode.weightStatements(p, math: &math, numpy: &numpy)
        let ramp = if case .generated = p.input { true } else { false }
        let small = ramp || p.spec.inputShape.reduce(1, *) <= PyTorchCode.literalLimit
        let input = small ? PyTorchCode.inputStatements(p, numpy: &numpy)
            : ["x = torch.randn(\(p.spec.inputShape.map(String.init).joined(separator: ", ")))"]
        let imports = "import " + ((math ? ["math"] : []) + (numpy ? ["numpy as np"] : []) + ["torch", "torch.nn as nn"])
            .joined(separator: ", ")
        var out = PanelLine.wrap(text: PanelWords.pytorchHeading(l), width: width, style: PanelStyle.heading)
        out += CodePanelText.pythonLines(imports, width: width)
        if case .preset(.random) = p.kernel { out += PyTorchCode.splitmix.flatMap { CodePanelText.pythonLines($0, width: width) } }
        out += PanelLine.wrap(CodePanelText.pytorchPieces(p), lead: "conv = ", indent: "    ", width: width)
        if !ramp {
            let comment = LayerLessonText.graphInputComment(module: module, inputNode: inputNode, standIn: !small, l)
            out += PanelLine.wrap(TextWrap.words(comment), lead: "# ", indent: "# ", width: width)
        }
        var body = input + ["with torch.no_grad():"] + weights.map { "    " + $0 }
        if let bias = p.bias { body.append("    conv.bias.fill_(\(formatNumber(bias)))") }
        body += ["y = conv(x)", "print(y)"]
        return out + body.flatMap { CodePanelText.pythonLines($0, width: width) }
    }
}
