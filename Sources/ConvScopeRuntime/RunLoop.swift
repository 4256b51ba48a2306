import ConvCore
import ConvScopeApp
import ConvExercises
import Dispatch

/// The TUI's loop: event → action → `update` → effects → view → draw. Every input (keys, resize,
/// suspend, signals, ticks, finished computations) reaches the state as an action. What to compute
/// comes from the effects, and the engine says what is still running; the loop asks the program
/// only for the region in view and its animation clock. `Program` is the course screen
/// (`AppState`) or an exercise session.
public struct RunLoop<Program: LoopProgram> {
    /// Writes the screen to a file for the `.export` effect; returns the status line's report.
    public typealias Exporter = (_ state: Program, _ maps: ComputedMaps?) -> String
    /// Writes a session's answers for the `.recordAnswers` effect; returns a report when it failed.
    public typealias Recorder = (_ record: AnswerRecord) -> String?

    public let screen: any Screen
    public private(set) var state: Program
    /// Computes what the effects ask for (maps, stack values, graph values); confined to this loop.
    let engine = Engine()
    let exporter: Exporter
    /// The signal that arrived, if any (checked once per turn).
    let pendingSignal: () -> Int32?
    /// Called after each drawn frame with the nanoseconds since the key that caused it.
    let frameDrawn: ((UInt64) -> Void)?
    /// Called once, when the first frame has been drawn (start → first frame in the benchmark).
    let firstFrameDrawn: (() -> Void)?
    /// Told every action and the effects `update` returned for it (tests; nothing is stored).
    let observe: ((Action, [Effect]) -> Void)?
    let recorder: Recorder?
    /// Starts or stops recording the screen for the `.toggleRecording` effect; returns the
    /// status line's report.
    let recordingToggle: (() -> String)?
    /// Called with every frame drawn (the recording, while one runs).
    let drawn: ((Canvas) -> Void)?
    /// Until when (uptime ns) the frame of a change may wait for the computation it started.
    private var frameHeldUntil: UInt64 = 0
    /// The course layout made for the region in view of a computation the last change started:
    /// the next frame is painted from it, not laid out again (nil once anything else changes).
    private var laidOutForRegion: ScreenLayout?
    /// How long a frame waits for a computation that has just started before it shows the
    /// spinner instead: a layer done sooner (a 256² 16-channel layer takes 5–15 ms) is drawn
    /// once, finished, and the run loop paints no spinner frame while the engine's threads
    /// want both cores (30 screens of a lab on one 2-core server). 25 ms still reads as at once.
    static var spinnerGrace: UInt64 { 25_000_000 }

    /// A loop over `screen` starting from `state`.
    public init(screen: any Screen, state: Program, exporter: @escaping Exporter,
                pendingSignal: @escaping () -> Int32? = { nil }, frameDrawn: ((UInt64) -> Void)? = nil,
                firstFrameDrawn: (() -> Void)? = nil, observe: ((Action, [Effect]) -> Void)? = nil,
                recorder: Recorder? = nil, recordingToggle: (() -> String)? = nil, drawn: ((Canvas) -> Void)? = nil) {
        self.recordingToggle = recordingToggle
        self.drawn = drawn
        self.screen = screen
        self.state = state
        self.exporter = exporter
        self.recorder = recorder
        self.pendingSignal = pendingSignal
        self.frameDrawn = frameDrawn
        self.firstFrameDrawn = firstFrameDrawn
        self.observe = observe
    }

