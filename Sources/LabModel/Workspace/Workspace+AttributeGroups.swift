import Foundation
import GRDB

extension Workspace {
    /// Creates an empty attribute group (Data Designer's "Create Attribute Group").
    @discardableResult
    public func createAttributeGroup(name: String, icon: String = "users") throws -> AttributeGroup {
        try DefinitionRules.checkName(name, of: "attribute group")
        let group = AttributeGroup(id: UUID(), name: name.trimmingCharacters(in: .whitespaces), icon: icon, links: [])
        return try perform { db in
            try requireUniqueName(group.name, table: "attributeGroup", kind: "attribute group", in: db)
            try db.execute(
                sql: "INSERT INTO attributeGroup (id, name, icon, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [group.id.storageText, group.name, icon, clock()])
            return (
                group,
                JournalLine(
                    entity: "attributeGroup", action: "create", entityIDs: [group.id.storageText],
                    sentence: "Created attribute group \(group.name).")
            )
        }
    }

    /// Links a data extension into an attribute group: Contact Key ↔ `contactKeyField`.
    /// A root link (cardinality One) makes the row the contact's attributes, and every key in it a contact.
    @discardableResult
    public func linkDataExtension(
        _ reference: DataExtensionReference, to groupID: UUID, contactKeyField: String,
        cardinality: Cardinality = .one, asRoot: Bool = false
    ) throws -> AttributeGroup {
        if asRoot && cardinality != .one { throw ContactModelError.rootLinkMustBeOne }
        return try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let de = stored.definition
            let group = try ContactModelStore.attributeGroup(groupID, in: db)
            guard let field = de.field(named: contactKeyField) else {
                throw DefinitionError.fieldNotFound(dataExtension: de.name, field: contactKeyField)
            }
            guard field.type == .text || field.type == .emailAddress else {
                throw ContactModelError.contactKeyFieldWrongType(field: field.name, type: field.type.description)
            }
            guard !group.links.contains(where: { $0.dataExtensionID == de.id }) else {
                throw ContactModelError.alreadyLinked(dataExtension: de.name, group: group.name)
            }
            if asRoot,
                let other = try ContactModelStore.attributeGroups(in: db).first(where: { $0.rootLink?.dataExtensionID == de.id })
            {
                throw ContactModelError.alreadyRootElsewhere(dataExtension: de.name, group: other.name)
            }
            if asRoot, let root = group.rootLink {
                let rootName = try StoredDataExtension.load(.id(root.dataExtensionID), in: db).definition.name
                throw ContactModelError.groupAlreadyHasRoot(group: group.name, root: rootName)
            }
            try insertLink(
                AttributeGroupLink(dataExtensionID: de.id, contactKeyFieldID: field.id, cardinality: cardinality, isRoot: asRoot),
                into: group, in: db)
            if asRoot {
                try stored.rowTable.captureContacts(from: field, now: clock(), in: db)
            }
            let line = JournalLine(
                entity: "attributeGroup", action: "update", entityIDs: [group.id.storageText, de.id.storageText],
                sentence:
                    "Linked \(de.name) to attribute group \(group.name): Contact Key ↔ \(field.name), \(cardinality.rawValue)\(asRoot ? ", root" : "")."
            )
            return (try ContactModelStore.attributeGroup(groupID, in: db), line)
        }
    }

    /// Removes a data extension from an attribute group.
    @discardableResult
    public func unlinkDataExtension(_ reference: DataExtensionReference, from groupID: UUID) throws -> AttributeGroup {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let group = try ContactModelStore.attributeGroup(groupID, in: db)
            guard let link = group.links.first(where: { $0.dataExtensionID == stored.definition.id }) else {
                throw ContactModelError.notFound(
                    kind: "link", reference: "data extension \(stored.definition.name) in \(group.name)")
            }
            try db.execute(
                sql: "DELETE FROM attributeGroupLink WHERE groupID = ? AND dataExtensionID = ?",
                arguments: [group.id.storageText, stored.definition.id.storageText])
            if link.isRoot { try stored.rowTable.stopCapturingContacts(in: db) }
            let line = JournalLine(
                entity: "attributeGroup", action: "update", entityIDs: [group.id.storageText, stored.definition.id.storageText],
                sentence: "Unlinked \(stored.definition.name) from attribute group \(group.name).")
            return (try ContactModelStore.attributeGroup(groupID, in: db), line)
        }
    }

    func insertLink(_ link: AttributeGroupLink, into group: AttributeGroup, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO attributeGroupLink (groupID, dataExtensionID, contactKeyFieldID, cardinality, isRoot, ordinal)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                group.id.storageText, link.dataExtensionID.storageText, link.contactKeyFieldID.storageText,
                link.cardinality.rawValue, link.isRoot, group.links.count,
            ])
    }

    func requireUniqueName(_ name: String, table: String, kind: String, in db: Database) throws {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE name = ?", arguments: [name])! > 0 {
            throw ContactModelError.duplicateName(kind: kind, name: name)
        }
    }

    func requireUniqueKey(_ key: String, table: String, column: String = "key", kind: String, in db: Database) throws {
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(column) = ?", arguments: [key])! > 0 {
            throw ContactModelError.duplicateKey(kind: kind, key: key)
        }
    }
}

extension WorkspaceReading {
    public func attributeGroups() throws -> [AttributeGroup] {
        try database.read { try ContactModelStore.attributeGroups(in: $0) }
    }

    /// The contact with this key or ID.
    public func contact(_ reference: ContactReference) throws -> Contact {
        try database.read { db in
            guard let contact = try ContactModelStore.contact(reference, in: db) else {
                throw ContactModelError.notFound(kind: "contact", reference: "\(reference)")
            }
            return contact
        }
    }

    /// Contacts in ID order, a page at a time.
    public func contacts(after id: Int64 = 0, limit: Int = 50) throws -> [Contact] {
        try database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, contactKey FROM contact WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]
            ).map { Contact(id: $0[0], key: $0[1]) }
        }
    }
}
