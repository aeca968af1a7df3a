import Foundation
import GRDB

extension Workspace {
    /// Data Designer's "Create New Event": a name, the trigger's event key, the destination group.
    @discardableResult
    public func createContactEvent(name: String, eventKey: String, destinationGroupID: UUID) throws -> ContactEvent {
        try DefinitionRules.checkName(name, of: "event")
        let key = eventKey.trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { throw ContactModelError.emptyKey(kind: "event") }
        let event = ContactEvent(
            id: UUID(), name: name.trimmingCharacters(in: .whitespaces), eventKey: key,
            destinationGroupID: destinationGroupID, dataExtensionID: nil, state: .draft)
        return try perform { db in
            let group = try ContactModelStore.attributeGroup(destinationGroupID, in: db)
            try requireUniqueName(event.name, table: "contactEvent", kind: "event", in: db)
            try requireUniqueKey(key, table: "contactEvent", column: "eventKey", kind: "event", in: db)
            try db.execute(
                sql:
                    "INSERT INTO contactEvent (id, name, eventKey, destinationGroupID, state, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [event.id.storageText, event.name, key, group.id.storageText, event.state.rawValue, clock()])
            return (
                event,
                JournalLine(
                    entity: "contactEvent", action: "create", entityIDs: [event.id.storageText, group.id.storageText],
                    sentence: "Created event \(event.name) with key \(key), destination \(group.name).")
            )
        }
    }

    /// Creates the event's data extension: the platform's three fields (`EventInstanceID`,
    /// `ParentEventInstanceID`, `ContactKey`) followed by `fields`, linked through `ContactKey`.
    @discardableResult
    public func createEventDataExtension(
        for eventID: UUID, name: String, externalKey: String? = nil, fields: [Field]
    ) throws -> DataExtension {
        let stored = try newDataExtension(
            DataExtensionDraft(name: name, externalKey: externalKey, fields: ContactEvent.systemFields() + fields))
        return try perform { db in
            let event = try ContactModelStore.contactEvent(eventID, in: db)
            guard event.dataExtensionID == nil else { throw ContactModelError.eventAlreadyHasDataExtension(event: event.name) }
            let de = try insert(stored, in: db)
            try db.execute(
                sql: "UPDATE contactEvent SET dataExtensionID = ? WHERE id = ?",
                arguments: [de.id.storageText, event.id.storageText])
            return (
                de,
                JournalLine(
                    entity: "contactEvent", action: "update", entityIDs: [event.id.storageText, de.id.storageText],
                    sentence: "Created data extension \(de.name) for event \(event.name), linked Contact Key ↔ ContactKey.")
            )
        }
    }

    /// Starts the event: it can be fired from now on. The destination group's root data
    /// extension gets the `eventinstanceid` field, and the event's data extension joins the group.
    @discardableResult
    public func startEvent(_ eventID: UUID) throws -> ContactEvent {
        try perform { db in
            var event = try ContactModelStore.contactEvent(eventID, in: db)
            guard let dataExtensionID = event.dataExtensionID else {
                throw ContactModelError.eventHasNoDataExtension(event: event.name)
            }
            let group = try ContactModelStore.attributeGroup(event.destinationGroupID, in: db)
            guard let root = group.rootLink else { throw ContactModelError.groupHasNoRoot(group: group.name) }
            var rootDE = try StoredDataExtension.load(.id(root.dataExtensionID), in: db)
            if rootDE.definition.field(named: ContactEvent.instanceFieldName) == nil {
                try rootDE.append(Field.system(name: ContactEvent.instanceFieldName, type: .text, length: 36), in: db)
                try rootDE.update(in: db, now: clock())
            }
            if !group.links.contains(where: { $0.dataExtensionID == dataExtensionID }) {
                let eventDE = try StoredDataExtension.load(.id(dataExtensionID), in: db).definition
                let contactKey = eventDE.field(named: "ContactKey")!
                try insertLink(
                    AttributeGroupLink(
                        dataExtensionID: dataExtensionID, contactKeyFieldID: contactKey.id, cardinality: .many, isRoot: false),
                    into: group, in: db)
            }
            event.state = .running
            try db.execute(
                sql: "UPDATE contactEvent SET state = ? WHERE id = ?", arguments: [event.state.rawValue, event.id.storageText])
            return (
                event,
                JournalLine(
                    entity: "contactEvent", action: "update", entityIDs: [event.id.storageText],
                    sentence:
                        "Started event \(event.name): \(rootDE.definition.name) now has an \(ContactEvent.instanceFieldName) field."
                )
            )
        }
    }
}

extension WorkspaceReading {
    public func contactEvents() throws -> [ContactEvent] {
        try database.read { try ContactModelStore.contactEvents(in: $0) }
    }

    public func contactEvent(_ id: UUID) throws -> ContactEvent {
        try database.read { try ContactModelStore.contactEvent(id, in: $0) }
    }
}
