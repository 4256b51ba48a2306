import ConvCore

/// The panel's words for convscope's own values (inputs, kernel presets, explicit padding, no
/// bias) in the screen's language. PyTorch's literals (zeros, reflect, 'same', True) stay as
/// PyTorch writes them, like the parameter names.
public enum ValueWords {
    /// A row's value as the panel shows it.
    public static func panelValue(_ id: ParameterID, _ p: Conv2dSettings, _ lang: Language) -> String {
        switch id {
        case .bias where p.bias == nil: Conv2dText.noBiasValue(lang)
        case .input:
            if case .generated(let source) = p.input { input(source, lang) } else { p.valueText(id) }
        case .kernel:
            if case .preset(let preset) = p.kernel { kernel(preset, lang) } else { p.valueText(id) }
        default: word(p.valueText(id), lang)
        }
    }

    /// A table's word in the screen's language: "explicit" (the padding row's choice of amounts
    /// over 'same' and 'valid') is convscope's; every other word is PyTorch's and stays.
    public static func word(_ word: String, _ lang: Language) -> String {
        word == PaddingChoice.explicit.rawValue ? lang.pick("explicit", "явно") : word
    }

    /// A generated input's word: the command line's in English.
    public static func input(_ source: InputSource, _ lang: Language) -> String {
        guard lang == .ru else { return source.argument }
        return switch source {
        case .rampX: "рампа-x"
        case .rampY: "рампа-y"
        case .impulse: "импульс"
        case .checker: "шахматы"
        case let .random(start): "случ.:\(start)"
        case .notebook: "конспект"
        }
    }

    /// A kernel preset's word: the command line's in English.
    public static func kernel(_ preset: KernelPreset, _ lang: Language) -> String {
        guard lang == .ru else { return preset.argument }
        if case let .random(start) = preset { return "случ.:\(start)" }
        return kernelChoice(preset, lang)
    }

    /// A kernel preset's name without its random start: the panel's choice, the help's list.
    public static func kernelChoice(_ preset: KernelPreset, _ lang: Language) -> String {
        guard lang == .ru else { return preset.choiceName }
        return switch preset {
        case .ones: "единицы"
        case .identity: "тождество"
        case .box: "среднее"
        case .sobelX: "собель-x"
        case .sobelY: "собель-y"
        case .laplace: "лаплас"
        case .gauss: "гаусс"
        case .random: "случайное"
        }
    }
}
