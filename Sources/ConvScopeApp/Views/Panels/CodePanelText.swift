import ConvCore

/// The current parameters as code: the PyTorch layer and the convscope command reproducing them.
public enum CodePanelText {
    /// `nn.Conv2d(3, 2, kernel_size=(3, 3), stride=(1, 1), padding=(0, 0), dilation=(1, 1), bias=False)`.
    public static func pytorchLine(_ p: ConvParameters) -> String { pytorchPieces(p).joined(separator: " ") }

    /// The shortest `convscope` invocation giving these parameters: only flags off the notebook defaults.
    public static func commandLine(_ p: ConvParameters) -> String { commandPieces(p).joined(separator: " ") }

    /// Both lines under headings, wrapped between arguments.
    public static func lines(_ p: ConvParameters, glyphs: Glyphs, width: Int) -> [PanelLine] {
        var out = PanelLine.wrap(text: "PyTorch", width: width, style: PanelStyle.heading)
        // Inside the parentheses Python continues the statement by itself.
        out += PanelLine.wrap(pytorchPieces(p), indent: "    ", width: width)
        out += PanelLine.wrap(text: "command line", width: width, style: PanelStyle.heading)
        // The shell needs a backslash before each break; keep room for it.
        var command = PanelLine.wrap(commandPieces(p), indent: "    ", width: max(1, width - 2))
        for i in command.indices.dropLast() { command[i].text += " \\" }
        return out + command
    }

    /// The PyTorch call split after each top-level comma, so wrapping never breaks a tuple apart.
    static func pytorchPieces(_ p: ConvParameters) -> [String] {
        func pair(_ name: String, _ h: Int, _ w: Int) -> String { "\(name)=(\(h), \(w))," }
        return ["nn.Conv2d(\(p.inChannels),", "\(p.outChannels),",
                pair("kernel_size", p.kernelSizeH, p.kernelSizeW), pair("stride", p.strideH, p.strideW),
                pair("padding", p.paddingH, p.paddingW), pair("dilation", p.dilationH, p.dilationW), "bias=False)"]
    }

    /// `convscope` then one "flag value" piece per differing parameter or pair.
    static func commandPieces(_ p: ConvParameters) -> [String] {
        var pieces = ["convscope"]
        func differs(_ id: ParameterID) -> Bool { p[id] != id.notebookDefault }
        for id in [ParameterID.hIn, .wIn, .inChannels, .outChannels] where differs(id) {
            pieces.append("\(id.flag) \(p[id])")
        }
        let pairs: [(String, ParameterID, ParameterID)] = [
            ("--kernel-size", .kernelSizeH, .kernelSizeW), ("--padding", .paddingH, .paddingW),
            ("--stride", .strideH, .strideW), ("--dilation", .dilationH, .dilationW),
        ]
        for (flag, h, w) in pairs {
            switch (differs(h), differs(w)) {
            case (true, true): pieces.append("\(flag) " + (p[h] == p[w] ? "\(p[h])" : "\(p[h])x\(p[w])"))
            case (true, false): pieces.append("\(h.flag) \(p[h])")
            case (false, true): pieces.append("\(w.flag) \(p[w])")
            case (false, false): break
            }
        }
        return pieces
    }
}
