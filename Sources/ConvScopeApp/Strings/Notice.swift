import ConvCore

/// A one-line message for the status line, kept as what happened (not as finished text) so the
/// view words it in the catalogue's language with the screen's glyphs.
public enum Notice: Equatable, Sendable {
    /// Start-up: the last session's parameters came back.
    case restored
    /// A typed value outside the parameter's (or K's) range.
    case outOfRange(name: String, value: Int, range: ClosedRange<Int>)
    /// A digit typed on a row of named choices (padding_mode, padding, input …): they are stepped, not typed.
    case choiceRow(name: String)
    /// The theme changed; `shownInTerminal` is false on a terminal without colours.
    case theme(ExportTheme, shownInTerminal: Bool)
    case linked(Bool)
    case zoom(Zoom, automatic: Bool)
    case reset
    /// Esc with nothing open.
    case nothingToClose
    /// A model's layer open in the course screen (`LayerLessonText`).
    case lesson(LessonNote)
    /// Space while PyTorch refuses the parameters.
    case nothingToAnimate
    /// The padded view was switched on or off; its ring holds the padding mode's values.
    case paddedView(Bool, mode: PaddingMode = .zeros)
    /// Mouse reporting was switched on (true) or off.
    case mouse(Bool)
    /// The heatmap palette changed; `shownInTerminal` is false on a terminal without colours.
    case colormap(ColormapName, shownInTerminal: Bool)
    /// Start-up: the saved session at `path` was not used, and why.
    case savedSessionIgnored(SavedSessionProblem, path: String)
    /// A sentence the executable made about a file (an export's path, a state file it ignored):
    /// paths and system errors are shown as they are.
    case fileReport(String)
    /// A row a loaded file sets (h_in with a file input, kernel_size_h with a kernel file).
    case fixedByFile(name: String, file: String)
    /// The depthwise key set groups = in_channels.
    case depthwise(groups: Int, outChannels: Int)
    /// The pointwise layer added after the depthwise one (C_in, C_out), or removed (nil).
    case separable(inChannels: Int, outChannels: Int)
    case separableOff
    /// The ConvTranspose2d explanation now on screen (nil: the layer itself).
    case transposedView(TransposedView?)
    /// A key that explains a ConvTranspose2d was pressed on a Conv2d, or the reverse.
    case wrongLayerKind(needs: CourseLayerKind)
    /// A row the layer kind has no argument for was changed (output_padding on a Conv2d).
    case rowNotTaken(name: String, kind: CourseLayerKind)
    /// The animation key on a ConvTranspose2d: the screen animates a Conv2d; render animates the two forms.
    case transposedAnimation
    /// The explain key on a depthwise-separable pair: the pointwise stage's maps shown, or the depthwise layer's again.
    case pointwiseMaps(Bool)
    /// The true convolution is shown (true) or PyTorch's cross-correlation alone.
    case trueConvolution(Bool)
    /// A Conv1d made causal (its WaveNet stack drawn or not), or padded as the rows say (nil).
    case causal(CausalView?)
    /// The course notebook's input was chosen: its height and width are swapped.
    case notebookInput
    /// `w` switched the kernel section: what the screen shows now, and why not when it does not.
    case kernelSection(KernelSectionChange)
    /// A clicked weight: PyTorch's index [out, in/g, ky, kx], the input channel it reads, its value.
    case weight(out: Int, index: Int, y: Int, x: Int, input: Int, value: Float)
}

/// What `w` did to the kernel section.
public enum KernelSectionChange: Equatable, Sendable {
    /// Drawn now.
    case shown
    /// Drawn before, not now.
    case hidden
    /// Wanted, but the window has no room for it.
    case noRoom
    /// Wanted, but PyTorch refuses the layer, so there are no weights to draw.
    case refused
}

/// Why a saved session (the state file) was ignored.
public enum SavedSessionProblem: Equatable, Sendable {
    case unreadable
    case notAStateFile
    /// A parameter, by PyTorch's name, is missing or out of range.
    case parameter(String)
    /// A saved option (padding mode, input, kernel, …) the command line refuses now, in its words.
    case option(String)
}
