import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What the app asks of the run loop after handling an input.
public enum RunLoopStep: Sendable, Hashable {
    /// The state changed: draw again.
    case redraw
    /// Nothing visible changed.
    case unchanged
    case quit
}

/// What reaches the app: terminal events, and messages posted from background tasks.
public enum RunLoopInput<Message: Sendable>: Sendable {
    case event(TerminalEvent)
    case message(Message)
}

/// Messages posted from any thread or task to the run loop's thread.
public final class Inbox<Message: Sendable>: Sendable {
    private let queue = Mutex<[Message]>([])
    private let stopRequested = Mutex(false)

    public init() {}

    public func post(_ message: Message) { queue.withLock { $0.append(message) } }

    /// Posts `message`, or merges it into the newest waiting message that `merge` accepts it
    /// into (a burst of workspace changes becomes one message, nothing of it lost).
    public func post(_ message: Message, mergingWith merge: (inout Message, Message) -> Bool) {
        queue.withLock { messages in
            for index in messages.indices.reversed() where merge(&messages[index], message) { return }
            messages.append(message)
        }
    }

    /// Asks the loop to end (SIGTERM, SIGINT, SIGHUP): it restores the terminal first.
    public func requestStop() { stopRequested.withLock { $0 = true } }

    var isStopRequested: Bool { stopRequested.withLock { $0 } }

    /// Takes every waiting message, oldest first (the run loop does this every tick).
    public func drain() -> [Message] {
        queue.withLock { messages in
            defer { messages = [] }; return messages
        }
    }

    var isEmpty: Bool { queue.withLock { $0.isEmpty } }
}

/// The one thread that owns the terminal: draws only when something changed, checks the
/// size every tick, and turns signals into a clean exit. Ctrl-C always quits and Ctrl-Z always
/// suspends, whatever the app does with other keys.
public final class RunLoop<Message: Sendable> {
    public let inbox = Inbox<Message>()
    private let backend: any TerminalBackend
    /// How long to wait for a key before looking at the inbox again.
    public var tickMilliseconds = 50

    public init(backend: any TerminalBackend) {
        self.backend = backend
    }

    /// Runs until the app returns `.quit`, Ctrl-C is pressed, or a terminating signal arrives.
    /// - Parameters:
    ///   - update: handles one input, on this thread.
    ///   - view: draws the whole screen for a size of at least `TerminalSize.minimum`.
    ///   - idle: called whenever the loop has nothing to do (tests wait on it).
    ///   - capturesMouse: whether the app wants the mouse now (false while it shows text for the
    ///     terminal's own selection); asked after every input.
    ///   - suspendNotice: what to print in the shell when Ctrl-Z suspends the app.
    public func run(
        update: (RunLoopInput<Message>) -> RunLoopStep, view: (TerminalSize) -> Buffer, idle: (() -> Void)? = nil,
        capturesMouse: (() -> Bool)? = nil, suspendNotice: (() -> String?)? = nil
    ) {
        let signals = SignalWatch()
        defer {
            // The terminal first: a signal arriving between the two must not find it raw.
            backend.shutDown()
            signals.stop()
        }
        var needsDraw = true
        var drawnSize = backend.size
        while !inbox.isStopRequested && !signals.isTerminationRequested && !backend.isInputClosed {
            backend.captureMouse(capturesMouse?() ?? true)
            if needsDraw || backend.size != drawnSize {
                drawnSize = backend.size
                backend.draw(drawnSize.fits(.minimum) ? view(drawnSize) : Self.tooSmallScreen(drawnSize))
                needsDraw = false
            }
            for message in inbox.drain() {
                switch update(.message(message)) {
                case .redraw: needsDraw = true
                case .unchanged: break
                case .quit: return
                }
            }
            // Draw what the messages changed before waiting for keys.
            if needsDraw { continue }
            guard let event = backend.nextEvent(waitingAtMost: inbox.isEmpty ? tickMilliseconds : 0) else {
                // Only with the screen current, so tests that wait for idle see the latest frame.
                idle?()
                continue
            }
            switch event {
            case .key(.control("c")):
                return
            case .key(.control("z")):
                backend.suspend(notice: suspendNotice?() ?? nil)
                needsDraw = true
                continue
            case .resize:
                needsDraw = true
            case .key, .mouse, .paste:
                // Keys typed at a screen too small to show the app would act unseen.
                guard backend.size.fits(.minimum) else { continue }
            }
            switch update(.event(event)) {
            case .redraw: needsDraw = true
            case .unchanged: break
            case .quit: return
            }
        }
    }

    /// A centred notice shown instead of the app below the minimum size.
    public static func tooSmallScreen(_ size: TerminalSize) -> Buffer {
        var buffer = Buffer(size: size)
        let lines = [
            "terminal too small — needs \(TerminalSize.minimum)", "now \(size): enlarge the window", "Ctrl-C quits",
        ]
        let box = Rect(size: size).centered(width: lines.map(TextWidth.of).max() ?? 0, height: lines.count)
        for (offset, line) in lines.enumerated() {
            let fitted = TextFitting.truncate(line, to: size.columns)
            let x = max(0, (size.columns - TextWidth.of(fitted)) / 2)
            buffer.write(fitted, x: x, y: box.y + offset, style: Style(offset == 0 ? .warning : .muted, bold: offset == 0))
        }
        return buffer
    }
}

/// Set by the signal handler; only an atomic store is safe to do there.
private let terminationRequested = Atomic<Bool>(false)

/// SIGINT, SIGTERM and SIGHUP, turned into a flag the run loop reads every tick, so it ends
/// through the same path as Ctrl-C and restores the terminal. (ncurses' own handlers restore
/// and then die by the signal; libdispatch's signal sources need the signal blocked everywhere.)
private final class SignalWatch {
    private static let watched = [SIGINT, SIGTERM, SIGHUP]
    private var previous: [Int32: sighandler_t?] = [:]

    init() {
        terminationRequested.store(false, ordering: .relaxed)
        for number in Self.watched {
            previous[number] = signal(number) { _ in terminationRequested.store(true, ordering: .relaxed) }
        }
        // A parent may have started us with signals blocked; the terminal needs these delivered.
        var needed = sigset_t()
        sigemptyset(&needed)
        for number in Self.watched + [SIGWINCH, SIGCONT, SIGTSTP] { sigaddset(&needed, number) }
        pthread_sigmask(SIG_UNBLOCK, &needed, nil)
    }

    var isTerminationRequested: Bool { terminationRequested.load(ordering: .relaxed) }

    func stop() {
        for (number, handler) in previous { signal(number, handler ?? SIG_DFL) }
    }
}
