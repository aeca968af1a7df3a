import LabModel

/// What reaches the app besides keys: the workspace changing under it, effects finishing, time
/// passing, the emulator starting.
public enum AppMessage: Sendable {
    /// Changes since the app last looked, merged (a bulk run sends many).
    case workspace(ChangeBatch)
    case effectFinished(EffectCompletion)
    /// A quarter second passed: highlights fade.
    case tick
    case emulatorStarted(url: String)
    /// The emulator could not start (its port taken): the screens work, the REST calls do not.
    case emulatorFailed(reason: String)

    /// Merges `new` into this message when both are workspace changes, for the inbox: a burst
    /// of commits waits as one message.
    public static func merge(_ waiting: inout AppMessage, _ new: AppMessage) -> Bool {
        guard case .workspace(var batch) = waiting, case .workspace(let more) = new else { return false }
        batch.merge(more)
        waiting = .workspace(batch)
        return true
    }
}