    /// Runs until an effect says quit; returns the process's exit status.
    public mutating func run() -> Int32 {
        var spinner = 0
        var dirty = true
        var keyTime: UInt64?
        var nextTick = DispatchTime.now().uptimeNanoseconds
        var nextSpin = nextTick
        var firstFrameShown = false
        var lastFrame: Frame.Layout?
        /// Paints the state with the maps it holds.
        func drawNow(waiting: Bool) {
            // The state's environment: the screen's device with the palette the user picked.
            let frame = state.frame(environment: state.teaching.environment, spinner: spinner, laidOut: laidOutForRegion)
            laidOutForRegion = nil
            screen.draw(frame.canvas)
            lastFrame = frame.layout
            // Scrolled, paged, zoomed or resized while the maps are computed: the part this frame
            // shows is computed first (drawn in the next frame), read from its layout.
            if waiting, engine.isComputing(state.teaching.parameters) { engine.show(visibleOutput(drawn: frame.layout)) }
            drawn?(frame.canvas)
            dirty = false
            if !firstFrameShown { firstFrameShown = true; firstFrameDrawn?() }
            // Key → heatmaps: timed to the first frame that shows the new maps, not a spinner.
            if let start = keyTime, !waiting {
                frameDrawn?(DispatchTime.now().uptimeNanoseconds - start); keyTime = nil
            }
        }
        // The state learns it is drawn in frames before it starts, so start-up lays out only its first frame.
        state.showing(nil)
        if let status = dispatch(.start(screen.size)) { return status }
        while true {
            if let number = pendingSignal(), let status = dispatch(.signal(number)) { return status }
            // Finished computations reach the state as actions, like keys.
            for result in engine.take() {
                dirty = true
                if let status = dispatch(result.action) { return status }
            }
            let waiting = engine.isComputing
            if waiting, DispatchTime.now().uptimeNanoseconds >= nextSpin {
                spinner += 1; dirty = true
                nextSpin = DispatchTime.now().uptimeNanoseconds + 80_000_000
            }
            // A computation that has just started may end within `spinnerGrace`: its frame waits
            // for it (the pipe wakes the wait), and no spinner frame is painted in between.
            if dirty && !(waiting && DispatchTime.now().uptimeNanoseconds < frameHeldUntil) { drawNow(waiting: waiting) }
            // The animation clock: one tick per cell at the chosen speed.
            let now = DispatchTime.now().uptimeNanoseconds
            let period = 1_000_000_000 / UInt64(AppState.speeds[state.teaching.speedIndex])
            if state.teaching.playing && now >= nextTick {
                nextTick = now + period
                dirty = true
                if let status = dispatch(.tick) { return status }
                continue
            }
            var wait: Int32
            if state.teaching.playing {
                wait = Int32(max(1, min(100, (nextTick - now) / 1_000_000)))
            } else if LoopWakeup.shared.fileDescriptor < 0 {
                // No wakeup pipe: look for computed maps every 4 ms, and wake every 100 ms when idle.
                wait = waiting ? 4 : 100
            } else {
                // Finished maps and signals wake the wait (`LoopWakeup`): while maps are computed
                // it lasts until the spinner's next turn, and an idle screen waits with no
                // timeout at all, so it uses no CPU until a key, a resize or a signal.
                wait = waiting ? Int32(max(1, min(80, (nextSpin &- now) / 1_000_000))) : -1
            }
            if dirty {
                // A held frame is painted when its grace ends, whatever else the wait is for.
                let held = Int32(max(1, (frameHeldUntil &- min(now, frameHeldUntil) + 999_999) / 1_000_000))
                wait = wait < 0 ? held : min(wait, held)
            }
            guard var action = screen.nextEvent(timeoutMilliseconds: wait) else { continue }
            // A window under the smallest screen shows only the size it needs: a key or a click
            // would change what cannot be seen, so only q, Ctrl-C and Ctrl-Z act there.
            if screen.size.columns < ScreenLayout.minimum.columns || screen.size.rows < ScreenLayout.minimum.rows {
                if case .key(let key) = action, !Self.keysWhenTooSmall.contains(key) { continue }
                if case .mouse = action { continue }
            }
            // The event acts on the frame on screen: a held frame is painted before it (a resize
            // draws anew at its size).
            if case .resize = action {} else if dirty { drawNow(waiting: engine.isComputing) }
            // The event acts on the frame on screen: every change is drawn before the next event is
            // read, so the last frame is the state's. A click is hit-tested against it; a scroll or
            // a page is bounded by it.
            if case .mouse(var event) = action {
                event.drawn = lastFrame
                action = .mouse(event)
            }
            // A resize read before a held frame was painted: the frame on screen is an older
            // state's, so the state adopts nothing from it.
            state.showing(dirty ? nil : lastFrame)
            dirty = true
            if case .key = action { keyTime = DispatchTime.now().uptimeNanoseconds }
            if let status = dispatch(action) { return status }
        }
    }

    /// The keys that act in a window under the smallest screen: quit and suspend.
    static var keysWhenTooSmall: [Key] { [.character("q"), .control("c"), .control("z")] }

    /// The part of the output the screen shows while its maps are computed: read from the frame
    /// drawn from this state when given, else laid out (a screen that is not the course screen).
    func visibleOutput(drawn: Frame.Layout? = nil) -> OutputRegion? {
        if case .course(let layout)? = drawn { return state.teaching.visibleOutput(in: layout) }
        return state.teaching.visibleOutput(environment: state.teaching.environment)
    }

    /// The part of the output a computation just started will show first, read from the layout
    /// its frame will be painted from (kept for that frame in `laidOutForRegion`).
    mutating func regionOfNextFrame() -> OutputRegion? {
        let teaching = state.teaching
        guard teaching.parameters.validate() == nil else { return nil }
        let layout = Layout.compute(teaching, environment: teaching.environment)
        laidOutForRegion = layout
        return teaching.visibleOutput(in: layout)
    }

    /// Updates the state with an action and performs its effects, which may send further actions
    /// (a report, a resume, maps computed at once). Returns an exit status when one says quit.
    mutating func dispatch(_ action: Action) -> Int32? {
        var queue = [action]
        while !queue.isEmpty {
            let action = queue.removeFirst()
            // A layout kept for the next frame is this state's: any change but finished maps
            // (whose widths the frame checks) lays the frame out anew.
            if case .computed = action {} else { laidOutForRegion = nil }
            let effects = state.apply(action)
            observe?(action, effects)
            for effect in effects {
                switch effect {
                case .quit(let status):
                    return status
                case .compute(let p):
                    // Small maps are ready at once; big ones arrive later through `engine.take()`,
                    // the part on screen first for slow ones.
                    let wasComputing = engine.isComputing(p)
                    // The finished maps the state holds: asked for again, nothing is computed.
                    let onScreen = state.mapsState?.maps?.parameters
                    // Only a computation in the background computes the part in view first.
                    let region = engine.computesInBackground(p, onScreen: onScreen) ? regionOfNextFrame() : nil
                    queue += engine.request(.layer(p, showing: region, onScreen: onScreen)).map(\.action)
                    if !wasComputing && engine.isComputing(p) {
                        frameHeldUntil = DispatchTime.now().uptimeNanoseconds + Self.spinnerGrace
                    }
                case .computeGraph(let request):
                    queue += engine.request(.graph(request)).map(\.action)
                case .computeStack(let model, let selected):
                    queue += engine.request(.stack(model, selected: selected)).map(\.action)
                case .export:
                    queue.append(.report(exporter(state, state.mapsState?.maps)))
                case .toggleRecording:
                    if let report = recordingToggle?() { queue.append(.report(report)) }
                case .recordAnswers(let record):
                    if let failure = recorder?(record) { queue.append(.report(failure)) }
                case .suspend:
                    screen.suspend()
                    queue.append(.resumed(screen.size))
                case .mouseReporting(let on):
                    screen.setMouseReporting(on)
                }
            }
        }
        return nil
    }
}
