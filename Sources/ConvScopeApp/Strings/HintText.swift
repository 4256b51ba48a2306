import ConvCore
/// The bottom line's words (typing prompt, panel and animation hints), the help box's title and
/// footers, and the teaching panels' titles and scroll marker.
public enum HintText {
    /// While a value is typed: the prompt's keys and the allowed range.
    static func typing(_ l: Language, _ g: Glyphs, range: ClosedRange<Int>) -> [String] {
        [KeyWords.keys([.enter], g, l) + " " + l.pick("set", "задать"), KeyWords.keys([.escape], g, l) + " " + l.pick("cancel", "отмена"),
         l.pick("allowed", "допустимо") + " \(range.lowerBound)\(g.dash)\(range.upperBound)"]
    }

    /// With a panel open its own keys come first.
    static func panel(_ panel: Panel?, denseKeys: Bool, _ l: Language, _ g: Glyphs) -> [String] {
        let scroll = KeyWords.course(.scrollPanel(-3), g, l) + " " + KeyWords.course(.scrollPanel(3), g, l) + " " + scrollWord(l)
        let close = KeyWords.course(.back, g, l) + " " + l.pick("close", "закрыть")
        let dense = KeyWords.course(.scaleDenseOutputs(up: false), g, l) + " " + KeyWords.course(.scaleDenseOutputs(up: true), g, l)
        let digits = KeyWords.keys([.character("0"), .character("9")], g, l, joiner: "-")
        switch panel {
        case nil: return []
        // K is the Conv2d's dense comparison; a ConvTranspose2d's cost panel has none.
        case .cost where denseKeys: return [" \(dense) " + l.pick("or", "или") + " \(digits) K", scroll, close]
        case .cost, .formula, .code: return [" " + scroll, close]
        }
    }

    /// Hints while the inspector or the animation runs, most important first.
    static func animation(_ l: Language, _ g: Glyphs, playing: Bool, speed: Int, inputFocus: Bool) -> [String] {
        let rate = l.count(speed, Nouns.cell) + l.pick("/s", "/с")
        let move = inputFocus ? l.pick("arrows move input cursor", "стрелки: курсор входа")
            : l.pick("arrows move output cursor", "стрелки: курсор выхода")
        let step = KeyWords.course(.step(1), g, l) + "/" + KeyWords.course(.step(-1), g, l) + " " + l.pick("step", "шаг")
        let speedKeys = KeyWords.course(.slower, g, l) + " " + KeyWords.course(.faster, g, l) + " " + l.pick("speed", "скорость")
        let next = KeyWords.course(.focusNext, g, l) + " " + l.pick("next", "далее")
        let back = KeyWords.course(.back, g, l) + " " + l.pick("back", "назад")
        let play = KeyWords.course(.togglePlay, g, l)
        if playing {
            return [" \(g.unicode ? "▶" : ">") " + l.pick("playing", "идёт") + " \(rate)", play + " " + l.pick("pause", "пауза"),
                    speedKeys, step, move, next, back]
        }
        let channel = KeyWords.keys([.pageUp, .pageDown], g, l, joiner: "/") + " " + l.pick("channel", "канал")
        return [" " + l.pick("paused", "пауза") + " \(g.dot) \(rate)", move, play + " " + l.pick("play", "пуск"), step,
                speedKeys, channel, next, back]
    }

    /// Hints while the inspector walks a ConvTranspose2d's output (it has no animation).
    static func transposedInspector(_ l: Language, _ g: Glyphs) -> [String] {
        let explain = KeyWords.course(.cycleTransposedView, g, l) + " " + l.pick("explain", "объяснить")
        let channel = KeyWords.keys([.pageUp, .pageDown], g, l, joiner: "/") + " " + l.pick("channel", "канал")
        let back = KeyWords.course(.back, g, l) + " " + l.pick("back", "назад")
        return [" " + l.pick("arrows move output cursor", "стрелки: курсор выхода"), explain, channel, back]
    }

    /// Hints while the inspector walks a Conv1d's output (it has no animation).
    static func sequenceInspector(_ l: Language, _ g: Glyphs) -> [String] {
        let causal = KeyWords.course(.cycleCausal, g, l) + " " + l.pick("causal", "причинная")
        let channel = KeyWords.keys([.pageUp, .pageDown], g, l, joiner: "/") + " " + l.pick("channel", "канал")
        let back = KeyWords.course(.back, g, l) + " " + l.pick("back", "назад")
        return [" " + l.pick("arrows move output cursor", "стрелки: курсор выхода"), causal, channel, back]
    }

    /// The help box's title: "keys", or "keys 1/2" when paged.
    static func helpTitle(_ l: Language, page: Int, of count: Int) -> String {
        let keys = l.pick("keys", "клавиши")
        return count > 1 ? "\(keys) \(page + 1)/\(count)" : keys
    }

    /// The help's footers, longest first; each says that paging keys page and the rest close.
    static func helpFooters(_ l: Language, _ g: Glyphs, paged: Bool) -> [String] {
        guard paged else { return [l.pick("any key closes this help", "любая клавиша закрывает справку")] }
        let page = KeyWords.keys([.pageDown, .pageUp], g, l, joiner: "/") + " " + l.pick("page", "листать") + " \(g.dot) "
        let space = KeyWords.keys([.character(" ")], g, l)
        return [page + l.pick("\(space) or any other key closes", "\(space) или другая клавиша закрывает"),
                page + l.pick("any other key closes", "другие клавиши закрывают"),
                page + l.pick("others close", "прочие закрывают")]
    }

    /// A teaching panel's name on its border.
    static func panelName(_ panel: Panel, _ l: Language) -> String {
        switch panel {
        case .cost: l.pick("conv vs dense", "свёртка и полносвязный")
        case .formula: l.pick("output size", "размер выхода")
        case .code: l.pick("code", "код")
        }
    }

    /// "conv vs dense · c or Esc closes".
    static func panelTitle(_ name: String, key: String, _ l: Language, _ g: Glyphs) -> String {
        "\(name) \(g.dot) \(key) " + l.pick("or", "или") + " " + KeyWords.course(.back, g, l) + " " + l.pick("closes", "закрывает")
    }

    /// "▼ 3 more" on a scrolling panel's border.
    static func moreBelow(_ l: Language, _ g: Glyphs, _ n: Int) -> String {
        let arrow = g.unicode ? "▼" : "v"
        return l.pick("\(arrow) \(n) more", "\(arrow) ещё \(n)")
    }

    /// The scroll keys' word after them.
    static func scrollWord(_ l: Language) -> String { l.pick("scroll", "прокрутка") }
}
