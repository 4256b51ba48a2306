import ConvCore

/// What every screen keeps whatever it shows: the terminal and device, the theme, the help,
/// the status line's notice, the mouse, the zoom, pages and scrolling of its maps, the open
/// panel, a value being typed. The course program and the model program each hold one, so
/// neither carries the other's fields.
public struct ScreenSettings: Equatable, Sendable {
    public var terminalSize = TerminalSize(columns: 80, rows: 24)
    /// The device the state is shown on (colour depth, glyphs, language): layout clamps depend on
    /// it. A new state is in English on a true-colour Unicode device until its program is given
    /// the real one (the run loop and `render` always give it).
    public var environment = RenderEnvironment(language: .en)
    /// Dark keeps the terminal's own colours; light paints a white page (slides, projectors).
    public var theme: ExportTheme = .dark
    public var showHelp = false
    public var helpPage = 0
    /// A one-line notice for the status line (e.g. why a typed value was refused).
    public var notice: Notice?
    /// A notice that says what the layout chose (the zoom key, `w`), left for the frame that lays
    /// the change out to word (`LayoutNotice`); setting `notice` drops it.
    public var noticeFromLayout: LayoutNotice?
    /// Clicks, drags and the wheel act on the screen (off: the terminal selects text instead).
    public var mouseEnabled = true
    /// The layout of the frame on screen when the event being handled arrived, set by the run
    /// loop: scrolling, paging and the help's and panels' pages are bounded by what was drawn
    /// instead of laying the screen out again. `update` drops it, as the state it was drawn from
    /// is gone; nil for callers that draw no frame (they get this state's own layout).
    public var onScreen: Frame.Layout?
    /// Set once the run loop hands the program the frames it draws: a change that may move a
    /// page or scroll past the end leaves them as requests, which the next frame's layout clamps
    /// and the next event adopts (`showing`), instead of laying the screen out in `update`.
    public var clampsToFrames = false
    /// nil chooses the largest zoom that fits.
    public var zoomOverride: Zoom?
    /// The channel page of each map section: the input, then each layer's output.
    public var pages = [0, 0]
    /// Scroll offsets (in tensor elements) for maps larger than the window.
    public var scrollX = 0, scrollY = 0
    /// Digits typed for the selected parameter, not yet committed.
    public var typing: String?
    /// Changing one of an h/w pair changes both.
    public var linked = false
    /// The layer is an exercise's: the hint lines leave out the keys that would change it.
    public var locked = false
    public var panel: Panel?
    /// First line of the open panel shown when it is taller than its box.
    public var panelScroll = 0
    /// Draws input maps with their zero-padding ring (always on while inspecting).
    public var paddedView = false
    /// How far a ConvTranspose2d explanation's maps are scrolled (on any screen that shows one).
    public var transposedScroll = TransposedScroll()

    /// The defaults: an 80×24 English true-colour screen, dark, nothing open.
    public init() {}
}

/// A program holding the shared settings: their names read as the program's own.
public protocol HoldsScreenSettings {
    /// The settings every screen keeps.
    var settings: ScreenSettings { get set }
}

extension HoldsScreenSettings {
    public var terminalSize: TerminalSize { get { settings.terminalSize } set { settings.terminalSize = newValue } }
    public var environment: RenderEnvironment { get { settings.environment } set { settings.environment = newValue } }
    public var theme: ExportTheme { get { settings.theme } set { settings.theme = newValue } }
    public var showHelp: Bool { get { settings.showHelp } set { settings.showHelp = newValue } }
    public var helpPage: Int { get { settings.helpPage } set { settings.helpPage = newValue } }
    public var notice: Notice? {
        get { settings.notice }
        set { settings.notice = newValue; settings.noticeFromLayout = nil }
    }
    public var mouseEnabled: Bool { get { settings.mouseEnabled } set { settings.mouseEnabled = newValue } }
    public var onScreen: Frame.Layout? { get { settings.onScreen } set { settings.onScreen = newValue } }
    public var clampsToFrames: Bool { get { settings.clampsToFrames } set { settings.clampsToFrames = newValue } }
    public var zoomOverride: Zoom? { get { settings.zoomOverride } set { settings.zoomOverride = newValue } }
    public var pages: [Int] { get { settings.pages } set { settings.pages = newValue } }
    public var scrollX: Int { get { settings.scrollX } set { settings.scrollX = newValue } }
    public var scrollY: Int { get { settings.scrollY } set { settings.scrollY = newValue } }
    public var typing: String? { get { settings.typing } set { settings.typing = newValue } }
    public var linked: Bool { get { settings.linked } set { settings.linked = newValue } }
    public var locked: Bool { get { settings.locked } set { settings.locked = newValue } }
    public var panel: Panel? { get { settings.panel } set { settings.panel = newValue } }
    public var panelScroll: Int { get { settings.panelScroll } set { settings.panelScroll = newValue } }
    public var paddedView: Bool { get { settings.paddedView } set { settings.paddedView = newValue } }
    public var transposedScroll: TransposedScroll {
        get { settings.transposedScroll } set { settings.transposedScroll = newValue }
    }
    /// The notice in words, as the status line shows it.
    public var message: String? { notice.map { NoticeText.notice($0, environment.language, environment.glyphs) } }
    /// The input maps' channel page.
    public var inputPage: Int { get { pages[0] } set { pages[0] = newValue } }
    /// The (single layer's) output maps' channel page.
    public var outputPage: Int { get { pages[1] } set { pages[1] = newValue } }
}
