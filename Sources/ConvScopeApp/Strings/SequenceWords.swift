import ConvCore

/// The words of a Conv1d on the course screen: its row names, its maps' titles, the inspector's
/// sum and the causal sentences.
enum SequenceWords {
    /// The rows a Conv1d does not read: the height rows and ConvTranspose2d's output_padding.
    static let unusedRows: Set<ParameterID> = [.hIn, .kernelSizeH, .paddingH, .strideH, .dilationH,
                                               .outputPaddingH, .outputPaddingW]

    /// nn.Conv1d's name for a width row (its one spatial axis), nil for the rows named as for a Conv2d.
    static func rowName(_ id: ParameterID) -> String? {
        switch id {
        case .wIn: "length"
        case .kernelSizeW: "kernel_size"
        case .paddingW: "padding_size"
        case .strideW: "stride"
        case .dilationW: "dilation"
        default: nil
        }
    }

    /// The value of a row a Conv1d does not read.
    static func unusedValue(_ g: Glyphs) -> String { g.dash }

    static func causalNotice(_ view: CausalView?, _ lang: Language) -> String {
        switch view {
        case nil: lang.pick("Conv1d padded as the rows say", "Conv1d с расширением из строк")
        case .layer: lang.pick("causal: F.pad adds dilation·(k−1) zeros on the left only, so no output reads a later input",
                               "причинная: F.pad добавляет dilation·(k−1) нулей только слева, и ни один выход не читает более поздний вход")
        case .stack: lang.pick("causal WaveNet stack: the layer repeated with dilation doubling, one output's cone lit",
                               "причинный стек WaveNet: слой повторён с удвоением dilation, конус одного выхода подсвечен")
        }
    }

    static func inputTitle(_ c: Int, _ lang: Language) -> String { lang.pick("input, channel \(c)", "вход, канал \(c)") }
    static func paddedInputTitle(_ c: Int, pad: Int, _ lang: Language) -> String {
        lang.pick("F.pad(input, (\(pad), 0)), channel \(c)", "F.pad(вход, (\(pad), 0)), канал \(c)")
    }
    static func outputTitle(_ c: Int, _ lang: Language) -> String { lang.pick("output, channel \(c)", "выход, канал \(c)") }

    /// The channels the maps leave out.
    static func moreChannels(_ n: Int, _ lang: Language) -> String {
        lang.pick("… \(n) more channels", "… ещё каналов: \(n)")
    }

    /// The inspected output and the sum it is: weights times the lit input cells.
    static func sumLine(channel o: Int, t: Int, terms: [String], bias: String?, value: String) -> String {
        "out[\(o), \(t)] = " + (terms.isEmpty ? "0" : terms.joined(separator: " + ")) + (bias.map { " + \($0)" } ?? "") + " = \(value)"
    }

    /// The positions output t reads in one input channel.
    static func reads(t: Int, positions: [Int], channels: Range<Int>, _ lang: Language) -> String {
        let list = positions.map(String.init).joined(separator: ", ")
        let ch = channels.count == 1 ? "\(channels.lowerBound)" : "\(channels.lowerBound)…\(channels.upperBound - 1)"
        return lang.pick("output t = \(t) reads input positions \(list) (*) of channel \(ch)",
                         "выход t = \(t) читает позиции входа \(list) (*) канала \(ch)")
    }

    /// The causal promise, checked on the taps drawn.
    static func neverFuture(t: Int, latest: Int, _ lang: Language) -> String {
        lang.pick("causal: the latest input it reads is \(latest) ≤ t = \(t): it never reads the future",
                  "причинная: самый поздний прочитанный вход \(latest) ≤ t = \(t): будущее не читается")
    }

    /// L_out with the layer's numbers.
    static func lengthFormula(length: Int, before: Int, after: Int, dilation: Int, kernel: Int, stride: Int, output: Int) -> String {
        "L_out = \u{230A}(\(length) + \(before) + \(after) \u{2212} \(dilation)\u{00B7}(\(kernel) \u{2212} 1) \u{2212} 1) / \(stride)\u{230B} + 1 = \(output)"
    }

    /// The WaveNet figure's caption: the stack drawn and its receptive field.
    static func stackTitle(dilations: [Int], kernel: Int, _ lang: Language) -> String {
        let d = dilations.map(String.init).joined(separator: ", ")
        return lang.pick("WaveNet stack: \(dilations.count) causal Conv1d, kernel \(kernel), dilations \(d)",
                         "стек WaveNet: \(dilations.count) причинных Conv1d, ядро \(kernel), dilation \(d)")
    }

    static func stackRow(_ index: Int, dilation: Int, _ lang: Language) -> String {
        lang.pick("layer \(index) d=\(dilation)", "слой \(index) d=\(dilation)")
    }
    static func stackInputRow(_ lang: Language) -> String { lang.pick("input", "вход") }

    /// The cone's reach: the inputs output t of the last layer reads.
    static func stackReads(t: Int, first: Int, last: Int, field: Int, _ lang: Language) -> String {
        lang.pick("the last layer's output t = \(t) reads inputs \(first)…\(last), none after t; receptive field \(field)",
                  "выход t = \(t) последнего слоя читает входы \(first)…\(last), ни одного после t; рецептивное поле \(field)")
    }
}
