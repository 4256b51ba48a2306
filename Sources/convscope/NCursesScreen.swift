import ConvCore
// The only file that talks to ncurses: starts and restores the terminal, draws a Canvas,
// and turns ncurses key codes and mouse reports into actions.
import CNCursesW
import ConvScopeApp
import ConvScopeRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the TUI cannot start in this environment.
enum TerminalUnavailable: Error {
    case notATerminal(String)
    case unknownTerminal(String)
}

/// An ncurses session on the process's terminal.
final class NCursesScreen: Screen {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    let environment: RenderEnvironment
    private var pairs: [PairKey: Int32] = [:]
    private var colorIndexCache: [RGB: Int16] = [:]
    private var stopped = false
    /// Whether the terminal is reporting the mouse now (turned off again on every exit path).
    private var mouseReporting = false

    private struct PairKey: Hashable { let fg: Int16, bg: Int16 }

    /// Starts curses; throws (without printing anything) when there is no usable terminal.
    init(forceNoColor: Bool, language: Language) throws {
        guard isatty(1) == 1 else { throw TerminalUnavailable.notATerminal("standard output is not a terminal") }
        guard isatty(0) == 1 else { throw TerminalUnavailable.notATerminal("standard input is not a terminal") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalUnavailable.unknownTerminal("TERM is not set")
        }
        // A locale the system lacks (ru_RU.UTF-8 where only C.UTF-8 is generated) would leave the C
        // locale: no UTF-8, so no box drawing and no Cyrillic. Its codeset is kept with C.UTF-8.
        if setlocale(LC_ALL, "") == nil, Self.environmentAsksForUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
        let utf8 = Self.localeIsUTF8()
        // The size comes from the terminal itself (the ioctl), not from COLUMNS/LINES, which shells
        // leave stale. use_env(FALSE) alone would fall back to terminfo's lines/cols, which entries
        // such as TERM=linux do not have: newterm then fails.
        use_env(false)
        use_tioctl(true)
        cs_keep_shell_mode()
        // newterm returns NULL (where initscr would exit) for a TERM terminfo does not know, and
        // for a terminal whose size cannot be found out.
        guard let s = cs_newterm() else {
            throw TerminalUnavailable.unknownTerminal(Self.whyNewtermFailed(term))
        }
        screen = s
        set_term(s)
        guard cs_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(s)
            throw TerminalUnavailable.unknownTerminal("TERM=\(term) cannot move the cursor")
        }
        window = cs_stdscr()!
        cs_crash_guard(1)
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        var depth = ColorDepth.none
        if has_colors() && !forceNoColor {
            start_color()
            use_default_colors()
            let colors = cs_colors()
            depth = colors >= 256 ? .palette256 : colors >= 8 ? .ansi16 : .none
        }
        // Cyrillic needs UTF-8: an ASCII terminal gets English.
        environment = RenderEnvironment(colorDepth: depth, unicode: utf8, language: utf8 ? language : .en)
    }

    /// What made newterm fail, checked rather than guessed: terminfo knows TERM or it does not.
    private static func whyNewtermFailed(_ term: String) -> String {
        var status: Int32 = 0
        if cs_terminfo_knows(term, &status) == 0 {
            return "ncurses could not start on TERM=\(term) (terminfo knows it; the terminal's size could not be read)"
        }
        return status == 0 ? "TERM=\(term) is not known to terminfo" : "the terminfo database could not be read for TERM=\(term)"
    }

    /// True when the locale's character set is UTF-8.
    /// Whether the locale variables (the first set of LC_ALL, LC_CTYPE, LANG) name a UTF-8 codeset.
    static func environmentAsksForUTF8() -> Bool {
        let names = ["LC_ALL", "LC_CTYPE", "LANG"]
        let values = names.compactMap { (name: String) -> String? in getenv(name).map { String(cString: $0) } }
        guard let locale = values.first(where: { !$0.isEmpty }) else { return false }
        let upper = locale.uppercased()
        return upper.contains("UTF-8") || upper.contains("UTF8")
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = cs_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The window's size now.
    var size: TerminalSize {
        var rows: Int32 = 0, cols: Int32 = 0
        cs_getmaxyx(window, &rows, &cols)
        return TerminalSize(columns: Int(cols), rows: Int(rows))
    }

    /// Restores the terminal. Safe to call more than once.
    func stop() {
        guard !stopped else { return }
        stopped = true
        // The shell must not be left with a terminal that types mouse reports into it (a terminal
        // that hung up has no shell left to protect, and nothing is written to it).
        if mouseReporting && !terminalHungUp { cs_mouse_reporting(0) }
        curs_set(1)
        endwin()
        cs_crash_guard(0)
    }

    /// Turns mouse reporting on or off.
    func setMouseReporting(_ on: Bool) {
        guard !stopped, on != mouseReporting else { return }
        mouseReporting = on
        cs_mouse_reporting(on ? 1 : 0)
    }

    /// Leaves curses for a Ctrl-Z suspend and comes back when the shell resumes us.
    func suspend() {
        // The shell gets a terminal without mouse reporting, and the mouse comes back with us.
        let reporting = mouseReporting
        if reporting { cs_mouse_reporting(0) }
        endwin()
        cs_crash_guard(0)
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Execution continues here after `fg`; the window may have changed meanwhile.
        // endwin turned the terminal's keypad mode off, and refresh does not turn it back on (ncurses
        // waits for the next read): the screen would be back while the terminal still sends arrows
        // as ESC [ C, which the keypad table (ESC O C) does not know, so a key pressed as soon as the
        // screen returned was lost. keypad() sends the mode at once, before the screen is painted.
        keypad(window, true)
        refresh()
        cs_crash_guard(1)
        invalidate()
        if reporting { cs_mouse_reporting(1) }
    }

    /// Waits up to `milliseconds` for a key or a resize; nil on timeout. A terminal that hung up
    /// reads as "no key" at once, forever: it is reported as SIGHUP would be.
    /// A negative timeout waits until a key, a resize, a signal or `LoopWakeup`.
    func nextEvent(timeoutMilliseconds milliseconds: Int32) -> Action? {
        if catchUpWithResize() { return .resize(size) }
        var ch: wint_t = 0
        var status = ERR
        let wakeup = LoopWakeup.shared.fileDescriptor
        if wakeup >= 0 {
            // What ncurses already holds first (a key put back), then wait on the terminal and the
            // wakeup together; a resize's signal interrupts the wait and reads as KEY_RESIZE.
            wtimeout(window, 0)
            status = wget_wch(window, &ch)
            if status == ERR && milliseconds != 0 {
                var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeup, events: Int16(POLLIN), revents: 0)]
                _ = poll(&fds, 2, milliseconds)
                LoopWakeup.shared.drain()
                if catchUpWithResize() { return .resize(size) }
                status = wget_wch(window, &ch)
            }
        } else {
            wtimeout(window, milliseconds)
            status = wget_wch(window, &ch)
        }
        if status == ERR { return terminalHungUp ? .signal(SIGHUP) : nil }
        if status == KEY_CODE_YES {
            guard Int32(ch) != KEY_RESIZE else { invalidate(); return .resize(size) }
            return .key(Self.functionKey(Int32(ch)))
        }
        if ch == 27, let sequence = drainUnknownSequence() {
            // Mouse reports come as SGR sequences that convscope decodes itself (see cs_mouse_reporting);
            // Home, End, Delete and the pages in encodings TERM's terminfo does not name, likewise.
            let text = String(String.UnicodeScalarView(sequence.compactMap(UnicodeScalar.init)))
            return Self.sgrMouse(sequence).map { .mouse($0) } ?? .key(EscapeSequence.key(text) ?? .unknown)
        }
        return .key(Self.characterKey(UInt32(ch)))
    }

    /// An SGR mouse report after its ESC: `[<b;x;yM` or `[<b;x;ym`.
    static func sgrMouse(_ sequence: [UInt32]) -> MouseEvent? {
        let text = String(String.UnicodeScalarView(sequence.compactMap(UnicodeScalar.init)))
        guard text.hasPrefix("[<"), let final = text.last, final == "M" || final == "m" else { return nil }
        let numbers = text.dropFirst(2).dropLast().split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return MouseEvent(sgrButton: numbers[0], column: numbers[1], row: numbers[2], pressed: final == "M")
    }

    /// True when the terminal has gone away (its window closed without a SIGHUP reaching us, e.g.
    /// under setsid): reads then fail at once, so waiting for keys would spin instead of waiting.
    private var terminalHungUp: Bool {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) >= 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// ncurses hands over an escape sequence it does not know (a TERM that does not match the
    /// terminal) as ESC plus the rest. Reads that rest so it is ignored instead of acting as Esc.
    /// Only ESC [ (CSI) and ESC O (SS3) start a sequence: any other key after ESC is a key of its
    /// own, put back for the next read, so Esc Esc q typed fast is Esc, Esc, q. Returns the
    /// sequence read after the ESC, or nil when there was none.
    private func drainUnknownSequence() -> [UInt32]? {
        wtimeout(window, 0)
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        guard status != ERR else { return nil }
        guard status != KEY_CODE_YES, ch == 91 || ch == 79 else {
            if status == KEY_CODE_YES { ungetch(Int32(ch)) } else { unget_wch(wchar_t(ch)) }
            return nil
        }
        var sequence: [UInt32] = []
        // The rest of a started sequence may lag on a busy machine: wait a little for each byte.
        wtimeout(window, 30)
        // A CSI/SS3 sequence ends with a letter or '~' (an SGR mouse report: "[<0;12;5M", 24 at most).
        while sequence.count < 24 {
            sequence.append(UInt32(ch))
            if let scalar = UnicodeScalar(UInt32(ch)), sequence.count > 1,
               scalar.properties.isAlphabetic || scalar == "~" { break }
            if wget_wch(window, &ch) == ERR { break }
        }
        return sequence
    }

    static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_SR: .shiftUp
        case KEY_SF: .shiftDown
        case KEY_SLEFT: .shiftLeft
        case KEY_SRIGHT: .shiftRight
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        // vt220 and linux terminfo name ESC [1~ and ESC [4~ Find and Select; the keypad's corners
        // (A1, C1) are Home and End on the linux console and rxvt; Shift changes nothing here.
        case KEY_HOME, KEY_FIND, KEY_A1, KEY_SHOME: .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_SEND: .end
        case KEY_A3: .pageUp
        case KEY_C3: .pageDown
        case KEY_DC: .backspace
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_BTAB: .backTab
        default: .unknown
        }
    }

    static func characterKey(_ code: UInt32) -> Key {
        switch code {
        case 27: .escape
        case 10, 13: .enter
        case 8, 127: .backspace
        case 9: .tab
        case 1...26: .control(Character(UnicodeScalar(code + 96)!))
        default: UnicodeScalar(code).map { .character(Character($0)) } ?? .unknown
        }
    }

    /// Compares the kernel's idea of the window size with ncurses' and resizes when a burst of
    /// SIGWINCH left ncurses behind. Returns true when the size changed.
    private func catchUpWithResize() -> Bool {
        var rows: Int32 = 0, cols: Int32 = 0
        guard cs_terminal_size(&rows, &cols) == 0 else { return false }
        let current = size
        guard Int(rows) != current.rows || Int(cols) != current.columns else { return false }
        resizeterm(rows, cols)
        invalidate()
        return true
    }

    /// After a resize the terminal's contents are unknown (terminals reflow or clear them), so
    /// the next draw repaints every cell instead of only the changed ones.
    func invalidate() {
        clearok(cs_curscr(), true)
        werase(window)
    }

    /// Draws a canvas of exactly the window's size.
    func draw(_ canvas: Canvas) {
        let size = self.size
        var cell = cchar_t()
        for y in 0..<min(canvas.height, size.rows) {
            for x in 0..<min(canvas.width, size.columns) {
                let c = canvas[x, y]
                let scalar = c.character.unicodeScalars.first!.value
                // Text must differ from its background; a half block's two colours are the picture.
                let isText = c.character != " " && c.character != environment.glyphs.upperHalf
                cs_setcchar(&cell, wchar_t(bitPattern: scalar), attributes(c.style), pair(c.style, isText: isText))
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
            }
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(_ s: Style) -> attr_t {
        var a = cs_a_normal()
        if s.bold { a |= cs_a_bold() }
        if s.dim { a |= cs_a_dim() }
        if s.reverse { a |= cs_a_reverse() }
        if s.underline { a |= cs_a_underline() }
        return a
    }

    /// The colour pair for a style's colours, created on first use.
    private func pair(_ s: Style, isText: Bool) -> Int32 {
        guard environment.colorDepth.hasColor else { return 0 }
        var key = PairKey(fg: colorIndex(s.foreground), bg: colorIndex(s.background))
        if isText, environment.colorDepth == .ansi16, key.fg >= 0 {
            key = PairKey(fg: Int16(TerminalPalette.readableText(Int(key.fg), on: Int(key.bg), among: Int(cs_colors()))), bg: key.bg)
        }
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let p = pairs[key] { return p }
        let next = Int32(pairs.count + 1)
        guard next < cs_color_pairs() else { return 0 }
        init_extended_pair(next, Int32(key.fg), Int32(key.bg))
        pairs[key] = next
        return next
    }

    /// The palette index nearest an RGB colour (-1 = terminal default).
    private func colorIndex(_ rgb: RGB?) -> Int16 {
        guard let rgb else { return -1 }
        if let i = colorIndexCache[rgb] { return i }
        let i: Int
        switch environment.colorDepth {
        case .palette256, .trueColor: i = TerminalPalette.nearestXterm256(rgb)
        case .ansi16: i = cs_colors() >= 16 ? TerminalPalette.nearestANSI16(rgb) : TerminalPalette.nearestANSI8(rgb)
        case .none: i = -1
        }
        colorIndexCache[rgb] = Int16(i)
        return Int16(i)
    }
}
