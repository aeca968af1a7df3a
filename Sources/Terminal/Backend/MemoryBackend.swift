/// A backend for tests: events are queued by the test, and every drawn buffer is kept.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    public private(set) var drawn: [Buffer] = []
    public private(set) var suspensions = 0
    public private(set) var isShutDown = false
    public var isInputClosed = false
    private var events: [TerminalEvent] = []

    /// Keeps only the last buffer drawn when `keepsHistory` is false (long benchmark runs).
    private let keepsHistory: Bool

    public init(size: TerminalSize, keepsHistory: Bool = true) {
        self.size = size
        self.keepsHistory = keepsHistory
    }

    /// The screen as last drawn.
    public var screen: Buffer? { drawn.last }

    public func queue(_ event: TerminalEvent) { events.append(event) }

    public func queue(typing text: String) {
        for character in text { queue(.key(.character(character))) }
    }

    /// `text` arriving as one bracketed paste.
    public func queue(paste text: String) { queue(.paste(text)) }

    public func draw(_ buffer: Buffer) {
        if !keepsHistory { drawn.removeAll(keepingCapacity: true) }
        drawn.append(buffer)
    }

    public func nextEvent(waitingAtMost milliseconds: Int) -> TerminalEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    /// What the app printed on its way out at each suspension.
    public private(set) var suspendNotices: [String?] = []
    /// Whether the app has the mouse; the terminal's own selection works while it has not.
    public private(set) var capturesMouse = true

    public func suspend(notice: String?) {
        suspensions += 1
        suspendNotices.append(notice)
    }

    public func captureMouse(_ capture: Bool) { capturesMouse = capture }

    /// What the app copied, oldest first.
    public private(set) var copied: [String] = []

    public func copyToClipboard(_ text: String) { copied.append(text) }

    public func shutDown() { isShutDown = true }
}
