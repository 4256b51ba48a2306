import ConvCore
import ConvScopeApp
import Foundation

/// The TUI's loop: key → action → update → view → draw, with heavy work off the loop.
struct InteractiveSession {
    let screen: NCursesScreen
    let signals: SignalWatcher
    var state: AppState
    let engine = ComputeEngine()

    /// Runs until quit or a signal; returns the process's exit status.
    mutating func run() -> Int32 {
        state.terminalSize = screen.size
        var spinner = 0
        var dirty = true
        while true {
            if let number = signals.received { return SignalWatcher.exitStatus(for: number) }
            if engine.request(state.parameters) { dirty = true }
            if engine.poll() { dirty = true }
            let waiting = engine.isComputing(state.parameters)
            if waiting { spinner += 1; dirty = true }
            if dirty {
                let maps = engine.latest?.parameters == state.parameters ? engine.latest : nil
                screen.draw(view(state, maps: maps, environment: screen.environment, spinner: spinner))
                dirty = false
            }
            guard let key = screen.readKey(timeoutMilliseconds: waiting ? 80 : 100) else { continue }
            dirty = true
            switch key {
            case .resize:
                state = update(state, .resize(screen.size))
            case .control("z"):
                screen.suspend()
                state = update(state, .resize(screen.size))
            default:
                guard let action = KeyMap.action(for: key, in: state) else { continue }
                state = update(state, action)
                if state.shouldQuit { return 0 }
            }
        }
    }
}
