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

    /// The row a single API event wrote in its source (`dataExtensionID`): the contact's
    /// attributes when it is decided. The column that holds a bulk event's last row holds it;
    /// nil when the event wrote none.
    var eventRow: Int64? { source == .apiEvent && lastRow > 0 ? lastRow : nil }

    /// Appends a new event to the queue.
    static func enqueue(
        id: UUID, source: EventInstance.Source, eventKey: String? = nil, dataExtensionID: UUID? = nil, contactID: Int64? = nil,
        runID: UUID? = nil, activityID: UUID? = nil, lastRow: Int64 = 0, notBefore: Date, now: Date, in db: Database
    ) throws {
        try RawStatement(
            """
            INSERT INTO eventInstance (id, source, eventKey, dataExtensionID, contactID, runID, activityID, status,
                notBefore, lastRow, firedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db
        ).run(
            .text(id.storageText), .text(source.rawValue), .text(eventKey), .text(dataExtensionID?.storageText),
            .integer(contactID), .text(runID?.storageText), .text(activityID?.storageText),
            .text(EventInstance.Status.queued.rawValue), .text(notBefore.databaseText), .integer(lastRow),
            .text(now.databaseText))
    }

    static func load(seq: Int64, in db: Database) throws -> QueuedEvent? {
        try db.cachedRow(sql: "SELECT \(columns) FROM eventInstance WHERE seq = ?", arguments: [seq]).map(QueuedEvent.init(row:))
    }

    static func load(id: UUID, in db: Database) throws -> QueuedEvent? {
        try db.cachedRow(sql: "SELECT \(columns) FROM eventInstance WHERE id = ?", arguments: [id.storageText])
            .map(QueuedEvent.init(row:))
    }

    /// The events an automation run fired, in order.
    static func load(runID: UUID, in db: Database) throws -> [QueuedEvent] {
        try db.cachedRows(
            sql: "SELECT \(columns) FROM eventInstance WHERE runID = ? ORDER BY seq", arguments: [runID.storageText]
        ).map(QueuedEvent.init(row:))
    }

    /// Read by position: looking each column up by name lower-cased its name every time.
    private static let columns = """
        seq, id, source, eventKey, dataExtensionID, contactID, runID, activityID, status, notBefore, lastRow, cursor,
        batches, rowsRead, rowsWithoutContact, entered, skippedFilter, skippedAlreadyIn, skippedNoVersion, firedAt,
        finishedAt, message
        """

    private init(row: Row) {
        seq = row[0]
        id = UUID(storageText: row[1])!
        source = EventInstance.Source(rawValue: row[2]) ?? .apiEvent
        eventKey = row[3]
        dataExtensionID = (row[4] as String?).flatMap(UUID.init(storageText:))
        contactID = row[5]
        runID = (row[6] as String?).flatMap(UUID.init(storageText:))
        activityID = (row[7] as String?).flatMap(UUID.init(storageText:))
        status = EventInstance.Status(rawValue: row[8]) ?? .error
        notBefore = row[9]
        lastRow = row[10]
        cursor = row[11]
        batches = row[12]
        rowsRead = row[13]
        rowsWithoutContact = row[14]
        var counts = EntryCounts()
        counts.entered = row[15]
        counts.filterNotMet = row[16]
        counts.alreadyInJourney = row[17]
        counts.noRunningVersion = row[18]
        self.counts = counts
        firedAt = row[19]
        finishedAt = row[20]
        message = row[21]
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
