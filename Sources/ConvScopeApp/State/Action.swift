import ConvCore

/// Everything that can happen to the state: keys, resizes, finished computations.
public enum Action: Equatable, Sendable {
    case selectPrevious, selectNext
    case decrement, increment
    /// Halve sizes and channels, or step others down by 4.
    case bigDecrement
    /// Double sizes and channels, or step others up by 4.
    case bigIncrement
    case setMinimum, setMaximum
    case typeDigit(Int)
    case typeBackspace, commitTyping, cancelTyping
    case toggleLink
    case cycleZoom
    case previousPage, nextPage
    case scroll(dx: Int, dy: Int)
    case reset
    case toggleHelp
    /// Asks the run loop to write the screen to a file.
    case export
    /// The run loop's report on a finished side effect, for the status line.
    case report(String)
    case quit
    case resize(TerminalSize)
    /// Sets a parameter directly (tests, command line).
    case set(ParameterID, Int)
}
