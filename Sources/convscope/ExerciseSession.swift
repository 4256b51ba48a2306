import ConvCore
import ArgumentParser
import ConvExercises
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// `convscope exercise FILE` on a terminal: the exercise screen in the run loop on an
/// NCursesScreen, recording each answer in `--record` as it is given.
struct ExerciseSession {
    let lab: ExerciseSet
    /// Where the answers go (the `--answers` format): written whole at the start, then appended to.
    let recordPath: String?
    /// The screen's language (--lang, else the locale); a terminal without UTF-8 gets English.
    let language: Language

    /// Runs the session; returns the process's exit status. The record file is written once
    /// before the screen starts, so a path that cannot be written is reported with the terminal untouched.
    func run() throws -> Int32 {
        let recordFile = recordPath.map { AnswerRecordFile(path: $0, writeWhole: { [path = $0] text in Self.write(text, to: path) }) }
        if let recordFile {
            let empty = AnswerSheet().text(title: lab.title, questionCount: lab.exercises.count)
            if let failure = recordFile.start(empty) {
                printError("convscope: \(failure)")
                throw ExitCode(1)
            }
        }
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        let signals = SignalWatcher()
        let screen: NCursesScreen
        do {
            screen = try NCursesScreen(forceNoColor: noColor, language: language)
        } catch TerminalUnavailable.notATerminal(let why), TerminalUnavailable.unknownTerminal(let why) {
            printError("convscope: \(why), so the exercise screen cannot start; convscope exercise FILE --answers ANSWERS.txt grades without one.")
            throw ExitCode(2)
        }
        let state = ExerciseState(lab: lab, environment: screen.environment, records: recordPath != nil)
        let language = screen.environment.language
        let screenRecorder = ScreenRecorder(directory: ".", language: language)
        // CONVSCOPE_FRAME_LOG=path records key-to-screen times (µs), as on the course screen (scripts/bench_lab.sh).
        let frameLog = ProcessInfo.processInfo.environment["CONVSCOPE_FRAME_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        var loop = RunLoop(
            screen: screen, state: state,
            exporter: { state, maps in
                let session = InteractiveSession(screen: screen, signals: signals, exportFormat: .svg)
                return state.model.map { session.exportScreen($0) } ?? session.exportScreen(state.teaching, maps: maps)
            },
            pendingSignal: { [signals] in signals.received },
            frameDrawn: frameLog.map { log in { nanoseconds in log.write(Data("\(nanoseconds / 1000)\n".utf8)) } },
            recorder: { [recordFile] record in
                recordFile?.record(record).map { ExerciseText.recordFailed($0, language) }
            },
            recordingToggle: screenRecorder.toggle, drawn: screenRecorder.drawn)
        let status = loop.run()
        screen.stop()
        if screenRecorder.isRecording { _ = screenRecorder.finish() }
        // The appended lines are folded into one line per question, once, atomically.
        _ = recordFile?.finish()
        // A failed write is followed by a whole one, so only the last write matters: when it
        // failed, the answers since the last good one exist nowhere but on the screen that just closed.
        if let recordPath, let reason = recordFile?.failure {
            printError("convscope: the latest answers were not recorded to \(displayed(recordPath)): \(reason)")
            return status == 0 ? 1 : status
        }
        return status
    }

    /// Replaces `path` with `text` atomically; returns why it failed, or nil.
    static func write(_ text: String, to path: String) -> String? {
        do {
            try SafeFileWriter.write(Array(text.utf8), to: path, replace: true)
            return nil
        } catch let error as FileWriteError {
            return error.shortDescription
        } catch {
            return "\(error)"
        }
    }
}
