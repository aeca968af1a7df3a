import Foundation
import GRDB

extension Workspace {
    /// Creates a journey with an empty draft version 1 (entry mode: no re-entry).
    @discardableResult
    public func createJourney(name: String, key: String? = nil, description: String = "") throws -> Journey {
        try createJourney(key: key, plan: JourneyVersionPlan(name: name, description: description))
    }

    /// Sets the draft's trigger: a new event definition listening to `dataExtension`, with an
    /// optional contact filter. The data extension must be sendable or an attribute-group root.
    @discardableResult
    public func setTrigger(
        of journey: JourneyReference, name: String, type: EventDefinitionType = .contactEvent,
        dataExtension: DataExtensionReference, filter: Filter? = nil, key: String? = nil
    ) throws -> EventDefinition {
        try DefinitionRules.checkName(name, of: "trigger")
        return try editDraft(of: journey) { draft, journey, db in
            let (definition, source) = try insertEventDefinition(
                name: name, key: key, type: type, dataExtension: dataExtension, filter: filter, in: db)
            try db.execute(
                sql: "UPDATE journeyVersion SET triggerID = ? WHERE id = ?",
                arguments: [definition.id.storageText, draft.id.storageText])
            let filterText = filter.map { ", filter \($0)" } ?? ""
            return (
                definition,
                "Set the trigger of \(journey.name) v\(draft.number): \(name) on \(source.name)\(filterText) (event definition key \(definition.key))."
            )
        }
    }

    /// Adds an Update Contact Data activity: `field` of the contact's rows in `dataExtension` becomes `value`.
    @discardableResult
    public func addUpdateContactActivity(
        to journey: JourneyReference, dataExtension: DataExtensionReference, field fieldName: String, value: String,
        name: String? = nil
    ) throws -> JourneyActivity {
        try editDraft(of: journey) { draft, journey, db in
            let (activity, target, field) = try updateContactActivity(
                ActivityPlan(name: name, .updateContactData(dataExtension: dataExtension, field: .name(fieldName), value: value)),
                position: draft.activities.count + 1, in: db)
            try insertActivity(activity, ordinal: draft.activities.count, versionID: draft.id, fieldType: field.type, in: db)
            guard case .updateContactData(_, _, let typed) = activity.kind else { preconditionFailure() }
            return (
                activity,
                "Added Update Contact Data to \(journey.name) v\(draft.number): \(target.name).\(field.name) = \(typed.displayText)."
            )
        }
    }

    /// An Update Contact Data activity, checked: its data extension finds contacts, its field exists,
    /// is not a system field, and takes the value.
    func updateContactActivity(_ plan: ActivityPlan, position: Int, in db: Database) throws
        -> (JourneyActivity, DataExtension, Field)
    {
        guard case .updateContactData(let dataExtension, let fieldReference, let value) = plan.kind else {
            preconditionFailure("not an Update Contact Data plan")
        }
        let target = try StoredDataExtension.load(dataExtension, in: db).definition
        let linked = try ContactModelStore.attributeGroups(in: db).contains { group in
            group.links.contains { $0.dataExtensionID == target.id }
        }
        guard target.isSendable || linked else { throw ContactModelError.activityTargetNotLinked(dataExtension: target.name) }
        guard let field = fieldReference.resolve(in: target) else {
            throw DefinitionError.fieldNotFound(dataExtension: target.name, field: fieldReference.description)
        }
        guard !field.isSystem else { throw ContactModelError.systemFieldNotUpdatable(field: field.name) }
        let typed: FieldValue
        do throws(ValueProblem) {
            typed = try field.value(from: value)
        } catch {
            throw ContactModelError.activityValueWrongType(field: field.name, value: value, problem: error)
        }
        let activity = JourneyActivity(
            id: UUID(), key: plan.key ?? "UPDATECONTACTDATAV2-\(position)", name: plan.name ?? "Update \(field.name)",
            kind: .updateContactData(dataExtensionID: target.id, fieldID: field.id, value: typed))
        return (activity, target, field)
    }

    /// Adds a Wait by Duration activity.
    @discardableResult
    public func addWaitActivity(to journey: JourneyReference, duration: Int, unit: WaitUnit) throws -> JourneyActivity {
        let activity = try waitActivity(ActivityPlan(.wait(duration: duration, unit: unit)), position: 0)
        return try editDraft(of: journey) { draft, journey, db in
            var activity = activity
            activity.key = "WAITBYDURATION-\(draft.activities.count + 1)"
            try insertActivity(activity, ordinal: draft.activities.count, versionID: draft.id, fieldType: nil, in: db)
            return (activity, "Added a wait of \(activity.name) to \(journey.name) v\(draft.number).")
        }
    }

