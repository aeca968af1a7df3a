import LabModel
import Terminal

/// What every screen of the app is to the shell: a title for the breadcrumb, the key modes in
/// force, and the four things the shell asks of it — handle an input, refresh after the
/// workspace changed, take an effect's result, draw itself. The shell routes, lays out and
/// draws the frame; all the rest happens here, one file per screen.
///
/// Screens live on the run loop's thread. A handler never writes to the workspace or calls
/// HTTP: it returns an effect, and the result comes back through `finished(_:)`.
public protocol Screen: AnyObject {
    /// The screen's part of the breadcrumb (`Members`, `Data Extensions › New`).
    var title: String { get }
    /// The key modes in force now, the focused one first: the hint bar and `?` read them.
    var keyModes: [AnyKeyMode] { get }
    /// Whether keys are text now (a form, a filter, a dialog's letters): the app's own keys
    /// (`q`, `?`, `h`) are then the screen's.
    var isTakingTyping: Bool { get }
    /// Where the screen is drawn; the shell sets it before anything else and on every resize.
    var area: Rect { get set }

    func handle(_ input: ScreenInput) -> ScreenOutcome
    /// The workspace changed (merged batches: rows by id, definitions, runs).
    func refresh(after changes: [WorkspaceChange])
    /// An effect this screen asked for has run.
    func finished(_ completion: EffectCompletion)
    /// A quarter second passed. - Returns: whether the screen looks different now.
    func tick() -> Bool
    func render(into buffer: inout Buffer, area: Rect)
}

extension Screen {
    public func refresh(after changes: [WorkspaceChange]) {}
    public func finished(_ completion: EffectCompletion) {}
    public func tick() -> Bool { false }
}

/// What reaches a screen from the terminal.
public enum ScreenInput: Sendable, Hashable {
    case key(Key)
    /// In screen coordinates; the screen knows its `area`.
    case mouse(MouseEvent)
    /// Text pasted in one piece, for whatever takes typing.
    case paste(String)
}

/// What a screen asks of the shell after an input.
public enum ScreenOutcome {
    /// Something changed on screen.
    case handled
    /// The input means nothing here.
    case ignored
    /// A screen one level down (Data Extensions → Records).
    case open(any Screen)
    /// Leave this screen: one level up, or from the top to the navigation.
    case back
    /// Put a value on the clipboard and show it whole, for terminals that ignore the copy.
    case copy(CopyRequest)
    /// Run a change off the UI thread; its result comes back to this screen.
    case run(Effect)
}

/// A value to copy, what it is, and the command that prints it for whom the copy fails.
public struct CopyRequest: Sendable, Hashable {
    public let value: String
    /// `The external key of Members`.
    public let what: String
    /// `journeylab status`.
    public let command: String

    public init(value: String, what: String, command: String) {
        self.value = value
        self.what = what
        self.command = command
    }
}
