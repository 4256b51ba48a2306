/// A mouse report from the terminal, in screen cells counted from 0 at the top left.
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The left button went down.
        case press
        /// The pointer moved with the left button held.
        case drag
        /// The left button came up.
        case release
        /// The wheel turned: up/down, or sideways (Shift-wheel, tilt wheels).
        case wheelUp, wheelDown, wheelLeft, wheelRight
    }

    public let kind: Kind
    public let column: Int, row: Int
    /// The layout of the frame on screen when the event came (the run loop fills it in): the
    /// mouse is hit-tested against it instead of laying the screen out again.
    public var drawn: Frame.Layout?

    /// An event at (column, row).
    public init(_ kind: Kind, column: Int, row: Int, drawn: Frame.Layout? = nil) {
        self.kind = kind; self.column = column; self.row = row; self.drawn = drawn
    }

    /// An xterm SGR (mode 1006) report `ESC [ < button ; column ; row M|m`, from its three numbers
    /// (columns and rows counted from 1) and whether it ended in `M` (press, motion) or `m`
    /// (release). nil for what convscope does not use (middle and right buttons, bare motion).
    public init?(sgrButton button: Int, column: Int, row: Int, pressed: Bool) {
        guard column >= 1, row >= 1 else { return nil }
        // Bits 2–4 are Shift, Meta, Ctrl; 32 marks motion, 64 the wheel.
        let shift = button & 4 != 0
        let base = button & ~(4 | 8 | 16)
        let kind: Kind
        switch base {
        case 0: kind = pressed ? .press : .release
        case 32: kind = .drag
        case 64: kind = shift ? .wheelLeft : .wheelUp
        case 65: kind = shift ? .wheelRight : .wheelDown
        case 66: kind = .wheelLeft
        case 67: kind = .wheelRight
        default: return nil
        }
        self.init(kind, column: column - 1, row: row - 1)
    }
}
