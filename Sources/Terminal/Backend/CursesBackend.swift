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

/// The real terminal through ncursesw: the only code that touches curses.
public final class CursesBackend: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isActive = true
    private let colors: Bool
    public private(set) var size: TerminalSize
    public private(set) var isInputClosed = false

    /// Takes over the terminal. Uses `newterm` rather than `initscr`, which exits the process
    /// with its own message when the terminal is unusable.
    public init() throws {
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
        _ = mousemask(cnc_all_mouse_events(), nil)
        _ = mouseinterval(0)
        colors = has_colors() && getenv("NO_COLOR") == nil
        if colors {
            start_color()
            use_default_colors()
            ColorPairs.install()
        }
        var rows: Int32 = 0
        var columns: Int32 = 0
        cnc_getmaxyx(window, &rows, &columns)
        size = TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    public func draw(_ buffer: Buffer) {
        guard isActive else { return }
        _ = werase(window)
        for y in 0..<min(buffer.size.rows, size.rows) {
            for x in 0..<min(buffer.size.columns, size.columns) {
                let cell = buffer[x: x, y: y]
                if cell.isContinuation { continue }
                let attributes = ColorPairs.attributes(for: cell.style, colors: colors)
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
        wtimeout(window, Int32(milliseconds))
        var character: wint_t = 0
        switch wget_wch(window, &character) {
        case OK:
            return Key.decodingText(character).map(TerminalEvent.key)
        case KEY_CODE_YES:
            return functionKey(Int32(character))
        default:
            checkInputClosed()
            return nil
        }
    }

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
    public func suspend() {
        guard isActive else { return }
        _ = endwin()
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
    }

    public func shutDown() {
        guard isActive else { return }
        isActive = false
        _ = endwin()
        delscreen(screen)
    }

    deinit { shutDown() }
}
