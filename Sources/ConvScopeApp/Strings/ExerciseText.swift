import ConvCore
import ConvExercises

/// The exercise screen's sentences, each in English and Russian. The lab's own words (title,
/// prompts, the teacher's hints) and convscope's working stay as the file and the solver give them.
public enum ExerciseText {
    static func title(_ l: Language) -> String { l.pick("exercise", "упражнение") }
    static func score(_ right: Int, of total: Int, _ l: Language) -> String {
        l.pick("score \(right)/\(total)", "верно \(right) из \(total)")
    }
    static func question(_ number: Int, of total: Int, _ l: Language) -> String {
        l.pick("question \(number) of \(total)", "вопрос \(number) из \(total)")
    }
    static func layer(_ l: Language) -> String { l.pick("layer", "слой") }
    static func model(_ l: Language) -> String { l.pick("model", "модель") }
    static func input(_ l: Language) -> String { l.pick("input", "вход") }
    static func output(_ l: Language) -> String { l.pick("output", "выход") }
    static func target(_ l: Language) -> String { l.pick("target", "цель") }
    static func parametersLocked(_ l: Language) -> String { l.pick("parameters (locked)", "параметры (закреплены)") }
    static func mapsPreview(_ l: Language) -> String {
        let esc = KeyWords.keys([.escape], .unicodeSet, l), m = KeyWords.exercise(.maps, l)
        return l.pick("\(esc), then \(m): the input's maps (the output stays hidden until you answer)",
                      "\(esc), затем \(m): карты входа (выход скрыт до ответа)")
    }
    static func answer(_ l: Language) -> String { l.pick("answer", "ответ") }
    static func yourAnswer(_ l: Language) -> String { l.pick("your answer", "ваш ответ") }
    static func right(_ l: Language) -> String { l.pick("Right!", "Верно!") }
    static func wrong(_ l: Language) -> String { l.pick("Not right.", "Неверно.") }
    static func skipped(_ l: Language) -> String { l.pick("Skipped.", "Пропущено.") }
    static func hint(_ l: Language) -> String { l.pick("Hint:", "Подсказка:") }
    static func formulaHint(_ l: Language) -> String {
        l.pick("Hint: the formula with this layer's numbers —", "Подсказка: формула с числами этого слоя —")
    }
    static func expected(_ l: Language) -> String { l.pick("Answer:", "Ответ:") }
    static func working(_ l: Language) -> String { l.pick("Working:", "Решение:") }

    // Notices: one line on the status row.
    static func locked(_ l: Language) -> String {
        l.pick("the parameters are locked in an exercise", "в упражнении параметры слоя не меняются")
    }
    static func unreadable(_ kind: QuestionKind, _ l: Language) -> String {
        l.pick("cannot read that answer: type \(answerFormat(kind, l))",
               "не получается прочитать ответ: введите \(answerFormat(kind, l))")
    }
    static func empty(_ l: Language) -> String {
        let esc = KeyWords.keys([.escape], .unicodeSet, l), s = KeyWords.exercise(.skip, l)
        return l.pick("type an answer first (\(esc), then \(s) skips)", "сначала введите ответ (\(esc), затем \(s) — пропустить)")
    }
    static func answerFirst(_ l: Language) -> String {
        let s = KeyWords.exercise(.skip, l)
        return l.pick("the answer is shown after a try: type one, or \(s) skips",
                      "ответ показывается после попытки: введите свой или \(s), чтобы пропустить")
    }
    static func alreadyShown(_ l: Language) -> String {
        let next = KeyWords.exercise(.next, l)
        return l.pick("the answer is shown already: \(next) goes to the next question",
                      "ответ уже показан: \(next) — следующий вопрос")
    }
    static func keysAfterAnswer(_ l: Language) -> String {
        l.pick("the maps' keys work after the answer", "клавиши карт работают после ответа")
    }
    static func allShown(_ l: Language) -> String {
        l.pick("the whole page is shown: nothing to scroll", "страница видна целиком: прокручивать нечего")
    }
    static func hiddenOutput(_ l: Language) -> String {
        l.pick("output: hidden until you answer", "выход: скрыт до ответа")
    }
    static func first(_ l: Language) -> String { l.pick("this is the first question", "это первый вопрос") }
    static func last(_ l: Language) -> String {
        let q = KeyWords.exercise(.quit, l)
        return l.pick("this is the last question \u{00B7} \(q) quits", "это последний вопрос \u{00B7} \(q) — выход")
    }
    static func confirmQuit(unanswered n: Int, _ l: Language) -> String {
        let questions = l.count(n, en: ("question", "questions"), ru: ("вопрос", "вопроса", "вопросов"))
        let q = KeyWords.exercise(.quit, l)
        return l.pick("\(questions) not answered yet: \(q) again quits, any other key stays",
                      "без ответа \(questions): \(q) ещё раз — выйти, любая другая клавиша — остаться")
    }
    static func noMaps(_ l: Language) -> String {
        l.pick("the maps are drawn on the ramp input; this exercise uses another, so it has its working only",
               "карты признаков рисуются на входе-рампе; здесь вход другой, поэтому есть только решение")
    }
    static func nothingToClose(_ l: Language) -> String {
        // The exercise line always writes a middle dot, as its other sentences do.
        ScreenText.nothingToClose(l, .unicodeSet)
    }
    /// The status line when the record file could not be written.
    public static func recordFailed(_ reason: String, _ l: Language) -> String {
        l.pick("answers not recorded: \(reason)", "ответы не записаны: \(reason)")
    }

