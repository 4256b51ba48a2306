import ConvCore

/// The code panel of a model's layer open in the course screen: the model's PyTorch code (an
/// nn.Sequential of its printed layers, the layer on screen marked), every Conv2d weighed as
/// the model weighs it, and the forward up to the layer on its input. Nil for a model that is not
/// an nn.Sequential (a Cat joins layers), whose panel shows the single layer's code. A traced
/// graph's node shows the layer's code on a stand-in of its input's shape.
enum LayerLessonCode {
    static func lines(_ state: AppState, _ lesson: LayerLesson, width: Int, language l: Language) -> [PanelLine]? {
        guard let before = lesson.model else { return GraphLessonCode.lines(state, lesson, width: width, language: l) }
        let model = LayerLesson.model(before, index: lesson.index, settings: state.parameters)
        guard !model.layers.contains(where: { if case .cat = $0 { true } else { false } }) else { return nil }
        var out = PanelLine.wrap(text: PanelWords.pytorchHeading(l), width: width, style: PanelStyle.heading)
        let (imports, body) = statements(model, lesson: lesson, settings: state.parameters, language: l)
        out += CodePanelText.pythonLines(imports, width: width)
        for line in body {
            if let comment = line.comment {
                out += PanelLine.wrap(TextWrap.words(comment), lead: line.indent + "# ", indent: line.indent + "# ", width: width)
            } else {
                out += CodePanelText.pythonLines(line.code, width: width)
            }
        }
        return out
    }

    /// A line of Python, or a comment (wrapped as comments, never as code).
    struct Line {
        var code = "", indent = "", comment: String?
    }

    static func statements(_ model: Model, lesson: LayerLesson, settings: Conv2dSettings, language l: Language)
        -> (imports: String, body: [Line])
    {
        var body = [Line(code: "model = nn.Sequential(")]
        for (i, layer) in model.layers.enumerated() {
            let mark = i == lesson.index ? " " + LayerLessonText.codeMark(l) : ""
            body.append(Line(indent: "    ", comment: "(\(i)) \(model.name(i))\(mark)"))
            body.append(Line(code: "    nn." + constructor(layer) + ","))
        }
        body.append(Line(code: ").eval()"))
        let c = model.inputShape
        var ramp = ConvParameters()
        ramp.inChannels = c[1]; ramp.hIn = c[2]; ramp.wIn = c[3]
        var numpy = false, math = false, splitmix = false
        body += PyTorchCode.inputStatements(Conv2dSettings(ramp), numpy: &numpy).map { Line(code: $0) }
        body += ["with torch.no_grad():", "    for m in model.modules():", "        if isinstance(m, nn.Conv2d):",
                 "            m.weight.fill_(1)", "            if m.bias is not None: m.bias.zero_()"].map { Line(code: $0) }
        for i in model.layers.indices where model.weightSource(i) != .notebook {
            let p = i == lesson.index ? settings : weighing(model, index: i)
            guard let p else { continue }
            body.append(Line(code: "    conv = model[\(i)]"))
            body += PyTorchCode.weightStatements(p, math: &math, numpy: &numpy).map { Line(code: "    " + $0) }
            if let bias = p.bias, bias != 0 { body.append(Line(code: "    conv.bias.fill_(\(formatNumber(bias)))")) }
            if case .preset(.random) = p.kernel { splitmix = true }
        }
        body.append(Line(code: lesson.index == 0 ? "    x_in = x" : "    x_in = model[:\(lesson.index)](x)"))
        body.append(Line(code: "    y = model[\(lesson.index)](x_in)"))
        body.append(Line(code: "print(y)"))
        if splitmix { body = PyTorchCode.splitmix.map { Line(code: $0) } + body }
        let imports = "import " + ((math ? ["math"] : []) + (numpy ? ["numpy as np"] : []) + ["torch", "torch.nn as nn"])
            .joined(separator: ", ")
        return (imports, body)
    }

    /// Layer `index`'s weights as course settings (only the kernel shape and source matter).
    static func weighing(_ model: Model, index: Int) -> Conv2dSettings? {
        guard case let .conv2d(layer) = model.layers[index] else { return nil }
        let stand = Tensor4(shape: [1, layer.inChannels, layer.kernelSize.h, layer.kernelSize.w])
        return LayerLesson.settings(model, index: index, input: stand, inputName: "")
    }

    /// The module's constructor as Python takes it: print(model) leaves strings unquoted.
    static func constructor(_ layer: StackLayer) -> String {
        guard case let .conv2d(conv) = layer else { return layer.pytorchRepr }
        var text = conv.pytorchRepr.replacing("padding=same", with: "padding='same'").replacing("padding=valid", with: "padding='valid'")
        if conv.paddingMode != .zeros {
            text = text.replacing("padding_mode=\(conv.paddingMode.rawValue)", with: "padding_mode='\(conv.paddingMode.rawValue)'")
        }
        return text
    }
}
