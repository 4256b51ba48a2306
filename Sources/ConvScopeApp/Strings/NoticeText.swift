import ConvCore

/// The status line's notices and the zoom levels' names, in both languages.
public enum NoticeText {
    /// A notice in words; `g` gives the separator dot.
    public static func notice(_ notice: Notice, _ lang: Language, _ g: Glyphs) -> String {
        switch notice {
        case .restored: lang.pick("restored last session \(g.dot) --fresh for defaults",
                                  "восстановлен прошлый сеанс \(g.dot) --fresh: начальные значения")
        case .outOfRange(let name, let value, let range):
            lang.pick("\(name) \(value) is out of range: allowed \(range.lowerBound)…\(range.upperBound)",
                      "\(name) \(value) вне диапазона: допустимо \(range.lowerBound)…\(range.upperBound)")
        case .choiceRow(let name):
            lang.pick("\(name) is a choice: \(KeyWords.keys([.left, .right], g, lang)) steps through it",
                      "\(name) выбирается, а не вводится: \(KeyWords.keys([.left, .right], g, lang)) перебирают варианты")
        case .theme(let theme, true): themeName(theme, lang)
        case .theme(let theme, false): themeName(theme, lang) + lang.pick(": shown in exports; this terminal has no colours",
                                                                          ": видна в экспорте; у терминала нет цветов")
        case .linked(true): lang.pick("h/w pairs linked: changing one changes both",
                                      "пары h/w связаны: меняются вместе")
        case .linked(false): lang.pick("h/w pairs unlinked", "пары h/w не связаны")
        case .zoom(let zoom, let automatic):
            lang.pick("zoom", "масштаб") + (automatic ? lang.pick(" auto (\(zoomName(zoom, lang)))", " авто (\(zoomName(zoom, lang)))")
                                                      : " " + zoomName(zoom, lang))
        case .reset: lang.pick("reset to the notebook's defaults", "сброшено к значениям из курса")
        case .nothingToClose: ScreenText.nothingToClose(lang, g)
        case .nothingToAnimate: lang.pick("nothing to animate: PyTorch refuses these parameters",
                                          "нечего анимировать: PyTorch отвергает эти параметры")
        case .paddedView(true, let mode): paddedViewOn(mode, lang)
        case .paddedView(false, _): lang.pick("padded view off", "вид с расширением выключен")
        case .savedSessionIgnored(let problem, let path): savedSessionIgnored(problem, path, lang)
        case .fileReport(let text): text
        case .lesson(let note): LayerLessonText.note(note, lang, g)
        case let .fixedByFile(name, file):
            lang.pick("\(name) comes from \(file); choose another input or kernel to change it",
                      "\(name) задан файлом \(file); выберите другой вход или ядро, чтобы изменить его")
        case let .depthwise(groups, outChannels):
            lang.pick("depthwise: groups = in_channels = \(groups), out_channels = \(outChannels)",
                      "поканальная свёртка: groups = in_channels = \(groups), out_channels = \(outChannels)")
        case .notebookInput: Conv2dText.notebookNote(lang)
        case let .separable(c, o): FamilyScreenText.separableNotice(inChannels: c, outChannels: o, lang)
        case .separableOff: FamilyScreenText.separableOff(lang)
        case .transposedView(let view): FamilyScreenText.viewNotice(view, lang)
        case .wrongLayerKind(let needs): FamilyScreenText.wrongKind(needs, lang)
        case let .rowNotTaken(name, kind): FamilyScreenText.rowNotTaken(name, kind, lang)
        case .transposedAnimation: TransposedPanelWords.animationRefused(lang)
        case .pointwiseMaps(let shown): PointwiseWords.notice(shown, lang)
        case .trueConvolution(let on): FamilyScreenText.flipNotice(on, lang)
        case .causal(let view): SequenceWords.causalNotice(view, lang)
        case let .kernelSection(change): KernelSectionText.notice(change, lang)
        case let .weight(o, index, y, x, input, value):
            KernelSectionText.weightNotice(out: o, index: index, y: y, x: x, input: input, value: value, lang, g)
        case .mouse(let on): SettingsText.mouseNotice(on, lang)
        case .colormap(let name, let shown): SettingsText.colormapNotice(name, shownInTerminal: shown, lang)
        }
    }

    /// The padded view's notice: what its ring holds in this padding mode.
    static func paddedViewOn(_ mode: PaddingMode, _ lang: Language) -> String {
        switch mode {
        case .zeros: lang.pick("padded view: zero padding and never-read cells shown",
                               "вид с расширением: нули расширения и непрочитанные ячейки")
        case .reflect: lang.pick("padded view: reflect padding (mirrored values) and never-read cells shown",
                                 "вид с расширением: отражённые значения (reflect) и непрочитанные ячейки")
        case .replicate: lang.pick("padded view: replicate padding (edge values repeated) and never-read cells shown",
                                   "вид с расширением: повторённые крайние значения (replicate) и непрочитанные ячейки")
        case .circular: lang.pick("padded view: circular padding (values from the opposite edge) and never-read cells shown",
                                  "вид с расширением: значения с противоположного края (circular) и непрочитанные ячейки")
        }
    }

    /// `saved parameters ignored: … (path)`: the state file's problem, the path as it is.
    public static func savedSessionIgnored(_ problem: SavedSessionProblem, _ path: String, _ lang: Language) -> String {
        let why = switch problem {
        case .unreadable: lang.pick("the file cannot be read", "файл не читается")
        case .notAStateFile: lang.pick("it is not a convscope state file", "это не файл состояния convscope")
        case .parameter(let name): lang.pick("\(name) is missing or out of range", "\(name) отсутствует или вне диапазона")
        case .option(let message): message
        }
        return lang.pick("saved parameters ignored: ", "сохранённые параметры не использованы: ") + why + " (\(path))"
    }

    /// The e key's report: where the file went.
    public static func exported(_ path: String, _ lang: Language) -> String { lang.pick("exported ", "сохранено в ") + path }

    /// The e key's report while the maps are still computed: nothing is written.
    public static func exportWaits(_ lang: Language) -> String {
        let e = KeyWords.course(.export, .unicodeSet, lang)
        return lang.pick("not exported: the maps are still computing · \(e) again once they are drawn",
                         "не сохранено: карты ещё вычисляются · \(e), когда они появятся")
    }

    /// The e key's report when the file could not be written (the system's reason as it is).
    public static func exportFailed(_ reason: String, _ lang: Language) -> String {
        lang.pick("export failed: ", "экспорт не удался: ") + reason
    }

    /// "dark theme", "тёмная тема".
    static func themeName(_ theme: ExportTheme, _ lang: Language) -> String {
        switch theme {
        case .dark: lang.pick("dark theme", "тёмная тема")
        case .light: lang.pick("light theme", "светлая тема")
        }
    }

    /// The zoom levels' names in the status line.
    public static func zoomName(_ zoom: Zoom, _ lang: Language) -> String {
        switch zoom {
        case .whole: lang.pick("whole map", "вся карта")
        case .numbers: lang.pick("numbers", "числа")
        case .large: lang.pick("large", "крупно")
        }
    }
}
