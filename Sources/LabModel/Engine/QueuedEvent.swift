import Foundation
import GRDB

/// A fired event as the `eventInstance` table holds it: the engine's durable queue.
struct QueuedEvent {
    let seq: Int64
    let id: UUID
    let source: EventInstance.Source
    let eventKey: String?
    let dataExtensionID: UUID?
    let contactID: Int64?
    let runID: UUID?
    let activityID: UUID?
    var status: EventInstance.Status
    let notBefore: Date
    let lastRow: Int64
    var cursor: Int64
    var batches: Int
    var rowsRead: Int
    /// Rows read that were no new contact: no contact key, or a contact read on an earlier row.
    var rowsWithoutContact: Int
    var counts: EntryCounts
    let firedAt: Date
    var finishedAt: Date?
    var message: String?

    /// Appends a new event to the queue.
    static func enqueue(
        id: UUID, source: EventInstance.Source, eventKey: String? = nil, dataExtensionID: UUID? = nil, contactID: Int64? = nil,
        runID: UUID? = nil, activityID: UUID? = nil, lastRow: Int64 = 0, notBefore: Date, now: Date, in db: Database
    ) throws {
        try db.cachedExecute(
            sql: """
                INSERT INTO eventInstance (id, source, eventKey, dataExtensionID, contactID, runID, activityID, status,
                    notBefore, lastRow, firedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.storageText, source.rawValue, eventKey, dataExtensionID?.storageText, contactID, runID?.storageText,
                activityID?.storageText, EventInstance.Status.queued.rawValue, notBefore.databaseText, lastRow, now.databaseText,
            ])
    }

    static func load(seq: Int64, in db: Database) throws -> QueuedEvent? {
        try db.cachedRow(sql: "SELECT * FROM eventInstance WHERE seq = ?", arguments: [seq]).map(QueuedEvent.init(row:))
    }

    static func load(id: UUID, in db: Database) throws -> QueuedEvent? {
        try db.cachedRow(sql: "SELECT * FROM eventInstance WHERE id = ?", arguments: [id.storageText])
            .map(QueuedEvent.init(row:))
    }

    init(row: Row) {
        seq = row["seq"]
        id = UUID(uuidString: row["id"])!
        source = EventInstance.Source(rawValue: row["source"]) ?? .apiEvent
        eventKey = row["eventKey"]
        dataExtensionID = (row["dataExtensionID"] as String?).flatMap(UUID.init(uuidString:))
        contactID = row["contactID"]
        runID = (row["runID"] as String?).flatMap(UUID.init(uuidString:))
        activityID = (row["activityID"] as String?).flatMap(UUID.init(uuidString:))
        status = EventInstance.Status(rawValue: row["status"]) ?? .error
        notBefore = row["notBefore"]
        lastRow = row["lastRow"]
        cursor = row["cursor"]
        batches = row["batches"]
        rowsRead = row["rowsRead"]
        rowsWithoutContact = row["rowsWithoutContact"]
        var counts = EntryCounts()
        counts.entered = row["entered"]
        counts.filterNotMet = row["skippedFilter"]
        counts.alreadyInJourney = row["skippedAlreadyIn"]
        counts.noRunningVersion = row["skippedNoVersion"]
        self.counts = counts
        firedAt = row["firedAt"]
        finishedAt = row["finishedAt"]
        message = row["message"]
    }

    func save(in db: Database) throws {
        try db.cachedExecute(
            sql: """
                UPDATE eventInstance SET status = ?, cursor = ?, batches = ?, rowsRead = ?, rowsWithoutContact = ?,
                    entered = ?, skippedFilter = ?,
                    skippedAlreadyIn = ?, skippedNoVersion = ?, finishedAt = ?, message = ?
                WHERE seq = ?
                """,
            arguments: [
                status.rawValue, cursor, batches, rowsRead, rowsWithoutContact, counts.entered, counts.filterNotMet,
                counts.alreadyInJourney,
                counts.noRunningVersion, finishedAt?.databaseText, message, seq,
            ])
    }

    var instance: EventInstance {
        EventInstance(
            id: id, source: source, eventKey: eventKey, status: status, firedAt: firedAt, finishedAt: finishedAt,
            rowsRead: rowsRead, rowsWithoutContact: rowsWithoutContact, counts: counts, message: message)
    }

    /// The first eight characters of the instance id, for sentences.
    var shortID: String { String(id.storageText.prefix(8)) }
}
