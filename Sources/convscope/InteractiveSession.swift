import ConvCore
import ConvScopeApp
import ConvScopeRuntime
import Foundation

/// The TUI on the terminal: the run loop on an NCursesScreen, with the executable's files and signals.
struct InteractiveSession {
    let screen: NCursesScreen
    let signals: SignalWatcher
    let exportFormat: ExportFormat
    /// What e writes (the whole screen or just the maps) and where, as an absolute directory.
    var frame: ExportFrame = .screen
    var exportDirectory = "."

    /// Writes what is on screen now (or just its maps) into the export directory under a new name.
    func exportScreen(_ state: AppState, maps: ComputedMaps?) -> String {
        // A picture of "computing…" is no slide: say so and write nothing.
        if ExportFrame.waitsForMaps(state, maps: maps) { return NoticeText.exportWaits(state.environment.language) }
        // Exports use exact colours whatever the terminal could show; `view` ignores stale maps.
        var env = state.environment
        if env.colorDepth != .none { env.colorDepth = .trueColor }
        let canvas = frame.canvas(state, maps: maps, environment: env)
        // The layer's shapes in the picture's title.
        return write(canvas, theme: state.theme, title: ConvSlide.title(state, environment: env), language: env.language)
    }

    /// Writes the model screen now (or just its maps) into the export directory under a new name.
    func exportScreen(_ state: ModelProgram) -> String {
        var env = state.environment
        if env.colorDepth != .none { env.colorDepth = .trueColor }
        // The model screen keeps the plain title.
        return write(frame.canvas(state, environment: env), theme: state.theme, title: "convscope", language: env.language)
    }

    /// Writes an exported picture under a new name; returns the status line's report.
    func write(_ canvas: Canvas, theme: ExportTheme, title: String, language: Language) -> String {
        let bytes = Array(exportFormat.export(canvas, theme: theme, title: title, language: language).utf8)
        let stamp = Self.timestamp()
        do {
            let path = try SafeFileWriter.writeUnique(bytes, base: "\(exportDirectory)/convscope-\(stamp)",
                                                      fileExtension: exportFormat.fileExtension)
            return NoticeText.exported(path, language)
        } catch let error as FileWriteError {
            return NoticeText.exportFailed(error.shortDescription, language)
        } catch {
            return NoticeText.exportFailed("\(error)", language)
        }
    }

    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// CLOCK_REALTIME in nanoseconds, comparable with `date +%s%N` in a script.
    static func wallClockNanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }

    /// Runs `state` until quit or a signal; returns the process's exit status and the last state.
    func run<Program: LoopProgram>(_ state: Program, exporter: @escaping (Program, ComputedMaps?) -> String)
        -> (status: Int32, state: Program) {
        // CONVSCOPE_FRAME_LOG=path records key-to-screen times (µs) for scripts/bench_redraw.sh.
        let frameLog = ProcessInfo.processInfo.environment["CONVSCOPE_FRAME_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        // CONVSCOPE_START_LOG=path records the wall clock (ns) at the first frame, for scripts/bench.sh.
        let startLog = ProcessInfo.processInfo.environment["CONVSCOPE_START_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        let recorder = ScreenRecorder(directory: exportDirectory, language: state.teaching.environment.language)
        var loop = RunLoop(
            screen: screen, state: state, exporter: exporter,
            pendingSignal: { [signals] in signals.received },
            frameDrawn: frameLog.map { log in { nanoseconds in log.write(Data("\(nanoseconds / 1000)\n".utf8)) } },
            firstFrameDrawn: startLog.map { log in { log.write(Data("\(Self.wallClockNanoseconds())\n".utf8)) } },
            recordingToggle: recorder.toggle, drawn: recorder.drawn)
        let status = loop.run()
        // A recording still running when the session ends is written, not lost.
        if recorder.isRecording { _ = recorder.finish() }
        return (status, loop.state)
    }
}
