import ConvCore

/// The sentences about the rest of `nn.Conv2d` (padding modes, groups, bias, inputs, kernels),
/// in English and Russian. Parameter names and PyTorch's messages stay as PyTorch writes them.
public enum Conv2dText {
    /// The input section's subtitle: what the maps hold.
    public static func inputRule(_ input: LayerInput, _ lang: Language) -> String {
        switch input {
        case .generated(.rampX): lang.pick("ramp x[c,y,x] = x", "рампа x[c,y,x] = x")
        case .generated(.rampY): lang.pick("ramp x[c,y,x] = y", "рампа x[c,y,x] = y")
        case .generated(.impulse): lang.pick("impulse: 1 at the centre", "импульс: 1 в центре")
        case .generated(.checker): lang.pick("checkerboard of 0 and 1", "шахматная доска из 0 и 1")
        case .generated(.random(let start)):
            lang.pick("random 0–9, start \(start)", "случайные 0–9, начало \(start)")
        case .generated(.notebook): notebookNote(lang)
        case .file(let file): lang.pick("file \(file.name)", "файл \(file.name)")
        }
    }

    /// The course notebook's tensor is (C, w_in, h_in): said once on screen and on the command line.
    public static func notebookNote(_ lang: Language) -> String {
        lang.pick("the course notebook's tensor: its height and width are swapped (shape C×w_in×h_in)",
                  "тензор из конспекта курса: высота и ширина в нём переставлены (форма C×w_in×h_in)")
    }

    /// The kernel line's words for the weights, e.g. "all ones" or "sobel-x on the diagonal".
    public static func kernelLabel(_ kernel: LayerKernel, _ lang: Language) -> String {
        switch kernel {
        case .preset(.ones): lang.pick("all ones", "все единицы")
        case .preset(.random(let start)):
            lang.pick("random −3…3, start \(start)", "случайные −3…3, начало \(start)")
        case .preset(let preset): ValueWords.kernel(preset, lang)
        case .file(let file): lang.pick("file \(file.name)", "файл \(file.name)")
        }
    }

    /// "no bias" or "bias 0.5".
    public static func biasLabel(_ bias: Float?, _ lang: Language) -> String {
        bias.map { lang.pick("bias \(formatNumber($0))", "смещение \(formatNumber($0))") }
            ?? lang.pick("no bias", "без смещения")
    }

    /// "3 groups" on the kernel line when the layer is grouped.
    public static func groupsLabel(_ groups: Int, _ lang: Language) -> String {
        lang.count(groups, en: ("group", "groups"), ru: ("группа", "группы", "групп"))
    }

    /// A map's group on a section header, e.g. "g1".
    public static func groupTag(_ group: Int) -> String { "g\(group)" }

    /// The padding ring's legend in the inspector, by mode.
    public static func paddingLegend(_ mode: PaddingMode, mark: String, _ lang: Language) -> String {
        switch mode {
        case .zeros: lang.pick("\(mark) = padding zero", "\(mark) = ноль расширения")
        case .reflect: lang.pick("\(mark) = mirrored value", "\(mark) = отражённое значение")
        case .replicate: lang.pick("\(mark) = repeated edge value", "\(mark) = повторённое значение края")
        case .circular: lang.pick("\(mark) = wrapped value", "\(mark) = значение с другого края")
        }
    }

    /// A panel row's name: PyTorch's parameter name, but the two rows that are not `nn.Conv2d`
    /// arguments (what the layer reads and weighs with) in the screen's language.
    public static func rowName(_ id: ParameterID, _ lang: Language) -> String {
        switch id {
        case .input: lang.pick("input", "вход")
        case .kernel: lang.pick("kernel", "ядро")
        // output_padding_h is longer than the panel's name column.
        case .outputPaddingH: "out_padding_h"
        case .outputPaddingW: "out_padding_w"
        // layer_kind's value, ConvTranspose2d, needs the room at 80 columns.
        case .layerKind: lang.pick("layer", "слой")
        default: id.name
        }
    }

    /// The bias row's value for `bias=False`.
    public static func noBiasValue(_ lang: Language) -> String { lang.pick("none", "нет") }

    /// The kernel section's title.
    public static func kernelTitle(_ lang: Language) -> String { lang.pick("kernel", "ядро") }

    /// A kernel map's label: output channel ← input channel.
    public static func kernelMapLabel(out o: Int, input c: Int) -> String { "\(o)\u{2190}\(c)" }
}
