import ArgumentParser
import ConvExercises
import Foundation

/// `exercise` for a whole class: a gradebook of many answers files, and one lab and key per student.
extension ExerciseCommand {
    /// Grades every answers file (a folder's files in name order) into one gradebook; a file that
    /// cannot be graded keeps its row with the reason, is named on standard error, and makes the status 1.
    func gradeClass(_ lab: ExerciseSet) throws {
        var files: [(name: String, sheet: Result<AnswerSheet, ExerciseFileError>)] = []
        for path in answers {
            guard isDirectory(path) else {
                files.append((path, sheet(path, lab)))
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            let folder = path.hasSuffix("/") ? path : path + "/"
            let regular = names.filter { !isDirectory(folder + $0) }
            if regular.isEmpty { printError("convscope: \(displayed(path)) holds no answers file.") }
            files += regular.map { (folder + $0, sheet(folder + $0, lab)) }
        }
        let book = Gradebook(lab: lab, files: files, language: language.language)
        let text = switch format {
        case .csv: book.csv
        case .json: book.json
        default: book.text(language.language)
        }
        writeAll(1, Array(text.utf8))
        let notGraded = language.language.pick("not graded", "не проверен")
        for row in book.refused { printError("convscope: \(displayed(row.file)): \(notGraded): \(row.error ?? "")") }
        if !book.refused.isEmpty { throw ExitCode(1) }
    }

    /// One answers file read and parsed, or why it cannot be graded (unreadable, not text, a mistake on a line).
    func sheet(_ path: String, _ lab: ExerciseSet) -> Result<AnswerSheet, ExerciseFileError> {
        let data: Data
        do {
            data = try BoundedRead.bytes(atPath: path)
        } catch {
            let l = language.language
            return .failure(ExerciseFileError(line: nil, FileManager.default.fileExists(atPath: path) ? error.reason
                                                        : l.pick("does not exist", "не существует")))
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
            return .failure(ExerciseFileError(line: nil, language.language.pick("not UTF-8 text (a binary file?)",
                                                                                 "не текст UTF-8 (двоичный файл?)")))
        }
        do {
            return .success(try AnswerSheet.parse(text, questionCount: lab.exercises.count, language: language.language))
        } catch {
            return .failure(error)
        }
    }

    /// True for a folder (a link to one included).
    func isDirectory(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// `--generate N --variants ROSTER -o DIR`: for each student of the roster (one per line; blank
    /// lines and `#` comments skipped) their own lab `NAME.toml` and its key `NAME-key.txt`.
    func writeVariants(count: Int) throws {
        let roster = try readText(variants!)
        var students: [(word: String, line: Int)] = []
        for (index, raw) in roster.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let word = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if let first = students.first(where: { LabVariant($0.word).word.lowercased() == LabVariant(word).word.lowercased() }) {
                throw ValidationError("--variants \(displayed(variants!)): line \(index + 1) names \(word) again (line \(first.line)); "
                    + "each student needs a name or number of their own.")
            }
            students.append((word, index + 1))
        }
        guard !students.isEmpty else { throw ValidationError("--variants \(displayed(variants!)) names no student: one name or number per line.") }
        let folder = output!
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("-o \(displayed(folder)) cannot be made a folder: \(error.localizedDescription)")
        }
        let kinds = try chosenKinds()
        var used: Set<String> = []
        for student in students {
            var generator = LabGenerator(kinds: kinds, variant: LabVariant(student.word), maxSize: maxSize)
            let text = generator.generate(count: count, language: language.language)
            let lab = try ExerciseLoader.load(text, language: language.language)
            var name = Self.fileName(student.word), n = 2
            while used.contains(name.lowercased()) { name = Self.fileName(student.word) + "-\(n)"; n += 1 }
            used.insert(name.lowercased())
            let base = (folder as NSString).appendingPathComponent(name)
            try writeFile(base + ".toml", Array(text.utf8), replace: force)
            try writeFile(base + "-key.txt", Array(AnswerKey(lab: lab, language: language.language).text(.text).utf8), replace: force)
        }
    }

    /// A student's word as a file name: letters, digits, - and _ kept, anything else `_`.
    static func fileName(_ word: String) -> String {
        let kept = String(word.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return kept.isEmpty || kept.hasPrefix("-") ? "student" + kept : kept
    }
}
