import Foundation
import GRDB

extension Workspace {
    /// An event definition of its own (Journey Builder's Entry Sources, or the REST API), which
    /// a journey's trigger can use later; `setTrigger` makes one for a draft directly.
    @discardableResult
    public func createEventDefinition(
        name: String, key: String? = nil, type: EventDefinitionType = .apiEvent, dataExtension: DataExtensionReference,
        filter: Filter? = nil
    ) throws -> EventDefinition {
        try DefinitionRules.checkName(name, of: "event definition")
        return try perform { db in
            let (definition, source) = try insertEventDefinition(
                name: name, key: key, type: type, dataExtension: dataExtension, filter: filter, in: db)
            return (
                definition,
                JournalLine(
                    entity: "eventDefinition", action: "create", entityIDs: [definition.id.storageText],
                    sentence: "Created event definition \(name) on \(source.name) (key \(definition.key)).")
            )
        }
    }

    /// Renames an event definition.
    @discardableResult
    public func renameEventDefinition(key: String, to name: String) throws -> EventDefinition {
        try DefinitionRules.checkName(name, of: "event definition")
        return try perform { db in
            let definition = try existingDefinition(key: key, in: db)
            try db.execute(
                sql: "UPDATE eventDefinition SET name = ?, modifiedAt = ? WHERE id = ?",
                arguments: [name, clock(), definition.id.storageText])
            var renamed = definition
            renamed.name = name
            return (
                renamed,
                JournalLine(
                    entity: "eventDefinition", action: "update", entityIDs: [definition.id.storageText],
                    sentence: "Renamed event definition \(definition.name) to \(name).")
            )
        }
    }

    /// Deletes an event definition no journey version uses.
    public func deleteEventDefinition(key: String) throws {
        try perform { db in
            let definition = try existingDefinition(key: key, in: db)
            let users = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM journeyVersion WHERE triggerID = ?", arguments: [definition.id.storageText])!
            guard users == 0 else { throw ContactModelError.eventDefinitionInUse(key: definition.key, versions: users) }
            try db.execute(sql: "DELETE FROM eventDefinition WHERE id = ?", arguments: [definition.id.storageText])
            return (
                (),
                JournalLine(
                    entity: "eventDefinition", action: "delete", entityIDs: [definition.id.storageText],
                    sentence: "Deleted event definition \(definition.name) (key \(definition.key)).")
            )
        }
    }

    private func existingDefinition(key: String, in db: Database) throws -> EventDefinition {
        guard let definition = try ContactModelStore.eventDefinition(key: key, in: db) else {
            throw ContactModelError.notFound(kind: "event definition", reference: "key \(key)")
        }
        return definition
    }
}

extension WorkspaceReading {
    /// How many journeys use an event definition in some version, and in a published one.
    public func journeyCounts(of definition: EventDefinition) throws -> (all: Int, published: Int) {
        try database.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT journeyID), COUNT(DISTINCT CASE WHEN status = ? THEN journeyID END)
                    FROM journeyVersion WHERE triggerID = ?
                    """,
                arguments: [JourneyStatus.published.rawValue, definition.id.storageText])!
            return (row[0], row[1])
        }
    }
}
