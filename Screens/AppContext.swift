import LabModel

/// What the app runs on: the workspace it owns and how the emulator beside it was started.
public struct AppContext: Sendable {
    public let workspace: Workspace
    public var emulatorURL: String?
    /// Why the emulator is not running, when it could not start.
    public var emulatorProblem: String?
    public var pace: Pace

    public init(workspace: Workspace, emulatorURL: String? = nil, pace: Pace = .instant) {
        self.workspace = workspace
        self.emulatorURL = emulatorURL
        self.pace = pace
    }
}
