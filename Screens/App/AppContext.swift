import Foundation
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

extension AppContext {
    /// Printed in the shell when Ctrl-Z suspends the app: the emulator stops with it, so a
    /// request sent meanwhile hangs until `fg`.
    var suspendNotice: String {
        let emulator = emulatorURL.map { "the emulator at \($0)" } ?? "the emulator"
        return "JourneyLab is suspended, and \(emulator) is paused with it: requests to it wait until you type `fg`."
    }
}

/// What the screens share: the workspace they read (they write through effects), the clock
/// highlights fade by, and what a screen keeps for the next time it opens.
public final class ScreenContext {
    public let workspace: Workspace
    public let clock: @Sendable () -> ContinuousClock.Instant
    /// The filter and order of each data extension's records, by its id: they survive leaving
    /// the Records screen and opening it again.
    var recordViews: [UUID: RecordView] = [:]

    public init(workspace: Workspace, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.workspace = workspace
        self.clock = clock
    }
}

/// How a person left a data extension's records: the filter as typed and the sorted column.
struct RecordView {
    var filterText = ""
    var filter: RecordCondition?
    var sortColumn: Int?
    var ascending = true
}
