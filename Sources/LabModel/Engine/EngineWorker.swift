import Foundation
import GRDB

/// One unit of the engine's work, each done in a transaction of its own.
enum WorkItem: Hashable, Sendable {
    /// Decide whether a single event's contact enters (and, in instant pace, run its steps).
    case singleEvent(seq: Int64)
    /// Run a cohort's next due activity (after a wait, or a step in realistic/stepped pace).
    case cohort(id: Int64)
    /// Decide the next batch of a bulk event's rows.
    case bulkBatch(seq: Int64)
}

/// What a unit of work wrote, to journal and to tell subscribers.
struct UnitOutcome {
    var lines: [JournalLine] = []
    var changes: [WorkspaceChange] = []
    var batchDone = false
}

/// Finds and does the engine's work. Every read and write of one unit happens in the caller's
/// transaction, so a unit is done whole or not at all, and a killed process resumes cleanly.
struct EngineWorker {
    let settings: EngineSettings
    let now: Date
    /// Event sources and event keys' targets read in this worker's transaction. The engine
    /// never changes a definition, so what it read of one holds until the transaction ends.
    private let sources = EventSourceMemo()
    private let listeners = ListeningTargetsMemo()

    init(settings: EngineSettings, now: Date) {
        self.settings = settings
        self.now = now
    }

