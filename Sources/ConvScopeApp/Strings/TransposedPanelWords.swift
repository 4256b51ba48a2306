import ConvCore

/// The words of the course screen's panels for a ConvTranspose2d, in both languages.
enum TransposedPanelWords {
    static func parametersHeading(_ l: Language) -> String {
        l.pick("Parameters of nn.ConvTranspose2d (as PyTorch counts them)", "Параметры nn.ConvTranspose2d (как их считает PyTorch)")
    }

    /// The weight's shape, in/out the other way round from a Conv2d's.
    static func weightShape(_ shape: [Int], _ l: Language) -> String {
        let text = shape.map(String.init).joined(separator: "×")
        return l.pick("weight \(text): [C_in, C_out/g, F1, F2], in and out the other way round from nn.Conv2d",
                      "вес \(text): [C_in, C_out/g, F1, F2], вход и выход переставлены относительно nn.Conv2d")
    }

    static func multiplicationsHeading(_ l: Language) -> String {
        l.pick("Multiplications (two ways to count)", "Умножения (два способа счёта)")
    }

    static func scatterLabel(_ l: Language) -> String { l.pick("  scatter ", "  разброс ") }
    static func directLabel(_ l: Language) -> String { l.pick("  direct ", "  прямая ") }

    /// Which count convscope reports elsewhere.
    static func scatterCounted(_ l: Language) -> String {
        l.pick("every input cell times every weight of its group: the count convscope reports (the model screen, --layers), stamps the padding crops included",
               "каждая клетка входа на каждый вес своей группы: это число convscope и показывает (экран модели, --layers), включая оттиски, срезанные padding")
    }

    static func directCounted(_ l: Language) -> String {
        l.pick("the equivalent direct convolution, its inserted and padding zeros multiplied too",
               "равная прямая свёртка, где умножаются и вставленные нули, и нули расширения")
    }

    static func axisHeading(_ name: String, _ l: Language) -> String {
        name == "H" ? l.pick("Height (H)", "Высота (H)") : l.pick("Width (W)", "Ширина (W)")
    }

    static func insertedLabel(_ l: Language) -> String { "  " + inserted(l) + " " }
    static func paddedLabel(_ l: Language) -> String { "  " + padded(l) + " " }
    static func inserted(_ l: Language) -> String { l.pick("inserted", "со вставками") }
    static func padded(_ l: Language) -> String { l.pick("padded", "с расширением") }

    /// Why the screen does not animate a ConvTranspose2d, and what does.
    static func animationRefused(_ l: Language) -> String {
        l.pick("the screen animates a Conv2d's window; a ConvTranspose2d's forms animate in convscope render --view direct|scatter --animate",
               "экран анимирует окно Conv2d; формы ConvTranspose2d анимирует convscope render --view direct|scatter --animate")
    }

    /// The cost panel's name for a ConvTranspose2d (it compares two counts, not conv and dense).
    static func costTitle(_ l: Language) -> String { l.pick("cost", "стоимость") }
    static func strideOneLabel(_ l: Language) -> String { l.pick("  stride-1 conv ", "  свёртка с шагом 1 ") }

    static func formulaNote(_ l: Language) -> String {
        l.pick("The second way is the direct form of the view key: the same size, reached by a plain convolution.",
               "Второй путь — прямая форма клавиши вида: тот же размер, полученный обычной свёрткой.")
    }
}
