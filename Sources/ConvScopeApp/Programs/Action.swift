import ConvCore

/// Everything that can happen to the state, through one door: keys, resizes, suspend and
/// resume, signals, clock ticks and finished computations.
public enum Action: Equatable, Sendable {
    /// The run loop starts on a terminal of this size.
    case start(TerminalSize)
    /// A key press, turned into one of the actions below by the key table.
    case key(Key)
    /// Ctrl-Z: leave the screen until the shell resumes us.
    case suspend
    /// Back from a suspend, on a terminal that may have changed size meanwhile.
    case resumed(TerminalSize)
    /// A signal (SIGINT, SIGTERM, SIGHUP) or a terminal that hung up: end the session.
    case signal(Int32)
    /// Computed maps, into the state (`AppState.maps`): the whole output, or (`coverage` set) the
    /// part in view of a slow layer computed first (`AppState.preview`).
    case computed(ComputedMaps)
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
    /// Scrolls cropped maps by dx, dy pages (a page is the visible width or height).
    case scroll(dx: Int, dy: Int)
    case reset
    case toggleHelp
    /// Next (+1) or previous (-1) page of the help when it does not fit.
    case helpPage(Int)
    /// Writes the screen to a file (the run loop performs the `.export` effect).
    case export
    /// Starts recording the screen to an asciicast file, or stops it (the run loop performs the
    /// `.toggleRecording` effect).
    case toggleRecording
    /// The run loop's report on a finished side effect, for the status line.
    case report(String)
    case quit
    /// Esc: backs out one level (typed value, then help or panel, then inspector); never quits.
    case back
    /// Switches between the dark and the light theme.
    case toggleTheme
    case resize(TerminalSize)
    /// Sets a parameter directly (tests, command line).
    case set(ParameterID, Int)
    case focusNext, focusPrevious
    /// Moves the inspector cursor of the focused maps.
    case moveCursor(dx: Int, dy: Int)
    case cursorChannel(Int)
    case togglePlay
    /// One animation step forward (+1) or back (-1).
    case step(Int)
    /// The animation clock: advances one cell while playing.
    case tick
    case slower, faster
    case togglePadded
    case togglePanel(Panel)
    /// Scrolls the open panel by lines (negative: up).
    case scrollPanel(Int)
    /// Halves (false) or doubles (true) K in the cost panel.
    case scaleDenseOutputs(up: Bool)
    /// Depthwise convolution: groups = in_channels with out_channels a multiple; again: groups = 1.
    case depthwise
    /// The next kernel preset (a loaded kernel file comes after random).
    case cycleKernel
    /// Pins a cursor directly (render --inspect, tests).
    case inspect(Focus, CellCursor)
    /// A click, drag or wheel turn; MouseUpdate turns it into the actions above.
    case mouse(MouseEvent)
    /// Mouse reporting on / off (off leaves text selection to the terminal).
    case toggleMouse
    /// The next heatmap palette (rocket, viridis, cividis, magma, gray).
    case cycleColormap
    /// Selects a parameter directly (a click on its row).
    case select(ParameterID)
    /// The next channel page of one section, back to the first after the last (a click on its
    /// page marker).
    case nextPageOf(MapSection)
    /// Shows or hides the kernel section (the `w` key).
    case toggleKernelSection
    /// Says which weight a kernel cell is and its value (a click on it): pair (out, in/g) of the
    /// kernel section, kernel row y, column x.
    case showWeight(pair: Int, y: Int, x: Int)
    /// Depthwise-separable: the depthwise layer plus a pointwise 1×1 after it; again: without it.
    case separable
    /// A ConvTranspose2d's explanation: the layer, the direct convolution, the scatter (`v`).
    case cycleTransposedView
    /// A Conv2d's true convolution (the kernel flipped) beside PyTorch's cross-correlation.
    case toggleTrueConvolution
    /// A Conv1d: causal (left padding only), then its WaveNet stack, then as the rows pad it.
    case cycleCausal
    /// The stack screen's own actions (layers, inspector across layers, coverage).
    case stack(StackAction)
    /// One of the graph screen's actions (a traced forward).
    case graph(GraphAction)
    /// The stack screen's values for a model, computed off the input loop: up to the selected
    /// layer first (`StackRun.isComplete` false), then all of them.
    case stackComputed(Model, StackRun)
    /// The graph screen's values computed behind it, for the request that asked, and the
    /// effective field when it asked for one.
    case graphComputed(GraphRequest, [String: GraphValue], field: [[Double]]? = nil)
}
