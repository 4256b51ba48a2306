import ConvScopeApp
import Foundation
import Testing

/// A screen for tests: plays a script of events into the real run loop and keeps every frame.
final class FakeScreen: Screen {
    /// One step of the script.
    enum Step {
        /// The next event the loop reads.
        case event(Action)
        /// Reports no event (a timeout) until the newest frame satisfies `done`, for at most `seconds`.
        case idle(until: (String) -> Bool, seconds: Double)
        /// Nothing happens for `seconds`, as at a terminal nobody types at: each wait lasts its
        /// timeout, and a wait with no timeout lasts the rest of the period. The loop's turns in it
        /// are counted (`quietTurns`).
        case quiet(seconds: Double)
    }

    let environment: RenderEnvironment
    private(set) var size: TerminalSize
    private var script: [Step]
    /// Every drawn frame as plain text, with the size it was drawn at.
    private(set) var frames: [(size: TerminalSize, text: String)] = []
    private(set) var suspensions = 0
    private var idleStarted: ContinuousClock.Instant?
    /// The timeouts the loop asked for during `quiet` steps, one per turn of the loop.
    private(set) var quietTimeouts: [Int32] = []

    init(size: TerminalSize, script: [Step], environment: RenderEnvironment = RenderEnvironment(colorDepth: .palette256, language: .en)) {
        self.size = size
        self.script = script
        self.environment = environment
    }

    func draw(_ canvas: Canvas) {
        #expect(canvas.width == size.columns && canvas.height == size.rows, "a frame of the window's size")
        frames.append((size, canvas.text))
    }

    func nextEvent(timeoutMilliseconds milliseconds: Int32) -> Action? {
        guard let step = script.first else { return .key(.character("q")) }  // a script that ends quits
        switch step {
        case .event(let action):
            script.removeFirst()
            if case .resize(let newSize) = action { size = newSize }
            return action
        case .idle(let done, let seconds):
            let started = idleStarted ?? .now
            idleStarted = started
            if done(frames.last?.text ?? "") || ContinuousClock.now - started > .seconds(seconds) {
                script.removeFirst()
                idleStarted = nil
            } else {
                // A real timeout: the loop's background work gets the time a terminal would give it.
                Thread.sleep(forTimeInterval: Double(milliseconds < 0 ? 20 : min(milliseconds, 20)) / 1000)  // < 0: no timeout
            }
            return nil
        case .quiet(let seconds):
            quietTimeouts.append(milliseconds)
            let started = idleStarted ?? .now
            idleStarted = started
            let left = .seconds(seconds) - (ContinuousClock.now - started)
            let wait = milliseconds < 0 ? left : min(left, .milliseconds(Int(milliseconds)))
            if wait > .zero { Thread.sleep(forTimeInterval: Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18) }
            if ContinuousClock.now - started >= .seconds(seconds) {
                script.removeFirst()
                idleStarted = nil
            }
            return nil
        }
    }

    func suspend() { suspensions += 1 }

    /// Every mouse-reporting switch the loop asked for, in order.
    private(set) var mouseReporting: [Bool] = []
    func setMouseReporting(_ on: Bool) { mouseReporting.append(on) }
}
