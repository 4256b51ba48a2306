import ArgumentParser
import ConvCore
import ConvExercises
import Foundation

/// `convscope exercise`: the exercise screen, grading (one student or a class), the key, the LMS export, generated labs.
/// The logic lives in ConvExercises; this reads the files, prints and writes.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Answer a lab on screen, grade a student or a class, print its key, export it to Moodle, or generate labs.",
        usage: """
            convscope exercise FILE [--record FILE]
            convscope exercise FILE --answers ANSWERS.txt [--format text|json] [--record FILE]
            convscope exercise FILE --answers A.txt B.txt … | DIR [--format text|csv|json]
            convscope exercise FILE --key [--format text|markdown|html] [-o FILE]
            convscope exercise FILE --export gift|moodle-xml [-o FILE]
            convscope exercise FILE --format text|json
            convscope exercise --generate N [--kinds shape,padding,value,rf] [--variant WORD] [--max-size N] [-o FILE]
            convscope exercise --generate N --variants ROSTER.txt -o DIR
            """,
        discussion: "On a terminal, FILE alone opens the exercise screen: one question at a time, answered on an "
            + "answer line, then the working and the maps; --record keeps the answers. "
            + "An exercise file is TOML: a title and [[exercise]] tables, each a layer or model, an input and "
            + "what is asked; convscope computes the answers. The answers file has one answer per line, "
            + "`N: answer` or in order; # starts a comment. Bad files exit with status 64, naming the line. "
            + "Several answers files (or a folder of them) make a gradebook: one row per file; a file that cannot "
            + "be graded keeps its row with the reason, is named on standard error, and the status is then 1.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, markdown, html
    }

    enum Export: String, ExpressibleByArgument, CaseIterable {
        case gift
        case moodleXML = "moodle-xml"
    }

    @Argument(help: "The exercise file (TOML).")
    var file: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: "Grade these answers files (one answer per line: N: answer, or in order); several files or a folder make a gradebook.")
    var answers: [String] = []

    @Option(name: .long, parsing: .unconditional,
            help: "Output format: text or json; csv for a gradebook; markdown or html for --key (with FILE alone: print the questions).")
    var format: Format?

    @Flag(name: .long, help: "Print the answer key: every question with its answer and working.")
    var key = false

    @Option(name: .long, parsing: .unconditional, help: "Export the lab for an LMS: gift or moodle-xml (Moodle's formats).")
    var export: Export?

    @Option(name: .long, parsing: .unconditional, help: "With --generate: one lab and one key per line of this roster, written to the folder -o names.")
    var variants: String?

    @Option(name: .long, parsing: .unconditional, help: "Write the answers, one `N: answer` line each, to this file (replaced atomically; on screen after every answer).")
    var record: String?

    @Option(name: .long, parsing: .unconditional, help: "Generate a lab of N questions (1…\(Self.maxQuestions)) instead of reading one.")
    var generate: Int?

    @Option(name: .long, parsing: .unconditional, help: "Question kinds for --generate, comma-separated: \(Self.kindWords).")
    var kinds: String?

    @Option(name: .long, parsing: .unconditional,
            help: "Which variant of the lab --generate writes: any word (a student's name or number); the same word gives the same file.")
    var variant: String?

    @Option(name: .customLong("max-size"), parsing: .unconditional,
            help: "Largest input height and width --generate uses (default 32, the course notebook's sliders; 1…1024).")
    var maxSize: Int?

    @Option(name: [.short, .customLong("output")], parsing: .unconditional,
            help: "Write the generated lab, the key or the export to this file (for --variants: this folder) instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: "Replace the file given with -o, or with --record when it is not an answers file, if it exists.")
    var force = false

    static let maxQuestions = 200
    static var kindWords: String { LabGenerator.generatableKinds.map(\.rawValue).joined(separator: ", ") }

    func validate() throws {
        let answering = !answers.isEmpty
        if generate != nil {
            if file != nil { throw ValidationError("--generate writes a new lab; give no exercise FILE with it.") }
            if answering || record != nil { throw ValidationError("--answers and --record grade a lab FILE; --generate writes one.") }
            if key || export != nil { throw ValidationError("--key and --export read a lab FILE; with --generate, --variants writes each lab's key.") }
            if variants != nil && variant != nil { throw ValidationError("give --variant WORD or --variants ROSTER, not both.") }
            if variants != nil && (output == nil || output == "-") { throw ValidationError("--variants writes one lab and one key per student: give the folder with -o DIR.") }
        } else {
            if file == nil {
                // --answers takes every name after it, so a lab written last is read as an answers file.
                if answering { throw ValidationError("exercise needs the lab FILE before --answers: convscope exercise lab.toml --answers A.txt B.txt …") }
                throw ValidationError("exercise needs a FILE to grade, or --generate N to write a lab.")
            }
            for (name, given) in [("--kinds", kinds != nil), ("--variant", variant != nil), ("--variants", variants != nil),
                                  ("--max-size", maxSize != nil)] where given {
                throw ValidationError("\(name) only goes with --generate N.")
            }
            if output != nil && !key && export == nil { throw ValidationError("-o goes with --generate, --key or --export.") }
            let modes = [("--answers", answering), ("--key", key), ("--export", export != nil)].filter(\.1).map(\.0)
            if modes.count > 1 { throw ValidationError("give one of \(modes.joined(separator: ", ")), not several.") }
            if export != nil && format != nil { throw ValidationError("--export writes Moodle's own format; give no --format with it.") }
            if let format {
                let allowed: [Format] = key ? [.text, .markdown, .html] : answering ? [.text, .json, .csv] : [.text, .json]
                if !allowed.contains(format) {
                    throw ValidationError("--format \(format.rawValue) does not go here: allowed \(allowed.map(\.rawValue).joined(separator: ", "))"
                        + (format == .csv ? " (csv is for --answers)" : format == .markdown || format == .html ? " (markdown and html are for --key)" : "") + ".")
                }
            }
            if record != nil && answers.count > 1 { throw ValidationError("--record keeps one student's answers; give one --answers file with it.") }
        }
        if let generate, !(1...Self.maxQuestions).contains(generate) {
            throw ValidationError("--generate \(generate) is out of range: allowed 1…\(Self.maxQuestions) questions.")
        }
        if let maxSize, !(1...1024).contains(maxSize) {
            throw ValidationError("--max-size \(maxSize) is out of range: allowed 1…1024.")
        }
        if let variant, variant.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--variant needs a word, e.g. --variant anna or --variant 7.") }
        for (flag, path) in answers.map({ ("--answers", Optional($0)) }) + [("--record", record), ("-o", output), ("--variants", variants)] {
            if let path, path.isEmpty || (path.hasPrefix("-") && path != "-") {
                throw ValidationError("\(flag) '\(path)' is not a file name; for a file that begins with - write ./\(path)")
            }
        }
    }

    func run() throws {
        if let generate { return try variants == nil ? writeLab(count: generate) : writeVariants(count: generate) }
        let path = file!
        // On a terminal the student answers on screen, which reads the settings file as the course
        // screen does; piped, or with --answers, --key, --export or --format, the output is the same on every machine.
        let onScreen = answers.isEmpty && !key && export == nil && format == nil && isatty(1) == 1 && isatty(0) == 1
        let lang = onScreen ? InteractiveConfig.resolve(language).language : language.language
        let lab: ExerciseSet
        do {
            // The lab speaks the chosen language: on screen, printed and graded.
            lab = try ExerciseLoader.load(try readText(path), language: lang)
        } catch let error as ExerciseFileError {
            throw badFile(path, error)
        }
        if key { return try writeOut(Array(AnswerKey(lab: lab, language: lang).text(KeyFormat(rawValue: (format ?? .text).rawValue) ?? .text).utf8)) }
        if let export { return try writeOut(Array(LMSExport.text(lab, format: export == .gift ? .gift : .moodleXML, language: lang).utf8)) }
        if let record { try RecordTarget.check(record, lab: path, answers: answers.first, force: force) }
        guard let answers = answers.first else {
            // On a terminal the student answers on screen; piped, or with --format, the questions are printed.
            if onScreen {
                let status = try ExerciseSession(lab: lab, recordPath: record, language: lang).run()
                if status != 0 { throw ExitCode(status) }
                return
            }
            if record != nil {
                throw ValidationError("--record keeps the answers of --answers, or of the exercise screen, which needs a terminal "
                    + "(and no --format).")
            }
            printQuestions(lab)
            return
        }
        if self.answers.count > 1 || format == .csv || isDirectory(answers) { return try gradeClass(lab) }
        let sheet: AnswerSheet
        do {
            sheet = try AnswerSheet.parse(try readText(answers), questionCount: lab.exercises.count, language: language.language)
        } catch let error as ExerciseFileError {
            // The answers file's mistakes are the student's, in the session's language.
            throw badFile(answers, error, language: language.language)
        }
        let report = GradeReport(lab: lab, sheet: sheet)
        if let record {
            try writeFile(record, Array(sheet.text(title: lab.title, questionCount: lab.exercises.count).utf8), replace: true)
        }
        // The text report quotes the student's answers and the lab's words: safe for the terminal.
        writeAll(1, Array((format == .json ? report.json : TerminalText.safe(report.text(language.language))).utf8))
    }

    /// Writes `bytes` to -o (replaced only with --force) or to standard output.
    func writeOut(_ bytes: [UInt8]) throws {
        if let output, output != "-" { try writeFile(output, bytes, replace: force) } else { writeAll(1, bytes) }
    }

    /// The question list, for a lab on paper or a first look.
    func printQuestions(_ lab: ExerciseSet) {
        if format == .json {
            let list = lab.exercises.map { ["number": "\($0.number)", "id": $0.id, "kind": $0.question.kind.rawValue, "prompt": $0.prompt] }
            let data = (try? JSONSerialization.data(withJSONObject: ["title": lab.title, "questions": list],
                                                    options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            writeAll(1, Array(data) + [10])
            return
        }
        let lines = [lab.title, ""] + lab.exercises.map { "\($0.number). [\($0.id)] \($0.prompt)" }
        writeAll(1, Array((TerminalText.safe(lines.joined(separator: "\n")) + "\n").utf8))
    }

    func writeLab(count: Int) throws {
        var generator = LabGenerator(kinds: try chosenKinds(), variant: LabVariant(variant ?? "1"), maxSize: maxSize)
        try writeOut(Array(generator.generate(count: count, language: language.language).utf8))
    }

    /// The kinds --kinds names, in order, each once.
    func chosenKinds() throws -> [QuestionKind] {
        var chosen: [QuestionKind] = []
        for word in (kinds ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let kind = QuestionKind(rawValue: word), LabGenerator.generatableKinds.contains(kind) else {
                throw ValidationError("--kinds '\(word)' is not a kind convscope generates: allowed \(Self.kindWords).")
            }
            if !chosen.contains(kind) { chosen.append(kind) }
        }
        return chosen
    }

    /// The whole file as UTF-8 text; a file that cannot be read is a usage error naming it.
    func readText(_ path: String) throws -> String {
        let data: Data
        do {
            data = try BoundedRead.bytes(atPath: path)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.reason : "does not exist"
            throw ValidationError("\(displayed(path)) \(reason); give a readable file.")
        }
        guard let text = TextFileDecoding.text(data) else {
            throw ValidationError("\(displayed(path)) is not UTF-8 text.")
        }
        return text
    }

    /// `convscope: lab.toml: line 12: …` on stderr, status 64.
    func badFile(_ path: String, _ error: ExerciseFileError, language: Language = .en) -> ExitCode {
        printError("convscope: \(displayed(path)): \(error.text(language))")
        return ExitCode(64)
    }

    /// Writes through SafeFileWriter (never a partial file); a failure is one line and status 1.
    func writeFile(_ path: String, _ bytes: [UInt8], replace: Bool) throws {
        do {
            try SafeFileWriter.write(bytes, to: path, replace: replace)
        } catch let error as FileWriteError {
            printError("convscope: \(error)")
            throw ExitCode(1)
        }
    }
}
