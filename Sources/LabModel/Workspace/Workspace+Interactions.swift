import Foundation
import GRDB

extension Workspace {
    /// Creates a journey with an empty draft version 1 (entry mode: no re-entry).
    @discardableResult
    public func createInteraction(name: String, key: String? = nil, description: String = "") throws -> Interaction {
        try createInteraction(key: key, plan: JourneyVersionPlan(name: name, description: description))
    }

    /// Sets the draft's trigger: a new event definition listening to `dataExtension`, with an
    /// optional contact filter. The data extension must be sendable or an attribute-group root.
    @discardableResult
    public func setTrigger(
        of journey: InteractionReference, name: String, type: EventDefinitionType = .contactEvent,
        dataExtension: DataExtensionReference, filter: Filter? = nil, key: String? = nil
    ) throws -> EventDefinition {
        try DefinitionRules.checkName(name, of: "trigger")
        return try editDraft(of: journey) { draft, interaction, db in
            let (definition, source) = try insertEventDefinition(
                name: name, key: key, type: type, dataExtension: dataExtension, filter: filter, in: db)
            try db.execute(
                sql: "UPDATE interactionVersion SET triggerID = ? WHERE id = ?",
                arguments: [definition.id.storageText, draft.id.storageText])
            let filterText = filter.map { ", filter \($0)" } ?? ""
            return (
                definition,
                "Set the trigger of \(interaction.name) v\(draft.number): \(name) on \(source.name)\(filterText) (event definition key \(definition.key))."
            )
        }
    }

