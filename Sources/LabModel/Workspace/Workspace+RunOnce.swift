import Foundation
import GRDB

extension Workspace {
    /// Automation Studio's Run Once: every Fire Event activity, step by step, fires its data
    /// extension's rows at the triggers listening to it. Returns the run at once (Running); the
    /// engine reads the rows in batches and completes it.
    @discardableResult
    public func runOnce(_ automationID: UUID) throws -> AutomationRun {
        let runID = UUID()
        let now = clock()
        let (entry, automation) = try pool.write { db -> (JournalEntry, Automation) in
            guard let automation = try ContactModelStore.automations(in: db).first(where: { $0.id == automationID }) else {
                throw ContactModelError.notFound(kind: "automation", reference: "id \(automationID.storageText)")
            }
            let running = try db.cachedValue(
                Int.self, sql: "SELECT COUNT(*) FROM automationRun WHERE automationID = ? AND status = ?",
                arguments: [automationID.storageText, AutomationRun.RunStatus.running.rawValue])!
            guard running == 0, automation.status != .running else {
                throw FireEventError.automationAlreadyRunning(automation: automation.name)
            }
            let activities = automation.steps.flatMap(\.activities)
            guard !activities.isEmpty else { throw FireEventError.automationHasNoActivities(automation: automation.name) }
            try db.cachedExecute(
                sql: "INSERT INTO automationRun (id, automationID, status, startedAt, statusBefore) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    runID.storageText, automationID.storageText, AutomationRun.RunStatus.running.rawValue, now,
                    automation.status.rawValue,
                ])
            let hearing = now.addingTimeInterval(engine.settings.pace.hearingDelay)
            var reads: [String] = []
            for (ordinal, activity) in activities.enumerated() {
                let stored = try StoredDataExtension.load(.id(activity.dataExtensionID), in: db)
                // The run reads the rows there are when it starts.
                let lastRow =
                    try db.cachedValue(Int64.self, sql: "SELECT MAX(_row) FROM \(stored.tableName.quotedDatabaseIdentifier)") ?? 0
                let instanceID = UUID()
                try QueuedEvent.enqueue(
                    id: instanceID, source: .automation, dataExtensionID: stored.definition.id, runID: runID,
                    activityID: activity.id, lastRow: lastRow, notBefore: hearing, now: now, in: db)
                try db.cachedExecute(
                    sql: """
                        INSERT INTO automationActivityRun (runID, activityID, status, rowsRead, contactsEntered, contactsSkipped,
                            eventInstanceID, ordinal)
                        VALUES (?, ?, ?, 0, 0, 0, ?, ?)
                        """,
                    arguments: [
                        runID.storageText, activity.id.storageText, AutomationRun.RunStatus.queued.rawValue,
                        instanceID.storageText, ordinal,
                    ])
                reads.append("\(activity.name) (\(stored.definition.rowCount) rows)")
            }
            try db.cachedExecute(
                sql: "UPDATE automation SET status = ? WHERE id = ?",
                arguments: [AutomationStatus.running.rawValue, automationID.storageText])
            let line = JournalLine(
                entity: "automation", action: "run", entityIDs: [automationID.storageText, runID.storageText],
                sentence: "Started a Run Once of \(automation.name): \(reads.joined(separator: ", ")).")
            return (try JournalRecord.append(line, time: now, in: db), automation)
        }
        feed.publish([.journal(entry), .automationRun(runID: runID, automationID: automation.id)])
        engine.wake()
        return try runs(of: automationID).first { $0.id == runID }!
    }
}

extension WorkspaceReading {
    /// A fired event's progress and counts.
    public func eventInstance(_ id: UUID) throws -> EventInstance {
        try database.read { db in
            guard let event = try QueuedEvent.load(id: id, in: db) else {
                throw ContactModelError.notFound(kind: "event instance", reference: "id \(id.storageText)")
            }
            return event.instance
        }
    }

    /// The entry decisions an event led to, in decision order, a page at a time.
    public func entries(of instanceID: UUID, limit: Int = 100, offset: Int = 0) throws -> [JourneyEntry] {
        try database.read { db in
            try db.cachedRows(
                sql: """
                    SELECT c.id, c.contactKey, k.journeyID, k.versionID, e.outcome, k.exitedAt
                    FROM eventInstance AS i JOIN journeyCohort AS k ON k.eventSeq = i.seq
                    JOIN journeyEntry AS e ON e.id BETWEEN k.firstEntry AND k.lastEntry
                    JOIN contact AS c ON c.id = e.contactID
                    WHERE i.id = ? ORDER BY e.id LIMIT ? OFFSET ?
                    """,
                arguments: [instanceID.storageText, limit, offset]
            ).map { row in
                let cohort = StoredColumns(row, of: "journeyCohort")
                let outcome: EntryOutcome = try StoredColumns(row, of: "journeyEntry").required("outcome")
                return JourneyEntry(
                    contact: Contact(id: row[0], key: row[1]),
                    journeyID: try cohort.optional("journeyID"), versionID: try cohort.optional("versionID"),
                    outcome: outcome,
                    exitedAt: outcome == .entered ? row[5] : nil)
            }
        }
    }

    /// How many contacts are inside a journey version now.
    public func contactsInside(version versionID: UUID) throws -> Int {
        try database.read { try VersionDrain.contactsInside(versionID: versionID.storageText, in: $0) }
    }

    /// SQLite's own check of the file: `["ok"]` when sound.
    public func integrityCheck() throws -> [String] {
        try database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }
}

/// A contact inside a journey version now.
public struct JourneyMembership: Sendable, Hashable {
    public let contactKey: String
    public let journeyKey: String
    public let version: Int
}

extension WorkspaceReading {
    /// The journey versions each of these contacts is inside now (keys compared case-insensitively).
    public func memberships(ofContacts keys: [String]) throws -> [JourneyMembership] {
        guard !keys.isEmpty else { return [] }
        return try database.read { db in
            var found: [JourneyMembership] = []
            for chunk in keys.chunked(into: 500) {
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found += try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT c.contactKey, i.key, v.number FROM contact AS c
                        JOIN journeyEntry AS e ON e.contactID = c.id AND e.outcome = \(EntryOutcome.entered.rawValue)
                        JOIN journeyCohort AS k ON k.id = e.cohortID AND k.exitedAt IS NULL
                        JOIN journeyVersion AS v ON v.id = k.versionID
                        JOIN journey AS i ON i.id = k.journeyID
                        WHERE c.contactKey IN (\(placeholders)) ORDER BY c.contactKey, i.key, v.number
                        """,
                    arguments: StatementArguments(Array(chunk))
                ).map { JourneyMembership(contactKey: $0[0], journeyKey: $0[1], version: $0[2]) }
            }
            return found
        }
    }
}
