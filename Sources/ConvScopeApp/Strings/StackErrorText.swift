import ConvCore

/// The model screen's Russian explanation under PyTorch's message (which stays word for word),
/// as the course screen has under its layer's.
enum StackErrorText {
    /// "то есть: …" for the Russian screen; nil in English, where PyTorch's message is the text.
    static func explanation(_ error: StackLayerError, _ l: Language) -> String? {
        guard l == .ru else { return nil }
        switch error {
        case let .conv2d(error): return ScreenText.errorExplanation(error, l)
        case .transposedPaddingMode:
            return "то есть: у ConvTranspose2d padding_mode может быть только 'zeros'"
        case let .dropoutProbability(p):
            return "то есть: вероятность p должна быть от 0 до 1, а не \(formatNumber(Float(p)))"
        case let .channelMismatch(_, weight, input, expected):
            return "то есть: слою нужен вход с \(expected) каналами, а предыдущий слой даёт \(input[1]); "
                + "веса слоя: \(weight.map(String.init).joined(separator: "×"))"
        case let .outputPaddingTooLarge(op, s, d):
            return "то есть: output_padding (\(op.h), \(op.w)) должен быть меньше stride (\(s.h), \(s.w)) "
                + "или dilation (\(d.h), \(d.w)) по каждой оси"
        case let .transposedOutputTooSmall(_, output):
            return "то есть: выход получился бы \(output.h)×\(output.w), меньше 1×1"
        case .poolPadAboveHalfEffectiveKernel, .poolPadAboveHalfKernel:
            return "то есть: padding пулинга не может быть больше половины ядра"
        case let .poolOutputTooSmall(_, _, output):
            return "то есть: выход пулинга получился бы \(output.h)×\(output.w), меньше 1×1"
        case let .batchNormChannels(_, features, channels):
            return "то есть: BatchNorm2d ждёт \(features) каналов, а на входе \(channels)"
        case .batchNormSingleValue:
            return "то есть: в режиме обучения BatchNorm2d нужно больше одного значения на канал"
        case let .catSizes(expected, got):
            return "то есть: у склеиваемых карт разные H или W: \(expected) и \(got)"
        case let .catNeedsEarlierLayer(skip, at):
            return at == 0 ? "то есть: Cat(\(skip)) на месте (0) нечего склеивать: пропуск должен указывать на слой раньше"
                : "то есть: Cat(\(skip)) на месте (\(at)) должен указывать на слой раньше: 0…\(at - 1)"
        case .catCropTooSmall:
            return "то есть: для crop пропуск должен быть не меньше текущей карты"
        case .module:
            return "то есть: с таким входом PyTorch этот слой не выполняет"
        case let .mapTooLarge(shape):
            return "то есть: выход был бы \(shape.map(String.init).joined(separator: "×")) — больше \(StackLimits.mapSide) "
                + "ячеек по стороне и \(StackLimits.mapChannels) каналов, которые прослеживает convscope"
        }
    }
}
