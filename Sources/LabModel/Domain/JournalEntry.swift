import Foundation

/// One line of the workspace's history: what a person (or the platform) did, in words.
public struct JournalEntry: Sendable, Hashable, Identifiable {
    public let id: Int64
    public let time: Date
    /// The kind of thing changed: `dataExtension`, `field`, `record`.
    public let entity: String
    /// What happened to it: `create`, `update`, `delete`, `insert`, `upsert`.
    public let action: String
    /// The ids the entry concerns, the changed entity's first.
    public let entityIDs: [String]
    /// A sentence a person reads in the journal pane.
    public let sentence: String
}

/// What a write adds to the journal, built by the action that makes the change.
struct JournalLine {
    var entity: String
    var action: String
    var entityIDs: [String]
    var sentence: String
}
