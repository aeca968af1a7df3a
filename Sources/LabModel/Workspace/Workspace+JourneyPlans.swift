import Foundation
import GRDB

/// Journeys written whole, as scripts write them over the REST API: a version's trigger,
/// entry mode and activities in one transaction, checked by the rules the one-step edits use.
extension Workspace {
    /// Creates a journey whose draft version 1 is `plan`.
    @discardableResult
    public func createJourney(key: String?, plan: JourneyVersionPlan) throws -> Journey {
        try DefinitionRules.checkName(plan.name, of: "journey")
        let journeyKey = try KeyRules.key(key) { UUID().storageText }
        let id = UUID()
        return try perform { db in
            try requireUniqueKey(journeyKey, table: "journey", kind: "journey", in: db)
            try db.execute(
                sql: "INSERT INTO journey (id, key, name, description, createdAt, modifiedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id.storageText, journeyKey, plan.name, plan.description, clock(), clock()])
            let versionID = try insertVersion(number: 1, of: id, entryMode: plan.entryMode, triggerID: nil, in: db)
            let summary = try write(plan, into: versionID, in: db)
            let content = plan.trigger == nil && plan.activities.isEmpty ? "" : ": \(summary)"
            return (
                try ContactModelStore.journey(.id(id), in: db),
                JournalLine(
                    entity: "journey", action: "create", entityIDs: [id.storageText, versionID.storageText],
                    sentence: "Created journey \(plan.name) (key \(journeyKey)) with draft version 1\(content).")
            )
        }
    }

    /// Writes `plan` as version `number`: that draft is replaced whole; the number after a version
    /// that is no longer a draft creates the new draft.
    /// - Parameter expectedModifiedAt: when the caller read the journey; if it changed since, nothing is written.
    @discardableResult
    public func writeVersion(
        _ number: Int, of journey: JourneyReference, plan: JourneyVersionPlan, expectedModifiedAt: Date?
    ) throws -> Journey {
        try DefinitionRules.checkName(plan.name, of: "journey")
        return try perform { db in
            let journey = try ContactModelStore.journey(journey, in: db)
            // Stored dates keep milliseconds; what the caller read was rounded to them.
            func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
            if let expectedModifiedAt, milliseconds(expectedModifiedAt) != milliseconds(journey.modifiedAt) {
                throw ContactModelError.journeyChangedSinceRead(journey: journey.name, modifiedAt: journey.modifiedAt)
            }
            let newest = journey.newestVersion!
            let versionID: UUID
            if let existing = journey.versions.first(where: { $0.number == number }) {
                guard existing.status == .draft else {
                    throw ContactModelError.versionNotEditable(version: number, status: existing.status.rawValue)
                }
                versionID = existing.id
                try db.execute(sql: "DELETE FROM journeyActivity WHERE versionID = ?", arguments: [versionID.storageText])
            } else if number == newest.number + 1, newest.status != .draft {
                versionID = try insertVersion(
                    number: number, of: journey.id, entryMode: plan.entryMode, triggerID: nil, in: db)
            } else {
                throw ContactModelError.noSuchVersion(
                    journey: journey.name, version: number, newest: newest.number, newestIsDraft: newest.status == .draft)
            }
            try db.execute(
                sql: "UPDATE journey SET name = ?, description = ? WHERE id = ?",
                arguments: [plan.name, plan.description, journey.id.storageText])
            let summary = try write(plan, into: versionID, in: db)
            try touch(journey, in: db)
            return (
                try ContactModelStore.journey(.id(journey.id), in: db),
                JournalLine(
                    entity: "journey", action: "update", entityIDs: [journey.id.storageText, versionID.storageText],
                    sentence: "Wrote \(plan.name) v\(number) whole: \(summary).")
            )
        }
    }

    /// Stops a running, finishing or paused version at once: the contacts inside leave it where they are.
    @discardableResult
    public func stop(_ journey: JourneyReference, version number: Int) throws -> Journey {
        try perform { db in
            let journey = try ContactModelStore.journey(journey, in: db)
            guard let version = journey.versions.first(where: { $0.number == number }) else {
                throw ContactModelError.notFound(kind: "version", reference: "number \(number) in journey \(journey.name)")
            }
            guard [.published, .unpublished, .paused].contains(version.status) else {
                throw ContactModelError.cannotStop(version: number, status: version.status.rawValue)
            }
            let inside = try VersionDrain.contactsInside(versionID: version.id.storageText, in: db)
            try db.execute(
                sql: "UPDATE journeyCohort SET exitedAt = ?, dueAt = NULL WHERE versionID = ? AND exitedAt IS NULL",
                arguments: [clock(), version.id.storageText])
            try db.execute(
                sql: "UPDATE journeyVersion SET status = ? WHERE id = ?",
                arguments: [JourneyStatus.stopped.rawValue, version.id.storageText])
            try touch(journey, in: db)
            return (
                try ContactModelStore.journey(.id(journey.id), in: db),
                JournalLine(
                    entity: "journey", action: "stop", entityIDs: [journey.id.storageText, version.id.storageText],
                    sentence: "Stopped \(journey.name) v\(number): "
                        + (inside == 0
                            ? "nobody was inside." : "\(inside) contact\(inside == 1 ? "" : "s") inside left the journey."))
            )
        }
    }

    /// The version's entry mode, trigger and activities become the plan's.
    /// - Returns: what was written, for the journal.
    private func write(_ plan: JourneyVersionPlan, into versionID: UUID, in db: Database) throws -> String {
        let trigger = try plan.trigger.map { try listen(versionID, to: $0, in: db) }
        try db.execute(
            sql: "UPDATE journeyVersion SET entryMode = ?, triggerID = ? WHERE id = ?",
            arguments: [plan.entryMode.rawValue, trigger?.id.storageText, versionID.storageText])
        var keys = Set<String>()
        for (index, activityPlan) in plan.activities.enumerated() {
            let activity: JourneyActivity
            var fieldType: FieldType?
            switch activityPlan.kind {
            case .updateContactData:
                let field: Field
                (activity, _, field) = try updateContactActivity(activityPlan, position: index + 1, in: db)
                fieldType = field.type
            case .wait:
                activity = try waitActivity(activityPlan, position: index + 1)
            }
            guard keys.insert(activity.key.lowercased()).inserted else {
                throw ContactModelError.duplicateKey(kind: "activity of this version", key: activity.key)
            }
            try insertActivity(activity, ordinal: index, versionID: versionID, fieldType: fieldType, in: db)
        }
        let triggerText = trigger.map { "trigger \($0.key)" + ($0.filter.map { " filtered by \($0)" } ?? "") } ?? "no trigger"
        let count = plan.activities.count
        return "\(triggerText), \(count) activit\(count == 1 ? "y" : "ies"), \(plan.entryMode.title.lowercased())"
    }

    /// The version listens to an existing event definition, whose entry filter becomes the plan's.
    /// A filter that other running versions apply cannot change under them.
    private func listen(_ versionID: UUID, to plan: TriggerPlan, in db: Database) throws -> EventDefinition {
        let record: EventDefinitionRecord? =
            switch plan.eventDefinition {
            case .id(let id):
                try EventDefinitionRecord.fetchOne(
                    db, sql: "SELECT * FROM eventDefinition WHERE id = ?", arguments: [id.storageText])
            case .key(let key):
                try EventDefinitionRecord.fetchOne(
                    db, sql: "SELECT * FROM eventDefinition WHERE key = ? COLLATE NOCASE", arguments: [key])
            }
        guard var definition = record?.definition else {
            throw ContactModelError.notFound(kind: "event definition", reference: "\(plan.eventDefinition)")
        }
        guard plan.filter?.normalized != definition.filter?.normalized else { return definition }
        if let filter = plan.filter {
            let source = try StoredDataExtension.load(.id(definition.dataExtensionID), in: db).definition
            let groups = try ContactModelStore.attributeGroups(in: db)
            try FilterRules(source: source, linked: try linkedDataExtensions(groups, in: db)).check(filter)
        }
        let running = try Row.fetchOne(
            db,
            sql: """
                SELECT i.name, v.number FROM journeyVersion v JOIN journey i ON i.id = v.journeyID
                WHERE v.triggerID = ? AND v.id != ? AND v.status IN (?, ?, ?) ORDER BY i.name, v.number
                """,
            arguments: [
                definition.id.storageText, versionID.storageText, JourneyStatus.published.rawValue,
                JourneyStatus.unpublished.rawValue, JourneyStatus.paused.rawValue,
            ])
        if let running {
            throw ContactModelError.eventFilterInUse(key: definition.key, journey: running["name"], version: running["number"])
        }
        try db.execute(
            sql: "UPDATE eventDefinition SET filter = ?, modifiedAt = ? WHERE id = ?",
            arguments: [
                try plan.filter.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }, clock(),
                definition.id.storageText,
            ])
        definition.filter = plan.filter
        return definition
    }
}