    func waitActivity(_ plan: ActivityPlan, position: Int) throws -> JourneyActivity {
        guard case .wait(let duration, let unit) = plan.kind else { preconditionFailure("not a wait plan") }
        guard duration > 0 else { throw ContactModelError.waitDurationNotPositive(duration) }
        let unitName = unit.rawValue.lowercased()
        return JourneyActivity(
            id: UUID(), key: plan.key ?? "WAITBYDURATION-\(position)",
            name: plan.name ?? "\(duration) \(duration == 1 ? String(unitName.dropLast()) : unitName)",
            kind: .wait(duration: duration, unit: unit))
    }

    /// Sets who may enter the draft again.
    public func setEntryMode(_ mode: EntryMode, of journey: JourneyReference) throws {
        try editDraft(of: journey) { draft, journey, db in
            try db.execute(
                sql: "UPDATE journeyVersion SET entryMode = ? WHERE id = ?", arguments: [mode.rawValue, draft.id.storageText])
            return ((), "Set the entry mode of \(journey.name) v\(draft.number) to \(mode.title).")
        }
    }

    /// Publishes the newest draft. The version that was running becomes Unpublished (finishing),
    /// and Stopped once no contact is inside it.
    @discardableResult
    public func activate(_ journey: JourneyReference) throws -> Journey {
        try perform { db in
            let journey = try ContactModelStore.journey(journey, in: db)
            guard let draft = journey.newestVersion, draft.status == .draft else {
                throw ContactModelError.cannotActivate(reason: "there is no draft version to activate")
            }
            guard draft.trigger != nil else {
                throw ContactModelError.cannotActivate(reason: "version \(draft.number) has no trigger")
            }
            guard !draft.activities.isEmpty else {
                throw ContactModelError.cannotActivate(reason: "version \(draft.number) has no activities")
            }
            try db.execute(
                sql: "UPDATE journeyVersion SET status = ? WHERE journeyID = ? AND status = ?",
                arguments: [
                    JourneyStatus.unpublished.rawValue, journey.id.storageText, JourneyStatus.published.rawValue,
                ])
            try db.execute(
                sql: "UPDATE journeyVersion SET status = ?, publishedAt = ? WHERE id = ?",
                arguments: [JourneyStatus.published.rawValue, clock(), draft.id.storageText])
            try touch(journey, in: db)
            let (stopped, finishing) = try VersionDrain.stopDrained(journeyID: journey.id, in: db)
            let earlier =
                stopped.map { " v\($0) stopped: no contact was inside." }.joined()
                + finishing.map { " v\($0.number) is finishing: \($0.contactsInside) contact(s) inside." }.joined()
            return (
                try ContactModelStore.journey(.id(journey.id), in: db),
                JournalLine(
                    entity: "journey", action: "publish", entityIDs: [journey.id.storageText, draft.id.storageText],
                    sentence: "Activated \(journey.name) v\(draft.number): it is running.\(earlier)")
            )
        }
    }

    /// Journey Builder's "New Draft": copies the newest version, trigger and activities, into version n+1.
    @discardableResult
    public func newDraft(of journey: JourneyReference) throws -> JourneyVersion {
        try perform { db in
            let journey = try ContactModelStore.journey(journey, in: db)
            let newest = journey.newestVersion!
            guard newest.status != .draft else { throw ContactModelError.alreadyDraft(version: newest.number) }
            let versionID = try insertVersion(
                number: newest.number + 1, of: journey.id, entryMode: newest.entryMode, triggerID: newest.trigger?.id, in: db)
            for activity in newest.activities {
                try db.execute(
                    sql: """
                        INSERT INTO journeyActivity (id, versionID, ordinal, key, name, type, dataExtensionID, fieldID, value, waitDuration, waitUnit)
                        SELECT ?, ?, ordinal, key, name, type, dataExtensionID, fieldID, value, waitDuration, waitUnit
                        FROM journeyActivity WHERE id = ?
                        """,
                    arguments: [UUID().storageText, versionID.storageText, activity.id.storageText])
            }
            try touch(journey, in: db)
            let copy = try ContactModelStore.journey(.id(journey.id), in: db).newestVersion!
            return (
                copy,
                JournalLine(
                    entity: "journey", action: "update", entityIDs: [journey.id.storageText, versionID.storageText],
                    sentence: "Created draft version \(copy.number) of \(journey.name) from version \(newest.number).")
            )
        }
    }

    // MARK: Shared steps

