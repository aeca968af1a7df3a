import CNCursesW
import Glibc

/// Why the full-screen app cannot start, in words for the one line it prints.
public enum TerminalStartError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case unusableTerm(String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "JourneyLab's screens need a terminal: run it in one (stdin and stdout must not be redirected), or use a verb such as `journeylab status`."
        case .unusableTerm(let term):
            "The terminal type \(term.map { "\"\($0)\"" } ?? "(TERM is not set)") is not usable: set TERM, for example TERM=xterm-256color."
        }
    }
}

/// What the user chose for the terminal: `--no-color`, `--no-mouse`.
public struct TerminalOptions: Sendable, Hashable {
    public var noColor: Bool
    /// Off leaves clicks and text selection to the terminal.
    public var mouse: Bool

    public init(noColor: Bool = false, mouse: Bool = true) {
        self.noColor = noColor
        self.mouse = mouse
    }
}

/// The real terminal through ncursesw: the only code that touches curses.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isActive = true
    private let options: TerminalOptions
    /// Keys read past an Esc that began no known sequence, delivered next.
    private var pending: [TerminalEvent] = []
    private var capturesMouse: Bool
    private let pairs: ColorPairs
    public private(set) var size: TerminalSize
    /// The look in use, chosen from the terminal's colors, `NO_COLOR` and the options.
    public var theme: Theme { pairs.theme }
    public private(set) var isInputClosed = false

    /// Takes over the terminal. Uses `newterm` rather than `initscr`, which exits the process
    /// with its own message when the terminal is unusable.
    public init(options: TerminalOptions = TerminalOptions()) throws {
        self.options = options
        capturesMouse = options.mouse
        setlocale(LC_ALL, "")
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalStartError.notATerminal }
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty, term != "dumb" else { throw TerminalStartError.unusableTerm(term) }
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
            let screen = newterm(nil, output, input)
        else { throw TerminalStartError.unusableTerm(term) }
        self.screen = screen
        _ = set_term(screen)
        window = cnc_stdscr()
        // Raw mode: Ctrl-C and Ctrl-Z arrive as keys, so the app quits or suspends cleanly itself.
        raw()
        noecho()
        nonl()
        _ = keypad(window, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        if options.mouse {
            _ = mousemask(cnc_all_mouse_events(), nil)
            _ = mouseinterval(0)
        }
        var environment: [String: String] = [:]
        if let noColor = getenv("NO_COLOR") { environment["NO_COLOR"] = String(cString: noColor) }
        // Colors untouched when they are not wanted: start_color alone would paint the
        // terminal's own background over with curses' white on black.
        var colorCount = 0
        if !options.noColor, environment["NO_COLOR"] == nil, has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(cnc_colors())
        }
        pairs = ColorPairs(theme: Theme.choose(colorCount: colorCount, environment: environment, noColor: options.noColor))
        pairs.install()
        var rows: Int32 = 0
        var columns: Int32 = 0
        cnc_getmaxyx(window, &rows, &columns)
        size = TerminalSize(columns: Int(columns), rows: Int(rows))
        Self.startBracketedPaste()
    }

    public func draw(_ buffer: Buffer) {
        guard isActive else { return }
        _ = werase(window)
        for y in 0..<min(buffer.size.rows, size.rows) {
            for x in 0..<min(buffer.size.columns, size.columns) {
                let cell = buffer[x: x, y: y]
                if cell.isContinuation { continue }
                let attributes = pairs.attributes(for: cell.style)
                _ = wattrset(window, Int32(bitPattern: attributes))
                var wide = Self.drawableScalars(of: cell.grapheme).map { wchar_t(bitPattern: $0.value) }
                wide.append(0)
                _ = mvwaddwstr(window, Int32(y), Int32(x), wide)
            }
        }
        _ = wattrset(window, 0)
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    public func nextEvent(waitingAtMost milliseconds: Int) -> TerminalEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        wtimeout(window, Int32(milliseconds))
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case OK:
            let key = Key.decodingText(character)
            return key == .escape ? escapeSequence() : key.map(TerminalEvent.key)
        case KEY_CODE_YES:
            return Int32(character) == Self.pasteStartCode ? readPaste() : functionKey(Int32(character))
        default:
            checkInputClosed()
            return nil
        }
    }

    /// Keys a terminal sends that its terminfo entry does not list (Home as `ESC [ 1 ~` in tmux
    /// under `TERM=xterm-256color`) reach curses as Esc and the characters after it. They come
    /// in one write, so whatever is already waiting right after an Esc is read now: a known
    /// sequence is its key, anything else is Esc followed by those characters, as typed.
    private func escapeSequence() -> TerminalEvent {
        var following: [Key] = []
        var text = ""
        wtimeout(window, 0)
        var character: wint_t = 0
        while following.count < 6, wget_wch(window, &character) == OK, let key = Key.decodingText(character) {
            following.append(key)
            guard case .character(let typed) = key else { break }
            text.append(typed)
            if let named = Self.escapeSequences[text] { return .key(named) }
            if typed == "~" || (text.count > 1 && typed.isLetter) { break }
        }
        pending += following.map(TerminalEvent.key)
        return .key(.escape)
    }

    static let escapeSequences: [String: Key] = [
        "[A": .up, "[B": .down, "[C": .right, "[D": .left, "OA": .up, "OB": .down, "OC": .right, "OD": .left,
        "[H": .home, "OH": .home, "[1~": .home, "[7~": .home, "[F": .end, "OF": .end, "[4~": .end, "[8~": .end,
        "[2~": .insert, "[3~": .delete, "[5~": .pageUp, "[6~": .pageDown, "[Z": .backTab,
    ]

    /// `wget_wch` answers ERR at once, forever, once the terminal is gone: ask the kernel.
    private func checkInputClosed() {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            isInputClosed = true
        }
    }

    /// A grapheme's base scalar and the marks that combine with it: curses advances a cell for
    /// every other scalar (emoji modifiers, joined emoji), which would break the column grid.
    static func drawableScalars(of grapheme: Character) -> [Unicode.Scalar] {
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return [] }
        var drawable = [base]
        while let scalar = scalars.next(), drawable.count < 5 {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: drawable.append(scalar)
            default: continue
            }
        }
        return drawable
    }

    private func functionKey(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            var rows: Int32 = 0
            var columns: Int32 = 0
            cnc_getmaxyx(window, &rows, &columns)
            size = TerminalSize(columns: Int(columns), rows: Int(rows))
            return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let kind: MouseEvent.Kind
            if event.bstate & cnc_button4_pressed() != 0 {
                kind = .scrollUp
            } else if event.bstate & cnc_button5_pressed() != 0 {
                kind = .scrollDown
            } else if event.bstate & (cnc_button1_pressed() | cnc_button1_clicked()) != 0 {
                kind = .press
            } else if event.bstate & cnc_button1_released() != 0 {
                kind = .release
            } else {
                return nil  // positions, other buttons, double clicks: nothing uses them
            }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_F0 + 1...KEY_F0 + 24: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    /// Restores the shell's terminal, stops the process (as Ctrl-Z would), and takes the
    /// terminal back when the shell's `fg` continues it.
    public func suspend(notice: String?) {
        guard isActive else { return }
        _ = endwin()
        Self.setBracketedPaste(false)
        if let notice {
            let line = Array((notice + "\n").utf8)
            line.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
        // Stop the whole job, as the terminal's own Ctrl-Z would, so a wrapping shell or
        // `make` stops too and the prompt comes back.
        let previous = signal(SIGTSTP, SIG_DFL)
        kill(0, SIGTSTP)
        signal(SIGTSTP, previous)
        // Continued by `fg`: the window may have changed size while we were stopped.
        var terminal = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &terminal) == 0, terminal.ws_row > 0, terminal.ws_col > 0 {
            _ = resizeterm(Int32(terminal.ws_row), Int32(terminal.ws_col))
            size = TerminalSize(columns: Int(terminal.ws_col), rows: Int(terminal.ws_row))
        }
        _ = clearok(window, true)
        _ = wrefresh(window)
        Self.setBracketedPaste(true)
    }

    /// Written straight to the terminal after curses has flushed its frame, so the sequence is
    /// not interleaved with drawing.
    public func copyToClipboard(_ text: String) {
        guard isActive else { return }
        let sequence = Array(Clipboard.osc52(text).utf8)
        sequence.withUnsafeBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    public func captureMouse(_ capture: Bool) {
        guard isActive, options.mouse, capture != capturesMouse else { return }
        capturesMouse = capture
        _ = mousemask(capture ? cnc_all_mouse_events() : 0, nil)
    }

    public func shutDown() {
        guard isActive else { return }
        isActive = false
        _ = endwin()
        Self.setBracketedPaste(false)
        delscreen(screen)
    }

    deinit { shutDown() }
}

// MARK: Bracketed paste

extension CursesBackend {
    /// Key codes past curses' own for the markers a terminal puts around pasted text.
    fileprivate static let pasteStartCode = KEY_MAX + 1
    fileprivate static let pasteEndCode = KEY_MAX + 2
    /// How long a paste may pause before its end marker counts as lost.
    private static let pasteGapMilliseconds: Int32 = 500

    /// Asks the terminal to mark pasted text, and curses to report the markers as keys, so a
    /// paste reaches the app whole instead of as keys that Enter would auto-indent again.
    fileprivate static func startBracketedPaste() {
        _ = define_key("\u{1B}[200~", pasteStartCode)
        _ = define_key("\u{1B}[201~", pasteEndCode)
        setBracketedPaste(true)
    }

    /// Written straight to the terminal, as curses has no call for it: this mode does not
    /// depend on anything curses sends around it. Terminals that lack it ignore it.
    fileprivate static func setBracketedPaste(_ enabled: Bool) {
        let sequence = enabled ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// Everything up to the end marker as one text. In raw mode Enter arrives as "\r" (a
    /// "\r\n" counts once) and Tab as "\t"; other control keys are not text and are dropped.
    fileprivate func readPaste() -> TerminalEvent {
        var text = String.UnicodeScalarView()
        var previous: wint_t = 0
        wtimeout(window, Self.pasteGapMilliseconds)
        while true {
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == KEY_CODE_YES {
                let code = Int32(character)
                if code == Self.pasteEndCode { break }
                if code == KEY_ENTER { text.append("\n") }
                // A resize during the paste still updates the size the run loop compares.
                if code == KEY_RESIZE { _ = functionKey(code) }
                continue
            }
            guard result == OK else {
                checkInputClosed()
                break
            }
            switch character {
            case 13: text.append("\n")
            case 10 where previous != 13: text.append("\n")
            case 9: text.append("\t")
            case 32..<127, 160...: if let scalar = Unicode.Scalar(character) { text.append(scalar) }
            default: break
            }
            previous = character
        }
        return .paste(String(text))
    }
}
