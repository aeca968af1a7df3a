/// Where buffers are shown and events come from: the real terminal or, in tests, memory.
/// Only the run loop's thread calls it.
public protocol TerminalBackend: AnyObject {
    var size: TerminalSize { get }
    /// Shows `buffer`; the backend sends only what changed since the last draw.
    func draw(_ buffer: Buffer)
    /// The next event, waiting at most `milliseconds`; nil when none came.
    func nextEvent(waitingAtMost milliseconds: Int) -> TerminalEvent?
    /// Gives the terminal back to the shell while the process is stopped (Ctrl-Z), after
    /// printing `notice` there (what else stops with the app).
    func suspend(notice: String?)
    /// Takes the mouse (clicks and the wheel come to the app) or leaves it to the terminal
    /// (its own text selection works); only when mouse support was asked for at start.
    func captureMouse(_ capture: Bool)
    /// The terminal went away (hung up, stdin closed): the run loop ends instead of spinning.
    var isInputClosed: Bool { get }
    /// Restores the terminal as it was before the app started.
    func shutDown()
    /// Puts text on the system clipboard (OSC 52), as far as the terminal allows.
    func copyToClipboard(_ text: String)
}