    /// Runs `change` on the newest version, which must be a draft, and journals its sentence.
    private func editDraft<Result>(
        of journey: JourneyReference,
        _ change: (JourneyVersion, Journey, Database) throws -> (Result, String)
    ) throws -> Result {
        try perform { db in
            let journey = try ContactModelStore.journey(journey, in: db)
            let newest = journey.newestVersion!
            guard newest.status == .draft else {
                throw ContactModelError.versionNotEditable(version: newest.number, status: newest.status.rawValue)
            }
            let (result, sentence) = try change(newest, journey, db)
            try touch(journey, in: db)
            return (
                result,
                JournalLine(
                    entity: "journey", action: "update", entityIDs: [journey.id.storageText, newest.id.storageText],
                    sentence: sentence)
            )
        }
    }

    @discardableResult
    func insertVersion(number: Int, of journeyID: UUID, entryMode: EntryMode, triggerID: UUID?, in db: Database)
        throws -> UUID
    {
        let id = UUID()
        try db.execute(
            sql:
                "INSERT INTO journeyVersion (id, journeyID, number, status, entryMode, triggerID, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                id.storageText, journeyID.storageText, number, JourneyStatus.draft.rawValue, entryMode.rawValue,
                triggerID?.storageText, clock(),
            ])
        return id
    }

    func insertActivity(
        _ activity: JourneyActivity, ordinal: Int, versionID: UUID, fieldType: FieldType?, in db: Database
    ) throws {
        var dataExtensionID: String?, fieldID: String?, value: String?, waitDuration: Int?, waitUnit: String?
        switch activity.kind {
        case .updateContactData(let de, let field, let typed):
            (dataExtensionID, fieldID) = (de.storageText, field.storageText)
            value = StoredActivityValue.encode(typed, type: fieldType ?? .text)
        case .wait(let duration, let unit):
            (waitDuration, waitUnit) = (duration, unit.rawValue)
        }
        try db.execute(
            sql: """
                INSERT INTO journeyActivity (id, versionID, ordinal, key, name, type, dataExtensionID, fieldID, value, waitDuration, waitUnit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                activity.id.storageText, versionID.storageText, ordinal, activity.key, activity.name, activity.type,
                dataExtensionID, fieldID, value, waitDuration, waitUnit,
            ])
    }

    func touch(_ journey: Journey, in db: Database) throws {
        try db.execute(
            sql: "UPDATE journey SET modifiedAt = ? WHERE id = ?", arguments: [clock(), journey.id.storageText])
    }

    /// A new event definition on `dataExtension`, which must be sendable or an attribute-group root.
    func insertEventDefinition(
        name: String, key: String?, type: EventDefinitionType, dataExtension: DataExtensionReference,
        filter: Filter?, in db: Database
    ) throws -> (EventDefinition, DataExtension) {
        let source = try StoredDataExtension.load(dataExtension, in: db).definition
        let groups = try ContactModelStore.attributeGroups(in: db)
        let isRoot = groups.contains { $0.rootLink?.dataExtensionID == source.id }
        guard source.isSendable || isRoot else {
            throw ContactModelError.eventSourceNotSendable(dataExtension: source.name)
        }
        if let filter { try FilterRules(source: source, linked: try linkedDataExtensions(groups, in: db)).check(filter) }
        let definition = EventDefinition(
            id: UUID(), key: try KeyRules.key(key, otherwise: type.generatedKey), name: name, type: type,
            dataExtensionID: source.id, filter: filter)
        try requireUniqueKey(definition.key, table: "eventDefinition", kind: "event definition", in: db)
        try db.execute(
            sql: """
                INSERT INTO eventDefinition (id, key, name, type, dataExtensionID, filter, createdAt, modifiedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                definition.id.storageText, definition.key, name, type.rawValue, source.id.storageText,
                try filter.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }, clock(), clock(),
            ])
        return (definition, source)
    }

    func linkedDataExtensions(_ groups: [AttributeGroup], in db: Database) throws -> [DataExtension] {
        let ids = Set(groups.flatMap { $0.links.map(\.dataExtensionID) })
        return try StoredDataExtension.loadAll(in: db).map(\.definition).filter { ids.contains($0.id) }
    }
}

extension WorkspaceReading {
    public func journeys() throws -> [Journey] {
        try database.read { try ContactModelStore.journeys(in: $0) }
    }

    public func journey(_ reference: JourneyReference) throws -> Journey {
        try database.read { try ContactModelStore.journey(reference, in: $0) }
    }

    public func eventDefinitions() throws -> [EventDefinition] {
        try database.read { try ContactModelStore.eventDefinitions(in: $0) }
    }

    public func eventDefinition(key: String) throws -> EventDefinition {
        try database.read { db in
            guard let definition = try ContactModelStore.eventDefinition(key: key, in: db) else {
                throw ContactModelError.notFound(kind: "event definition", reference: "key \(key)")
            }
            return definition
        }
    }
}
