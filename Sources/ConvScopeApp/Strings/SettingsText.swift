import ConvCore
/// The sentences of the mouse, palette and settings features, in English and Russian.
public enum SettingsText {
    /// The status line after the mouse key.
    public static func mouseNotice(_ on: Bool, _ lang: Language) -> String {
        on ? lang.pick("mouse on · Shift-drag selects text", "мышь включена · выделение текста: Shift")
           : lang.pick("mouse off: the terminal selects text", "мышь выключена: текст выделяет терминал")
    }

    /// The status line after the palette key.
    public static func colormapNotice(_ name: ColormapName, shownInTerminal: Bool, _ lang: Language) -> String {
        shownInTerminal ? lang.pick("palette \(name.rawValue)", "палитра \(name.rawValue)")
            : lang.pick("palette \(name.rawValue): shown in exports; this terminal has no colours",
                        "палитра \(name.rawValue): видна в экспорте; у этого терминала нет цветов")
    }

    /// The help row of the mouse key.
    public static func mouseKeyHelp(_ lang: Language) -> String {
        lang.pick("mouse on / off; while on, select text with Shift-drag (most terminals)",
                  "мышь вкл. / выкл.; пока включена, текст выделяется с Shift (в большинстве терминалов)")
    }

    /// The help row of the palette key.
    public static func colormapKeyHelp(_ lang: Language) -> String {
        let names = ColormapName.choices.map(\.rawValue).joined(separator: ", ")
        return lang.pick("heatmap palette: \(names)", "палитра карт: \(names)")
    }

    /// The help's line on what the mouse does.
    /// The mouse on a locked layer (an exercise's maps): what still works.
    public static func lockedMouseUsage(_ lang: Language) -> String {
        lang.pick("click a cell to inspect it, a weight to read it; the parameters are locked",
                  "щелчок по ячейке — инспектор, по весу — его значение; параметры закреплены")
    }

    public static func mouseUsage(_ lang: Language) -> String {
        lang.pick("click a parameter or slider, wheel to change it; click a cell to inspect it, a weight to read it",
                  "щелчок: параметр или значение на ползунке, колесо меняет его; по ячейке — инспектор, по весу — его значение")
    }
}

/// The settings file's warnings: one line each, naming the file, the line and the key, with
/// what is allowed.
extension SettingsText {
    private static func place(_ file: String, _ line: Int?, _ lang: Language) -> String {
        line.map { lang.pick("\(file) line \($0)", "\(file), строка \($0)") } ?? file
    }

    /// A key convscope does not know; the rest of the file is used.
    public static func unknownKey(file: String, line: Int?, key: String, known: String, _ lang: Language) -> String {
        lang.pick("convscope: \(place(file, line, lang)): unknown key \(key) (known: \(known)); the rest of the file is used",
                  "convscope: \(place(file, line, lang)): неизвестный ключ \(key) (известные: \(known)); остальное из файла учтено")
    }

    /// A known key with a value it cannot take; the rest of the file is used.
    public static func badValue(file: String, line: Int?, key: String, value: String, allowed: String,
                                _ lang: Language) -> String {
        lang.pick("convscope: \(place(file, line, lang)): \(key) = \(value) is not allowed (allowed: \(allowed)); the rest of the file is used",
                  "convscope: \(place(file, line, lang)): \(key) = \(value) недопустимо (можно: \(allowed)); остальное из файла учтено")
    }

    /// A file that is not TOML: it is ignored.
    public static func notTOML(file: String, line: Int?, _ lang: Language) -> String {
        lang.pick("convscope: \(place(file, line, lang)): not valid TOML; the settings file is ignored",
                  "convscope: \(place(file, line, lang)): это не TOML; файл настроек не учтён")
    }

    /// A file that cannot be read (or is not UTF-8 text, or is over 1 MiB): it is ignored.
    public static func unreadable(file: String, _ lang: Language) -> String {
        lang.pick("convscope: \(file) cannot be read as UTF-8 text (up to 1 MiB); the settings file is ignored",
                  "convscope: \(file) не читается как текст UTF-8 (до 1 МиБ); файл настроек не учтён")
    }
}

extension SettingsText {
    /// The status line at start-up when the settings file had problems: the first one, without
    /// the "convscope: " every terminal line starts with, and how many more the terminal shows.
    public static func statusWarning(_ first: String, more: Int, _ lang: Language) -> String {
        let line = first.hasPrefix("convscope: ") ? String(first.dropFirst("convscope: ".count)) : first
        guard more > 0 else { return line }
        return line + lang.pick(" (+\(more) more after quitting)", " (ещё \(more) — после выхода)")
    }
}
