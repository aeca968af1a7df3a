import Foundation

/// A journey ("interaction"): a key shared by all its versions, and the versions themselves.
public struct Journey: Sendable, Hashable, Identifiable {
    public let id: UUID
    public var key: String
    public var name: String
    public var description: String
    public var createdAt: Date
    /// Changes with every edit of any version: the REST API's optimistic-concurrency check.
    public var modifiedAt: Date
    /// Oldest first.
    public var versions: [JourneyVersion]

    public var newestVersion: JourneyVersion? { versions.last }
    public var publishedVersion: JourneyVersion? { versions.last { $0.status == .published } }
}

/// One version of a journey: its status, entry rule, trigger and activities.
public struct JourneyVersion: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let number: Int
    public var status: JourneyStatus
    public var entryMode: EntryMode
    /// The trigger's event definition, once one is set.
    public var trigger: EventDefinition?
    public var activities: [JourneyActivity]
    public var publishedAt: Date?
}

public enum JourneyStatus: String, Sendable, Hashable, CaseIterable {
    case draft = "Draft"
    case published = "Published"
    case unpublished = "Unpublished"
    case paused = "Paused"
    case stopped = "Stopped"
}

/// Who may enter a journey again. Marketing Cloud's names are the raw values.
public enum EntryMode: String, Sendable, Hashable, CaseIterable {
    /// No re-entry: a contact enters once, ever (the default).
    case noReEntry = "OnceAndDone"
    /// Re-entry only after exiting.
    case reEntryAfterExit = "SingleEntryAcrossAllVersions"
    /// Re-entry anytime.
    case reEntryAnytime = "MultipleEntries"

    /// Reads Marketing Cloud's value; `NotSet` (what the API gives journeys created without one) means no re-entry.
    public init?(marketingCloudName: String) {
        if marketingCloudName.caseInsensitiveCompare("NotSet") == .orderedSame {
            self = .noReEntry
            return
        }
        guard let mode = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(marketingCloudName) == .orderedSame })
        else { return nil }
        self = mode
    }

    /// As Journey Builder's settings name it.
    public var title: String {
        switch self {
        case .noReEntry: "No re-entry"
        case .reEntryAfterExit: "Re-entry only after exiting"
        case .reEntryAnytime: "Re-entry anytime"
        }
    }
}

/// A step of a journey version.
public struct JourneyActivity: Sendable, Hashable, Identifiable {
    public let id: UUID
    /// Marketing Cloud's activity key (`UPDATECONTACTDATAV2-1`, `WAITBYDURATION-1`).
    public var key: String
    public var name: String
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        /// Sets `field` of the contact's rows in the data extension to a literal value.
        case updateContactData(dataExtensionID: UUID, fieldID: UUID, value: FieldValue)
        case wait(duration: Int, unit: WaitUnit)
    }

    /// Marketing Cloud's activity type.
    public var type: String {
        switch kind {
        case .updateContactData: "UPDATECONTACTDATA"
        case .wait: "WAIT"
        }
    }
}

public enum WaitUnit: String, Sendable, Hashable, CaseIterable {
    case minutes = "MINUTES"
    case hours = "HOURS"
    case days = "DAYS"
    case weeks = "WEEKS"
    case months = "MONTHS"
    case years = "YEARS"
}
