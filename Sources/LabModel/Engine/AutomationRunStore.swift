import Foundation
import GRDB

/// One automation run's rows as the engine moves through its activities.
struct AutomationRunStore {
    let runID: UUID
    let automationID: UUID
    let automationName: String

    init(runID: UUID, in db: Database) throws {
        guard
            let row = try db.cachedRow(
                sql:
                    "SELECT r.automationID, a.name FROM automationRun AS r JOIN automation AS a ON a.id = r.automationID WHERE r.id = ?",
                arguments: [runID.storageText])
        else { throw ContactModelError.notFound(kind: "automation run", reference: "id \(runID.storageText)") }
        self.runID = runID
        automationID = try StoredColumns(row, of: AutomationRunRecord.databaseTableName).required("automationID")
        automationName = try StoredColumns(row, of: AutomationRecord.databaseTableName).required("name")
    }

    func markActivity(_ activityID: UUID, status: AutomationRun.RunStatus, message: String? = nil, in db: Database) throws {
        try db.cachedExecute(
            sql: "UPDATE automationActivityRun SET status = ?, message = COALESCE(?, message) WHERE runID = ? AND activityID = ?",
            arguments: [status.rawValue, message, runID.storageText, activityID.storageText])
    }

    /// Marks the run's activities that have not started as not run.
    func cancelQueuedActivities(now: Date, in db: Database) throws {
        let message = "Not run: an earlier activity failed."
        try db.cachedExecute(
            sql: """
                UPDATE automationActivityRun SET status = ?, message = ?
                WHERE runID = ? AND activityID IN (SELECT activityID FROM eventInstance WHERE runID = ? AND status = ?)
                """,
            arguments: [
                AutomationRun.RunStatus.error.rawValue, message, runID.storageText, runID.storageText,
                EventInstance.Status.queued.rawValue,
            ])
        try db.cachedExecute(
            sql: "UPDATE eventInstance SET status = ?, message = ?, finishedAt = ? WHERE runID = ? AND status = ?",
            arguments: [
                EventInstance.Status.error.rawValue, message, now, runID.storageText, EventInstance.Status.queued.rawValue,
            ])
    }

    /// Copies the event's running counts onto its activity.
    func recordProgress(of event: QueuedEvent, activityID: UUID, finished: Bool, now: Date, in db: Database) throws {
        let counts = event.counts
        try db.cachedExecute(
            sql: """
                UPDATE automationActivityRun SET status = ?, rowsRead = ?, contactsEntered = ?, contactsSkipped = ?,
                    skippedFilter = ?, skippedAlreadyIn = ?, skippedNoVersion = ?, rowsWithoutContact = ?
                WHERE runID = ? AND activityID = ?
                """,
            arguments: [
                (finished ? AutomationRun.RunStatus.complete : .running).rawValue, event.rowsRead, counts.entered,
                counts.skipped, counts.filterNotMet, counts.alreadyInJourney, counts.noRunningVersion, event.rowsWithoutContact,
                runID.storageText,
                activityID.storageText,
            ])
    }

    /// Ends the run once none of its events is left: Complete, or Error naming the first failure.
    /// The automation goes back to the status it had before the run.
    func finishIfDone(now: Date, in db: Database) throws -> JournalLine? {
        let events = try QueuedEvent.load(runID: runID, in: db)
        guard !events.contains(where: { $0.status == .queued || $0.status == .entering }) else { return nil }
        let failure = events.first { $0.status == .error }
        let status: AutomationRun.RunStatus = failure == nil ? .complete : .error
        try db.cachedExecute(
            sql: "UPDATE automationRun SET status = ?, endedAt = ?, message = ? WHERE id = ?",
            arguments: [status.rawValue, now, failure?.message, runID.storageText])
        try db.cachedExecute(
            sql: """
                UPDATE automation SET status = COALESCE((SELECT statusBefore FROM automationRun WHERE id = ?), ?) WHERE id = ?
                """,
            arguments: [runID.storageText, AutomationStatus.pausedSchedule.rawValue, automationID.storageText])
        let rows = events.reduce(0) { $0 + $1.rowsRead }
        let counts = events.reduce(EntryCounts()) { $0 + $1.counts }
        let sentence =
            failure.map { "Run of \(automationName) failed: \($0.message ?? "unknown error")." }
            ?? "Run of \(automationName) complete: read \(rows) row\(rows == 1 ? "" : "s"); \(counts.summary)."
        return JournalLine(
            entity: "automation", action: status == .complete ? "complete" : "error",
            entityIDs: [automationID.storageText, runID.storageText], sentence: sentence)
    }
}
