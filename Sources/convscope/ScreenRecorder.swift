import ConvCore
import ConvScopeApp
import Dispatch

/// The A key's recording of the interactive screen: every frame drawn while it runs is kept as
/// an asciicast event, and the file is written when A is pressed again (or the session ends),
/// under a new name in the export directory like e's exports, never over an existing file.
final class ScreenRecorder {
    let directory: String
    let language: Language
    private var recording: AsciicastRecording?
    private var text = ""
    private var start: UInt64 = 0

    /// A recorder writing into `directory`, reporting in `language`.
    init(directory: String, language: Language) {
        self.directory = directory
        self.language = language
    }

    var isRecording: Bool { recording != nil }

    /// Starts a recording, or stops the one running and writes it; returns the status line's report.
    func toggle() -> String {
        guard isRecording else {
            text = ""
            start = DispatchTime.now().uptimeNanoseconds
            recording = AsciicastRecording(title: "convscope") { [unowned self] in self.text += $0 }
            return RecordingWords.started(language)
        }
        return finish()
    }

    /// Adds a frame the screen drew, while recording.
    func drawn(_ canvas: Canvas) {
        guard recording != nil else { return }
        recording!.add(canvas, at: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Writes the recording and ends it; returns the report.
    func finish() -> String {
        guard let done = recording else { return "" }
        recording = nil
        defer { text = "" }
        do {
            let path = try SafeFileWriter.writeUnique(Array(text.utf8), base: "\(directory)/convscope-\(InteractiveSession.timestamp())",
                                                      fileExtension: "cast")
            return RecordingWords.written(done.frames, path, language)
        } catch let error as FileWriteError {
            return RecordingWords.failed(error.shortDescription, language)
        } catch {
            return RecordingWords.failed("\(error)", language)
        }
    }
}

/// The recording's reports on the status line.
enum RecordingWords {
    static func started(_ l: Language) -> String {
        l.pick("recording the screen: press A again to stop and write the .cast file",
               "идёт запись экрана: нажмите A ещё раз, чтобы остановить и записать файл .cast")
    }
    static func written(_ frames: Int, _ path: String, _ l: Language) -> String {
        l.pick("recorded \(frames) frames to \(displayed(path)) (asciinema play plays it)",
               "записано кадров: \(frames), файл \(displayed(path)) (воспроизведение: asciinema play)")
    }
    static func failed(_ reason: String, _ l: Language) -> String {
        l.pick("recording not written: \(reason)", "запись не сохранена: \(reason)")
    }
}