    // Keys.
    static func typeKeys(_ l: Language) -> String {
        let enter = KeyWords.keys([.enter], .unicodeSet, l), esc = KeyWords.keys([.escape], .unicodeSet, l)
        return l.pick("type the answer \u{00B7} \(enter) check \u{00B7} \(esc) leave the line",
                      "введите ответ \u{00B7} \(enter) проверить \u{00B7} \(esc) выйти из строки")
    }
    /// A command's short name on the hint row.
    static func command(_ command: ExerciseCommand, _ l: Language) -> String { words(command, l).name }
    /// A command's line in the key list.
    static func commandHelp(_ command: ExerciseCommand, _ l: Language) -> String { words(command, l).help }

    static func words(_ command: ExerciseCommand, _ l: Language) -> (name: String, help: String) {
        switch command {
        case .retry: (l.pick("retry", "ещё раз"),
                      l.pick("answer a wrong question again", "ответить на вопрос ещё раз после ошибки"))
        case .reveal: (l.pick("show the answer", "показать ответ"),
                       l.pick("show the answer and its working, step by step", "показать ответ и решение по шагам"))
        case .skip: (l.pick("skip", "пропустить"),
                     l.pick("skip this question (it scores nothing)", "пропустить вопрос (он не засчитывается)"))
        case .next: (l.pick("next", "следующий"), l.pick("the next question", "следующий вопрос"))
        case .previous: (l.pick("previous", "предыдущий"), l.pick("the previous question", "предыдущий вопрос"))
        case .maps, .working:
            (command == .maps ? l.pick("maps", "карты") : l.pick("working", "решение"),
             l.pick("after the answer: the layer's maps (the course screen's keys work there) or the working",
                    "после ответа: карты признаков слоя (там работают клавиши основного экрана) или решение"))
        case .answer: (l.pick("answer", "ответить"), l.pick("go back to the answer line", "вернуться к строке ответа"))
        case .help: (l.pick("keys", "клавиши"), l.pick("this list of keys", "этот список клавиш"))
        case .scrollDown: (l.pick("scroll down", "прокрутить вниз"),
                           l.pick("scroll the working down (a page taller than the screen)", "прокрутить решение вниз (если страница выше экрана)"))
        case .scrollUp: (l.pick("scroll up", "прокрутить вверх"), l.pick("scroll the working up", "прокрутить решение вверх"))
        case .quit: (l.pick("quit", "выход"),
                     l.pick("quit (asks first while questions are unanswered)", "выход (с вопросом, если остались вопросы без ответа)"))
        }
    }
    static func answerLineHelp(_ l: Language) -> String {
        let erase = KeyWords.keys([.backspace], .unicodeSet, l), enter = KeyWords.keys([.enter], .unicodeSet, l), esc = KeyWords.keys([.escape], .unicodeSet, l)
        return l.pick("in the answer line: digits, × or x, commas, letters; \(erase) erases; \(enter) checks; \(esc) leaves it",
                      "в строке ответа: цифры, × или x, запятые, буквы; \(erase) стирает; \(enter) проверяет; \(esc) — выйти из строки")
    }
    static func helpTitle(_ l: Language) -> String { l.pick("exercise keys", "клавиши упражнения") }
    static func helpClose(_ l: Language) -> String { l.pick("any key closes", "любая клавиша закрывает") }

    /// How to type an answer of this kind.
    static func answerFormat(_ kind: QuestionKind, _ l: Language) -> String {
        guard l == .ru else { return kind.answerFormat }
        switch kind {
        case .shape: return "форму, например 1x8x16x16, 1×8×16×16 или [1, 8, 16, 16]"
        case .size: return "H×W, например 16x16, или одно число, если они равны"
        case .value: return "число, например 36 или 4,5"
        case .padding: return "расширение (padding), например 1, (1, 2) или same"
        case .stride, .kernel, .outputPadding, .receptiveField: return "число или H×W, например 2x1"
        case .parameters, .multiplications, .denseParameters, .denseMultiplications: return "целое число, например 224"
        case .valid: return "да (yes) или нет (no) и причину"
        }
    }
}
