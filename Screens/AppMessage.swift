import LabModel

/// What reaches the app besides keys: the workspace changing under it, time passing, the
/// emulator starting.
public enum AppMessage: Sendable {
    /// Changes gathered over a moment (a bulk run sends many).
    case workspace([WorkspaceChange])
    /// A quarter second passed: highlights fade, toasts expire.
    case tick
    case emulatorStarted(url: String)
    /// The emulator could not start (its port taken): the screens work, the REST calls do not.
    case emulatorFailed(reason: String)
}
