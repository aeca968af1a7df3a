import Foundation
import GRDB

/// What one activity did to a cohort's contacts, in words for the journal.
struct StepReport {
    let activity: JourneyActivity
    let sentence: String
    let changes: [WorkspaceChange]
}

/// Runs a cohort's activities: Update Contact Data as one UPDATE over the cohort's entries,
/// Wait by holding the cohort until its due time. The contacts exit after the last activity.
struct CohortSteps {
    let settings: EngineSettings
    let now: Date
    /// The contact of a single event: its steps report the values before and after.
    let contact: Contact?
    /// The event source when the entries were decided in this same transaction: its rows are
    /// then updated by the row ids the entries recorded.
    let decidedFrom: EntryDecision?

    /// Runs what is due: in instant pace every activity up to a wait or the end, otherwise one.
    func advance(_ cohort: inout Cohort, activities: [JourneyActivity], in db: Database) throws -> [StepReport] {
        var reports: [StepReport] = []
        while cohort.position < activities.count {
            let activity = activities[cohort.position]
            cohort.position += 1
            switch activity.kind {
            case .wait(let duration, let unit):
                let until = now.addingTimeInterval(settings.waitInterval(duration: duration, unit: unit, from: now))
                cohort.dueAt = until
                let who = contact?.key ?? "\(cohort.entered) contact\(cohort.entered == 1 ? "" : "s")"
                let untilText = until.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
                reports.append(StepReport(activity: activity, sentence: "\(who) waiting until \(untilText) UTC", changes: []))
                return reports
            case .updateContactData(let dataExtensionID, let fieldID, let value):
                reports.append(try update(cohort, activity, dataExtensionID, fieldID, value, in: db))
            }
            if settings.pace != .instant && cohort.position < activities.count {
                cohort.dueAt = now.addingTimeInterval(settings.pace.stepDelay(cohort: cohort.id, position: cohort.position))
                return reports
            }
        }
        cohort.dueAt = nil
        cohort.exitedAt = now
        return reports
    }

    private func update(
        _ cohort: Cohort, _ activity: JourneyActivity, _ dataExtensionID: UUID, _ fieldID: UUID, _ value: FieldValue,
        in db: Database
    ) throws -> StepReport {
        func skipped(_ reason: String) -> StepReport {
            StepReport(activity: activity, sentence: "Update Contact Data changed nothing: \(reason)", changes: [])
        }
        let target: StoredDataExtension
        do {
            target = try StoredDataExtension.load(.id(dataExtensionID), in: db)
        } catch DefinitionError.dataExtensionNotFound {
            return skipped("its data extension no longer exists")
        }
        let de = target.definition
        guard let field = de.fields.first(where: { $0.id == fieldID }) else {
            return skipped("\(de.name) no longer has the field it sets")
        }
        guard let keyField = de.contactKeyField(in: try ContactModelStore.attributeGroups(in: db)) else {
            return skipped("\(de.name) is no longer sendable or linked to contacts")
        }
        let typed: FieldValue
        do {
            typed = try field.value(from: value.displayText)
        } catch {
            return skipped("the value \"\(value.displayText)\" \(error) for \(de.name).\(field.name)")
        }
        let table = target.tableName.quotedDatabaseIdentifier
        let column = target.column(of: field).quotedDatabaseIdentifier
        let key = target.column(of: keyField).quotedDatabaseIdentifier
        let assignment = "\(de.name).\(field.name)"

        if let contact {
            // The contact's rows (its key field holds the contact key) and the row its event wrote.
            let eventRow = try Self.eventRow(of: cohort, in: de, db: db)
            let before = try db.cachedRows(
                sql: "SELECT _row, \(column) FROM \(table) WHERE \(key) = ? OR _row = ? ORDER BY _row",
                arguments: [contact.key, eventRow])
            guard !before.isEmpty else { return skipped("\(de.name) has no row for \(contact.key)") }
            try db.cachedExecute(
                sql: "UPDATE \(table) SET \(column) = ? WHERE \(key) = ? OR _row = ?",
                arguments: [typed.databaseValue, contact.key, eventRow])
            let old = before.map { FieldValue(databaseValue: $0[1], type: field.type).displayText }
            let oldText = Set(old).count == 1 ? old[0] : old.joined(separator: ", ")
            return StepReport(
                activity: activity,
                sentence: "\(assignment) for \(contact.key): \(oldText.isEmpty ? "(empty)" : oldText) → \(typed.displayText)",
                changes: [.rows(dataExtensionID: de.id, rowIDs: before.map { $0[0] })])
        }

        let entered = "e.id BETWEEN ? AND ? AND e.outcome = \(EntryOutcome.entered.rawValue)"
        if let decidedFrom, decidedFrom.source.definition.id == de.id, decidedFrom.sourceKey.id == keyField.id,
            de.keysAreUnique(keyField)
        {
            try db.cachedExecute(
                sql:
                    "UPDATE \(table) SET \(column) = ? WHERE _row IN (SELECT e.sourceRow FROM journeyEntry AS e WHERE \(entered))",
                arguments: [typed.databaseValue, cohort.firstEntry, cohort.lastEntry])
        } else {
            try db.cachedExecute(
                sql: """
                    UPDATE \(table) SET \(column) = ? WHERE \(key) IN
                    (SELECT c.contactKey FROM journeyEntry AS e JOIN contact AS c ON c.id = e.contactID WHERE \(entered))
                    """,
                arguments: [typed.databaseValue, cohort.firstEntry, cohort.lastEntry])
        }
        let changed = db.changesCount
        return StepReport(
            activity: activity, sentence: "set \(assignment) = \(typed.displayText) on \(changed) row\(changed == 1 ? "" : "s")",
            changes: [.dataExtension(de.id)])
    }

    /// The row of `de` the cohort's one contact entered on, when `de` is the trigger's event
    /// source: for an API event, the row the event wrote.
    private static func eventRow(of cohort: Cohort, in de: DataExtension, db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT e.sourceRow FROM journeyEntry AS e
                    JOIN journeyVersion AS v ON v.id = ? JOIN eventDefinition AS d ON d.id = v.triggerID
                    WHERE e.id = ? AND d.dataExtensionID = ?
                    """),
            arguments: [cohort.versionID?.storageText, cohort.firstEntry, de.id.storageText])
    }
}
