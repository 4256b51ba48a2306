import ConvCore
import ConvScopeApp
import Foundation

/// The TUI's loop: key → action → update → view → draw, with heavy work off the loop.
struct InteractiveSession {
    let screen: NCursesScreen
    let signals: SignalWatcher
    var state: AppState
    let exportFormat: ExportFormat
    /// What e writes (the whole screen or just the maps) and where, as an absolute directory.
    var frame: ExportFrame = .screen
    var exportDirectory = "."
    let engine = ComputeEngine()

    /// Writes what is on screen now (or just its maps) into the export directory under a new name.
    func exportScreen() -> String {
        // Exports use exact colours whatever the terminal could show; `view` ignores stale maps.
        var env = screen.environment
        if env.colorDepth != .none { env.colorDepth = .trueColor }
        let canvas = frame.canvas(state, maps: engine.latest, environment: env)
        let bytes = Array(exportFormat.export(canvas, theme: state.theme).utf8)
        let stamp = Self.timestamp()
        do {
            let path = try SafeFileWriter.writeUnique(bytes, base: "\(exportDirectory)/convscope-\(stamp)",
                                                      fileExtension: exportFormat.fileExtension)
            return "exported \(path)"
        } catch let error as FileWriteError {
            return "export failed: \(error.shortDescription)"
        } catch {
            return "export failed: \(error)"
        }
    }

    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Runs until quit or a signal; returns the process's exit status.
    mutating func run() -> Int32 {
        state.terminalSize = screen.size
        var spinner = 0
        var dirty = true
        // CONVSCOPE_FRAME_LOG=path records key-to-screen times (µs) for scripts/bench_redraw.sh.
        let frameLog = ProcessInfo.processInfo.environment["CONVSCOPE_FRAME_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
        var keyTime: UInt64?
        var nextTick = DispatchTime.now().uptimeNanoseconds
        while true {
            if let number = signals.received { return SignalWatcher.exitStatus(for: number) }
            if screen.catchUpWithResize() {
                state = update(state, .resize(screen.size))
                dirty = true
            }
            if engine.request(state.parameters) { dirty = true }
            if engine.poll() { dirty = true }
            let waiting = engine.isComputing(state.parameters)
            if waiting { spinner += 1; dirty = true }
            if dirty {
                screen.draw(view(state, maps: engine.latest, environment: screen.environment, spinner: spinner))
                dirty = false
                if let start = keyTime, let frameLog {
                    frameLog.write(Data("\((DispatchTime.now().uptimeNanoseconds - start) / 1000)\n".utf8))
                    keyTime = nil
                }
            }
            // The animation clock: one tick per cell at the chosen speed.
            let now = DispatchTime.now().uptimeNanoseconds
            let period = 1_000_000_000 / UInt64(AppState.speeds[state.speedIndex])
            if state.playing && now >= nextTick {
                state = update(state, .tick)
                nextTick = now + period
                dirty = true
                continue
            }
            let wait: Int32 = state.playing ? Int32(max(1, min(100, (nextTick - now) / 1_000_000))) : (waiting ? 80 : 100)
            guard let key = screen.readKey(timeoutMilliseconds: wait) else {
                // A terminal that hung up reads as "no key" at once, forever: leave as SIGHUP would.
                if screen.terminalHungUp { return SignalWatcher.exitStatus(for: SIGHUP) }
                continue
            }
            dirty = true
            keyTime = DispatchTime.now().uptimeNanoseconds
            switch key {
            case .resize, .control("z"):
                // Back from a suspend the window may have changed too: both repaint at the new size.
                if key == .control("z") { screen.suspend() }
                screen.invalidate()
                state = update(state, .resize(screen.size))
            default:
                guard let action = KeyMap.action(for: key, in: state) else { continue }
                state = update(state, action)
                if state.shouldQuit { return 0 }
                if state.exportRequested { state = update(state, .report(exportScreen())) }
            }
        }
    }
}
