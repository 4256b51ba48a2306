import ConvCore
/// The graded report's words (`convscope exercise FILE --answers`), in English and Russian.
enum GradeText {
    static func noAnswer(_ l: Language) -> String { l.pick("(no answer)", "(нет ответа)") }

    /// A result's word as the report shouts it: RIGHT, WRONG, …
    static func result(_ result: String, _ l: Language) -> String {
        switch result {
        case "right": l.pick("RIGHT", "ВЕРНО")
        case "wrong": l.pick("WRONG", "НЕВЕРНО")
        case "unreadable": l.pick("UNREADABLE", "НЕ ПРОЧИТАН")
        case "skipped": l.pick("SKIPPED", "ПРОПУЩЕН")
        default: result.uppercased()
        }
    }

    static func answer(_ l: Language) -> String { l.pick("answer:", "ответ:") }
    static func expected(_ l: Language) -> String { l.pick("expected:", "правильно:") }
    static func hint(_ l: Language) -> String { l.pick("hint:", "подсказка:") }
    /// The start of an unreadable answer's hint: "type 1×8×4×4".
    static func type(_ l: Language) -> String { l.pick("type", "введите") }

    static func score(_ score: Int, of total: Int, _ l: Language) -> String {
        l.pick("Score: \(score)/\(total)", "Итог: \(score) из \(total)")
    }
}