    /// Adds an Update Contact Data activity: `field` of the contact's rows in `dataExtension` becomes `value`.
    @discardableResult
    public func addUpdateContactActivity(
        to journey: InteractionReference, dataExtension: DataExtensionReference, field fieldName: String, value: String,
        name: String? = nil
    ) throws -> JourneyActivity {
        try editDraft(of: journey) { draft, interaction, db in
            let (activity, target, field) = try updateContactActivity(
                ActivityPlan(name: name, .updateContactData(dataExtension: dataExtension, field: .name(fieldName), value: value)),
                position: draft.activities.count + 1, in: db)
            try insertActivity(activity, ordinal: draft.activities.count, versionID: draft.id, fieldType: field.type, in: db)
            guard case .updateContactData(_, _, let typed) = activity.kind else { preconditionFailure() }
            return (
                activity,
                "Added Update Contact Data to \(interaction.name) v\(draft.number): \(target.name).\(field.name) = \(typed.displayText)."
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
    public func addWaitActivity(to journey: InteractionReference, duration: Int, unit: WaitUnit) throws -> JourneyActivity {
        let activity = try waitActivity(ActivityPlan(.wait(duration: duration, unit: unit)), position: 0)
        return try editDraft(of: journey) { draft, interaction, db in
            var activity = activity
            activity.key = "WAITBYDURATION-\(draft.activities.count + 1)"
            try insertActivity(activity, ordinal: draft.activities.count, versionID: draft.id, fieldType: nil, in: db)
            return (activity, "Added a wait of \(activity.name) to \(interaction.name) v\(draft.number).")
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
    public func setEntryMode(_ mode: EntryMode, of journey: InteractionReference) throws {
        try editDraft(of: journey) { draft, interaction, db in
            try db.execute(
                sql: "UPDATE interactionVersion SET entryMode = ? WHERE id = ?", arguments: [mode.rawValue, draft.id.storageText])
            return ((), "Set the entry mode of \(interaction.name) v\(draft.number) to \(mode.title).")
        }
    }

    /// Publishes the newest draft. The version that was running becomes Unpublished (finishing),
    /// and Stopped once no contact is inside it.
    @discardableResult
    public func activate(_ journey: InteractionReference) throws -> Interaction {
        try perform { db in
            let interaction = try ContactModelStore.interaction(journey, in: db)
            guard let draft = interaction.newestVersion, draft.status == .draft else {
                throw ContactModelError.cannotActivate(reason: "there is no draft version to activate")
            }
            guard draft.trigger != nil else {
                throw ContactModelError.cannotActivate(reason: "version \(draft.number) has no trigger")
            }
            guard !draft.activities.isEmpty else {
                throw ContactModelError.cannotActivate(reason: "version \(draft.number) has no activities")
            }
            try db.execute(
                sql: "UPDATE interactionVersion SET status = ? WHERE interactionID = ? AND status = ?",
                arguments: [
                    InteractionStatus.unpublished.rawValue, interaction.id.storageText, InteractionStatus.published.rawValue,
                ])
            try db.execute(
                sql: "UPDATE interactionVersion SET status = ?, publishedAt = ? WHERE id = ?",
                arguments: [InteractionStatus.published.rawValue, clock(), draft.id.storageText])
            try touch(interaction, in: db)
            let (stopped, finishing) = try VersionDrain.stopDrained(interactionID: interaction.id, in: db)
            let earlier =
                stopped.map { " v\($0) stopped: no contact was inside." }.joined()
                + finishing.map { " v\($0.number) is finishing: \($0.contactsInside) contact(s) inside." }.joined()
            return (
                try ContactModelStore.interaction(journey, in: db),
                JournalLine(
                    entity: "interaction", action: "publish", entityIDs: [interaction.id.storageText, draft.id.storageText],
                    sentence: "Activated \(interaction.name) v\(draft.number): it is running.\(earlier)")
            )
        }
    }

    /// Journey Builder's "New Draft": copies the newest version, trigger and activities, into version n+1.
    @discardableResult
    public func newDraft(of journey: InteractionReference) throws -> InteractionVersion {
        try perform { db in
            let interaction = try ContactModelStore.interaction(journey, in: db)
            let newest = interaction.newestVersion!
            guard newest.status != .draft else { throw ContactModelError.alreadyDraft(version: newest.number) }
            let versionID = try insertVersion(
                number: newest.number + 1, of: interaction.id, entryMode: newest.entryMode, triggerID: newest.trigger?.id, in: db)
            for activity in newest.activities {
                try db.execute(
                    sql: """
                        INSERT INTO journeyActivity (id, versionID, ordinal, key, name, type, dataExtensionID, fieldID, value, waitDuration, waitUnit)
                        SELECT ?, ?, ordinal, key, name, type, dataExtensionID, fieldID, value, waitDuration, waitUnit
                        FROM journeyActivity WHERE id = ?
                        """,
                    arguments: [UUID().storageText, versionID.storageText, activity.id.storageText])
            }
            try touch(interaction, in: db)
            let copy = try ContactModelStore.interaction(journey, in: db).newestVersion!
            return (
                copy,
                JournalLine(
                    entity: "interaction", action: "update", entityIDs: [interaction.id.storageText, versionID.storageText],
                    sentence: "Created draft version \(copy.number) of \(interaction.name) from version \(newest.number).")
            )
        }
    }

    // MARK: Shared steps

    /// Runs `change` on the newest version, which must be a draft, and journals its sentence.
    private func editDraft<Result>(
        of journey: InteractionReference,
        _ change: (InteractionVersion, Interaction, Database) throws -> (Result, String)
    ) throws -> Result {
        try perform { db in
            let interaction = try ContactModelStore.interaction(journey, in: db)
            let newest = interaction.newestVersion!
            guard newest.status == .draft else {
                throw ContactModelError.versionNotEditable(version: newest.number, status: newest.status.rawValue)
            }
            let (result, sentence) = try change(newest, interaction, db)
            try touch(interaction, in: db)
            return (
                result,
                JournalLine(
                    entity: "interaction", action: "update", entityIDs: [interaction.id.storageText, newest.id.storageText],
                    sentence: sentence)
            )
        }
    }

    @discardableResult
    func insertVersion(number: Int, of interactionID: UUID, entryMode: EntryMode, triggerID: UUID?, in db: Database)
        throws -> UUID
    {
        let id = UUID()
        try db.execute(
            sql:
                "INSERT INTO interactionVersion (id, interactionID, number, status, entryMode, triggerID, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                id.storageText, interactionID.storageText, number, InteractionStatus.draft.rawValue, entryMode.rawValue,
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

    func touch(_ interaction: Interaction, in db: Database) throws {
        try db.execute(
            sql: "UPDATE interaction SET modifiedAt = ? WHERE id = ?", arguments: [clock(), interaction.id.storageText])
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
            id: UUID(), key: KeyRules.key(key, otherwise: type.generatedKey), name: name, type: type,
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
    public func interactions() throws -> [Interaction] {
        try database.read { try ContactModelStore.interactions(in: $0) }
    }

    public func interaction(_ reference: InteractionReference) throws -> Interaction {
        try database.read { try ContactModelStore.interaction(reference, in: $0) }
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
