import Foundation

/// An Automation Studio automation: steps of activities run on a schedule or with Run Once.
public struct Automation: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var key: String
    public var name: String
    public var description: String
    /// `scheduled` is the only type the tutorial uses.
    public var type: String
    public var status: AutomationStatus
    public var steps: [AutomationStep]
}

public struct AutomationStep: Sendable, Hashable {
    public var number: Int
    public var activities: [AutomationActivity]
}

/// One activity in a step. Only Fire Event is modelled: it names the data extension it fires for.
public struct AutomationActivity: Sendable, Hashable, Identifiable {
    public static let fireEventObjectTypeID = 749

    public let id: UUID
    public var name: String
    public var objectTypeID: Int
    public var dataExtensionID: UUID
}

/// Marketing Cloud's automation statuses with their ids.
public enum AutomationStatus: String, Sendable, Hashable, CaseIterable {
    case buildingError = "BuildingError"
    case building = "Building"
    case ready = "Ready"
    case running = "Running"
    case pausedSchedule = "PausedSchedule"
    case stopped = "Stopped"
    case scheduled = "Scheduled"
    case error = "Error"

    public var id: Int {
        switch self {
        case .buildingError: 0
        case .building: 1
        case .ready: 2
        case .running: 3
        case .pausedSchedule: 4
        case .stopped: 5
        case .scheduled: 6
        case .error: -1
        }
    }
}

/// One run of an automation and how each activity went.
public struct AutomationRun: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let automationID: UUID
    public var status: RunStatus
    public var startedAt: Date
    public var endedAt: Date?
    public var message: String?
    public var activities: [ActivityRun]

    public enum RunStatus: String, Sendable, Hashable, CaseIterable {
        /// An activity waiting for the ones before it.
        case queued = "Queued"
        case running = "Running"
        case complete = "Complete"
        case error = "Error"
        case interrupted = "Interrupted"
    }
}

public struct ActivityRun: Sendable, Hashable {
    public var activityID: UUID
    public var status: AutomationRun.RunStatus
    public var rowsRead: Int
    public var contactsEntered: Int
    public var contactsSkipped: Int
    /// Why contacts were skipped.
    public var skipped: EntryCounts
    /// Rows read that named no new contact: no contact key, or a contact already read on an
    /// earlier row. With one journey listening, rowsRead = entered + skipped + this.
    public var rowsWithoutContact: Int
    /// The event instance the activity fired, once it started.
    public var eventInstanceID: UUID?
    public var message: String?
}
