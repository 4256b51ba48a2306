/// What the run loop draws on and reads from: the terminal (NCursesScreen) or a scripted
/// FakeScreen in tests. Terminal events come back as actions.
public protocol Screen: AnyObject {
    /// The device's colour depth and glyphs.
    var environment: RenderEnvironment { get }
    /// The window's size now.
    var size: TerminalSize { get }
    /// Draws a canvas of the window's size.
    func draw(_ canvas: Canvas)
    /// Waits up to `milliseconds` for the next event: `.key`, `.resize`, or `.signal(SIGHUP)` when
    /// the terminal hung up. nil on timeout.
    func nextEvent(timeoutMilliseconds milliseconds: Int32) -> Action?
    /// Leaves the screen for the shell (Ctrl-Z) and returns once the shell resumes us.
    func suspend()
    /// Turns the terminal's mouse reporting on or off; events then arrive as `.mouse`.
    func setMouseReporting(_ on: Bool)
}