    /// The unit due now, if any, and otherwise when the next one falls due. Single events come
    /// first, or last when `singleEventsLast` (a turn between firings that keep arriving).
    static func next(now: Date, singleEventsLast: Bool = false, in db: Database) throws -> (
        item: WorkItem?, nextDue: Date?
    ) {
        let queued = EventInstance.Status.queued.rawValue
        let entering = EventInstance.Status.entering.rawValue
        if !singleEventsLast, let seq = try nextSingleEvent(now: now, in: db) { return (.singleEvent(seq: seq), nil) }
        if let id = try Int64.fetchOne(
            db.cachedStatement(
                sql: "SELECT id FROM journeyCohort WHERE exitedAt IS NULL AND dueAt <= ? ORDER BY dueAt, id LIMIT 1"),
            arguments: [now])
        {
            return (.cohort(id: id), nil)
        }
        if let seq = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT seq FROM eventInstance INDEXED BY eventInstance_automationQueue
                    WHERE status IN (?, ?) AND source = 'automation' AND notBefore <= ? ORDER BY seq LIMIT 1
                    """),
            arguments: [queued, entering, now])
        {
            return (.bulkBatch(seq: seq), nil)
        }
        if singleEventsLast, let seq = try nextSingleEvent(now: now, in: db) { return (.singleEvent(seq: seq), nil) }
        let nextDue = try Date.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT MIN(due) FROM (
                        SELECT MIN(notBefore) AS due FROM eventInstance WHERE status IN (?, ?)
                        UNION ALL SELECT MIN(dueAt) FROM journeyCohort WHERE exitedAt IS NULL)
                    """),
            arguments: [queued, entering])
        return (nil, nextDue)
    }

    /// The oldest fired event (not an automation's) due now. Events fall due in the order
    /// they were fired, so the oldest queued one is looked at first (the front of an index);
    /// only when it is not due yet — a pace changed since — are the due ones searched.
    static func nextSingleEvent(now: Date, in db: Database) throws -> Int64? {
        let queued = EventInstance.Status.queued.rawValue
        guard
            let oldest = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT seq, notBefore <= ? AS isDue FROM eventInstance INDEXED BY eventInstance_queueOrder
                        WHERE status = ? AND source != 'automation' ORDER BY seq LIMIT 1
                        """),
                arguments: [now.databaseText, queued])
        else { return nil }
        if oldest["isDue"] as Bool { return oldest["seq"] }
        return try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT seq FROM eventInstance INDEXED BY eventInstance_pending
                    WHERE status = ? AND source != 'automation' AND notBefore <= ? ORDER BY seq LIMIT 1
                    """),
            arguments: [queued, now.databaseText])
    }

    /// Does `item`; nil when it is no longer due (another worker took it).
    func perform(_ item: WorkItem, in db: Database) throws -> UnitOutcome? {
        switch item {
        case .singleEvent(let seq):
            guard let event = try QueuedEvent.load(seq: seq, in: db), event.status == .queued else { return nil }
            return try decideSingle(event, in: db)
        case .bulkBatch(let seq):
            guard let event = try QueuedEvent.load(seq: seq, in: db), event.status == .queued || event.status == .entering
            else { return nil }
            return try decideBatch(event, in: db)
        case .cohort(let id):
            guard let cohort = try Cohort.load(id, in: db), cohort.exitedAt == nil, let due = cohort.dueAt, due <= now
            else { return nil }
            return try continueCohort(cohort, in: db)
        }
    }

    // MARK: Single events

    private func decideSingle(_ event: QueuedEvent, in db: Database) throws -> UnitOutcome {
        var event = event
        guard let contactID = event.contactID, let contact = try ContactModelStore.contact(.id(contactID), in: db) else {
            throw FireEventError.contactNotFound(.id(event.contactID ?? 0))
        }
        var outcome = UnitOutcome()
        var decisions: [String] = []
        var activityLines: [JournalLine] = []
        for target in try listeners.targets(forKey: event.eventKey ?? "", in: db) {
            let decision = try sources.decision(for: target, in: db)
            var cohort = try Cohort.start(eventSeq: event.seq, target: target, now: now, in: db)
            let eventRow = event.dataExtensionID == decision.source.definition.id ? event.eventRow : nil
            let decided = try decision.decideContact(contactID, eventRow: eventRow, cohort: cohort, in: db)
            cohort.record(decided)
            event.counts = event.counts + decided.counts
            if decided.counts.entered > 0 {
                decisions.append("entered \(target.name)")
                let reports = try enter(&cohort, target: target, contact: contact, decidedFrom: decision, in: db)
                outcome.changes += reports.flatMap(\.changes)
                activityLines += stepLines(reports, journey: target.name, cohort: cohort, contact: contact)
            } else {
                let reason = EntryOutcome.allCases.first { decided.counts[$0] > 0 } ?? .noRunningVersion
                decisions.append("skipped \(target.name) (\(skipReason(reason, target: target)))")
                cohort.exitedAt = now
            }
            try cohort.save(in: db)
            if cohort.exitedAt != nil { activityLines += try drainLines(cohort, in: db) }
            if let journeyID = target.journeyID { outcome.changes.append(.journey(journeyID)) }
        }
        event.status = .done
        event.finishedAt = now
        try event.save(in: db)
        let sentence = "Event \(event.shortID) (\(event.source.title)) for \(contact.key): \(decisions.joined(separator: "; "))."
        outcome.lines = [line(event, action: "enter", contact: contact, sentence)] + activityLines
        outcome.changes.append(.eventInstance(event.id))
        return outcome
    }

    private func skipReason(_ outcome: EntryOutcome, target: EntryTarget) -> String {
        if outcome == .filterNotMet, let filter = target.filter { return "filter \(filter) not met" }
        return outcome.description
    }

    /// Starts an entered cohort on its activities: all at once in instant pace, else the first after a pause.
    private func enter(
        _ cohort: inout Cohort, target: EntryTarget, contact: Contact?, decidedFrom: EntryDecision, in db: Database
    ) throws -> [StepReport] {
        guard settings.pace == .instant else {
            cohort.dueAt = now.addingTimeInterval(settings.pace.stepDelay(cohort: cohort.id, position: 0))
            return []
        }
        return try CohortSteps(settings: settings, now: now, contact: contact, decidedFrom: decidedFrom)
            .advance(&cohort, activities: target.activities, in: db)
    }

    private func stepLines(_ reports: [StepReport], journey: String, cohort: Cohort, contact: Contact?) -> [JournalLine] {
        var lines = reports.map { report in
            JournalLine(
                entity: "journey", action: "step",
                entityIDs: [cohort.journeyID?.storageText, cohort.versionID?.storageText].compactMap { $0 },
                sentence: "\(journey), \(report.activity.name): \(report.sentence).")
        }
        if cohort.exitedAt != nil {
            let who = contact?.key ?? "\(cohort.entered) contact\(cohort.entered == 1 ? "" : "s")"
            lines.append(
                JournalLine(
                    entity: "journey", action: "exit",
                    entityIDs: [cohort.journeyID?.storageText, cohort.versionID?.storageText].compactMap { $0 },
                    sentence: "\(who) left \(journey) after its last activity."))
        }
        return lines
    }

    private func drainLines(_ cohort: Cohort, in db: Database) throws -> [JournalLine] {
        guard let journeyID = cohort.journeyID else { return [] }
        let stopped = try VersionDrain.stopDrained(journeyID: journeyID, in: db).stopped
        guard !stopped.isEmpty else { return [] }
        let name = try ContactModelStore.journey(.id(journeyID), in: db).name
        return stopped.map { number in
            JournalLine(
                entity: "journey", action: "stop", entityIDs: [journeyID.storageText],
                sentence: "\(name) v\(number) stopped: its last contact left.")
        }
    }

    // MARK: Cohorts on their way

    private func continueCohort(_ cohort: Cohort, in db: Database) throws -> UnitOutcome {
        var cohort = cohort
        let contacts = try db.cachedRows(
            sql: """
                SELECT c.id, c.contactKey FROM journeyEntry AS e JOIN contact AS c ON c.id = e.contactID
                WHERE e.id BETWEEN ? AND ? AND e.outcome = ? LIMIT 2
                """,
            arguments: [cohort.firstEntry, cohort.lastEntry, EntryOutcome.entered.rawValue])
        let event = try db.cachedRow(sql: "SELECT source FROM eventInstance WHERE seq = ?", arguments: [cohort.eventSeq])
        let isSingle = (event?["source"] as String?) != EventInstance.Source.automation.rawValue && contacts.count == 1
        let contact = isSingle ? Contact(id: contacts[0][0], key: contacts[0][1]) : nil
        let reports = try CohortSteps(settings: settings, now: now, contact: contact, decidedFrom: nil)
            .advance(&cohort, activities: try cohort.activities(in: db), in: db)
        try cohort.save(in: db)
        var outcome = UnitOutcome()
        outcome.lines = stepLines(reports, journey: try cohort.journeyName(in: db), cohort: cohort, contact: contact)
        outcome.changes = reports.flatMap(\.changes)
        if cohort.exitedAt != nil { outcome.lines += try drainLines(cohort, in: db) }
        if let journeyID = cohort.journeyID { outcome.changes.append(.journey(journeyID)) }
        return outcome
    }

    // MARK: Bulk events (automation Fire Event)

    private func decideBatch(_ event: QueuedEvent, in db: Database) throws -> UnitOutcome {
        var event = event
        var outcome = UnitOutcome()
        guard let dataExtensionID = event.dataExtensionID, let runID = event.runID, let activityID = event.activityID else {
            throw FireEventError.automationHasNoActivities(automation: "?")
        }
        let source = try StoredDataExtension.load(.id(dataExtensionID), in: db)
        let run = try AutomationRunStore(runID: runID, in: db)
        if event.status == .queued {
            event.status = .entering
            try run.markActivity(activityID, status: .running, in: db)
        }
        let batch = try db.cachedRow(
            sql: """
                SELECT COUNT(*), MAX(_row) FROM
                (SELECT _row FROM \(source.tableName.quotedDatabaseIdentifier) WHERE _row > ? AND _row <= ? ORDER BY _row LIMIT ?)
                """,
            arguments: [event.cursor, event.lastRow, settings.batchSize])!
        let rowCount: Int = batch[0]
        let through: Int64 = batch[1] ?? event.lastRow
        var parts: [String] = []
        var drained: [JournalLine] = []
        var withoutContact = 0
        if rowCount > 0 {
            try ensureContacts(inRowsOf: source, after: event.cursor, through: through, in: db)
            for (index, target) in try EntryTargets.listening(to: dataExtensionID, in: db).enumerated() {
                let decision = try sources.decision(for: target, in: db)
                var cohort = try Cohort.start(eventSeq: event.seq, target: target, now: now, in: db)
                let decided = try decision.decideRows(after: event.cursor, through: through, cohort: cohort, in: db)
                cohort.record(decided)
                event.counts = event.counts + decided.counts
                // Every journey decides the same contacts; the rows left over named none.
                if index == 0 { withoutContact = rowCount - (decided.counts.entered + decided.counts.skipped) }
                var part = "\(target.name): \(decided.counts.summary)"
                if decided.counts.entered > 0 {
                    // A batch names its steps in its own journal line.
                    let reports = try enter(&cohort, target: target, contact: nil, decidedFrom: decision, in: db)
                    outcome.changes += reports.flatMap(\.changes)
                    part += reports.map { "; \($0.sentence)" }.joined()
                } else {
                    cohort.exitedAt = now
                }
                try cohort.save(in: db)
                if cohort.exitedAt != nil { drained += try drainLines(cohort, in: db) }
                if let journeyID = target.journeyID { outcome.changes.append(.journey(journeyID)) }
                parts.append(part)
            }
            event.batches += 1
            event.rowsRead += rowCount
            event.rowsWithoutContact += withoutContact
            if withoutContact > 0 {
                parts.append("\(withoutContact) row\(withoutContact == 1 ? "" : "s") named no new contact")
            }
            outcome.batchDone = true
        }
        event.cursor = rowCount < settings.batchSize ? event.lastRow : through
        let finished = event.cursor >= event.lastRow
        if finished {
            event.status = .done
            event.finishedAt = now
        }
        try event.save(in: db)
        try run.recordProgress(of: event, activityID: activityID, finished: finished, now: now, in: db)
        if rowCount > 0 {
            let rowsText = "\(rowCount) row\(rowCount == 1 ? "" : "s")"
            outcome.lines.append(
                line(
                    event, action: "batch", contact: nil,
                    "Run of \(run.automationName), batch \(event.batches): read \(rowsText) of \(source.definition.name); \(parts.joined(separator: "; "))."
                ))
        }
        outcome.lines += drained
        if finished, let ended = try run.finishIfDone(now: now, in: db) { outcome.lines.append(ended) }
        outcome.changes += [.eventInstance(event.id), .automationRun(runID: runID, automationID: run.automationID)]
        return outcome
    }

    /// Every key in a sendable data extension is a contact once it is fired at; a root data
    /// extension's keys already are (its triggers made them).
    private func ensureContacts(inRowsOf source: StoredDataExtension, after: Int64, through: Int64, in db: Database) throws {
        let groups = try ContactModelStore.attributeGroups(in: db)
        guard !groups.contains(where: { $0.rootLink?.dataExtensionID == source.definition.id }),
            let keyField = source.definition.contactKeyField(in: groups)
        else { return }
        let key = source.column(of: keyField).quotedDatabaseIdentifier
        try db.cachedExecute(
            sql: """
                INSERT OR IGNORE INTO contact (contactKey, createdAt)
                SELECT \(key), ? FROM \(source.tableName.quotedDatabaseIdentifier)
                WHERE _row > ? AND _row <= ? AND \(key) IS NOT NULL ORDER BY _row
                """,
            arguments: [now, after, through])
    }

    private func line(_ event: QueuedEvent, action: String, contact: Contact?, _ sentence: String) -> JournalLine {
        JournalLine(
            entity: "event", action: action,
            entityIDs: [event.id.storageText] + (contact.map { ["contact:\($0.id)"] } ?? []), sentence: sentence)
    }

    // MARK: Failures

    /// Records that `item` failed, so the engine moves on instead of retrying it forever.
    func fail(_ item: WorkItem, error: any Error, in db: Database) throws -> UnitOutcome {
        var outcome = UnitOutcome()
        let reason = String(describing: error)
        switch item {
        case .singleEvent(let seq), .bulkBatch(let seq):
            guard var event = try QueuedEvent.load(seq: seq, in: db) else { return outcome }
            event.status = .error
            event.message = reason
            event.finishedAt = now
            try event.save(in: db)
            outcome.lines.append(line(event, action: "error", contact: nil, "Event \(event.shortID) failed: \(reason)"))
            outcome.changes.append(.eventInstance(event.id))
            if let runID = event.runID, let activityID = event.activityID {
                let run = try AutomationRunStore(runID: runID, in: db)
                try run.markActivity(activityID, status: .error, message: reason, in: db)
                // As in Automation Studio, a failed activity ends the run: later ones do not start.
                try run.cancelQueuedActivities(now: now, in: db)
                if let ended = try run.finishIfDone(now: now, in: db) { outcome.lines.append(ended) }
                outcome.changes.append(.automationRun(runID: runID, automationID: run.automationID))
            }
        case .cohort(let id):
            guard var cohort = try Cohort.load(id, in: db) else { return outcome }
            cohort.exitedAt = now
            cohort.dueAt = nil
            try cohort.save(in: db)
            outcome.lines.append(
                JournalLine(
                    entity: "journey", action: "error", entityIDs: [cohort.journeyID?.storageText].compactMap { $0 },
                    sentence: "\(cohort.entered) contact(s) left \(try cohort.journeyName(in: db)) early: \(reason)"))
            outcome.lines += try drainLines(cohort, in: db)
        }
        return outcome
    }
}

extension EventInstance.Source {
    var title: String {
        switch self {
        case .automation: "Fire Event"
        case .contactEvent: "contact event"
        case .apiEvent: "API event"
        }
    }
}
