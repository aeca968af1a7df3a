/// A backend for tests: events are queued by the test, and every drawn buffer is kept.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    public private(set) var drawn: [Buffer] = []
    public private(set) var suspensions = 0
    public private(set) var isShutDown = false
    public var isInputClosed = false
    private var events: [TerminalEvent] = []

    public init(size: TerminalSize) {
        self.size = size
    }

    /// The screen as last drawn.
    public var screen: Buffer? { drawn.last }

    public func queue(_ event: TerminalEvent) { events.append(event) }

    public func queue(typing text: String) {
        for character in text { queue(.key(.character(character))) }
    }

    public func draw(_ buffer: Buffer) { drawn.append(buffer) }

    public func nextEvent(waitingAtMost milliseconds: Int) -> TerminalEvent? {
        guard !events.isEmpty else { return nil }
        let event = events.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func suspend() { suspensions += 1 }

    public func shutDown() { isShutDown = true }
}
