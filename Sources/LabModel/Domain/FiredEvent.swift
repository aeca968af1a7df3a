import Foundation

/// What a caller gets back at once when an event is fired; the engine does the rest later.
public struct FiredEvent: Sendable, Hashable {
    /// The event instance id (`eventInstanceId` / `eventInstanceID` on the wire).
    public let instanceID: UUID
    /// The contact the event is for.
    public let contact: Contact
    /// The row the event wrote: the event data extension's (contact events) or the event
    /// source's (API events); nil when nothing was written.
    public let writtenRow: WrittenRow?

    public struct WrittenRow: Sendable, Hashable {
        public let dataExtensionID: UUID
        public let rowID: Int64
    }
}

/// One fired event as the engine's queue holds it.
public struct EventInstance: Sendable, Hashable, Identifiable {
    public let id: UUID
    public let source: Source
    public let eventKey: String?
    public let status: Status
    public let firedAt: Date
    public let finishedAt: Date?
    public let rowsRead: Int
    /// Rows read that named no new contact (no key, or a contact read on an earlier row).
    public let rowsWithoutContact: Int
    public let counts: EntryCounts
    public let message: String?

    public enum Source: String, Sendable, Hashable {
        case automation
        case contactEvent
        case apiEvent
    }

    public enum Status: String, Sendable, Hashable {
        /// Fired, not yet heard by any trigger.
        case queued
        /// A bulk event partway through its rows.
        case entering
        case done
        case error
    }
}

/// One contact's entry decision for one journey.
public struct JourneyEntry: Sendable, Hashable {
    public let contact: Contact
    public let journeyID: UUID?
    public let versionID: UUID?
    public let outcome: EntryOutcome
    /// While the contact is inside the version, nil; when it left, the time.
    public let exitedAt: Date?
}
