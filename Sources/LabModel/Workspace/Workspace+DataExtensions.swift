import Foundation
import GRDB

extension Workspace {
    /// Creates a data extension and its row table.
    @discardableResult
    public func createDataExtension(_ draft: DataExtensionDraft) throws -> DataExtension {
        let stored = try newDataExtension(draft)
        return try perform { db in
            let de = try insert(stored, in: db)
            let line = JournalLine(
                entity: "dataExtension", action: "create", entityIDs: [de.id.storageText],
                sentence:
                    "Created data extension \(de.name) with \(de.fields.count) field\(de.fields.count == 1 ? "" : "s") (external key \(de.externalKey))."
            )
            return (de, line)
        }
    }

    /// Checks a draft and gives it an id, an external key when none is given, and its columns.
    func newDataExtension(_ draft: DataExtensionDraft) throws -> StoredDataExtension {
        try DefinitionRules.checkName(draft.name, of: "data extension")
        if let key = draft.externalKey, !key.trimmingCharacters(in: .whitespaces).isEmpty {
            try DefinitionRules.checkName(key, of: "external key")
        }
        try DefinitionRules.checkFields(draft.fields)
        var fields = draft.fields
        var seenIDs = Set<UUID>()
        for index in fields.indices {
            if fields[index].isPrimaryKey { fields[index].isRequired = true }
            if !seenIDs.insert(fields[index].id).inserted { fields[index].id = UUID() }
        }
        var sendableFieldID: UUID?
        if let sendableName = draft.sendableFieldName {
            guard let field = fields.first(where: { $0.isNamed(sendableName) }) else {
                throw DefinitionError.sendableFieldNotFound(sendableName)
            }
            try DefinitionRules.checkSendable(field)
            sendableFieldID = field.id
        }

        let id = UUID()
        let definition = DataExtension(
            id: id, name: draft.name.trimmingCharacters(in: .whitespaces),
            externalKey: try KeyRules.key(draft.externalKey) { UUID().uuidString.uppercased() },
            description: draft.description, sendableFieldID: sendableFieldID, fields: fields, rowCount: 0)
        let columns = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($0.element.id, "c\($0.offset + 1)") })
        return StoredDataExtension(
            definition: definition, tableName: "de_" + id.storageText.replacingOccurrences(of: "-", with: ""),
            columns: columns, nextColumnNumber: fields.count + 1)
    }

    /// Writes a checked new data extension and creates its row table.
    func insert(_ stored: StoredDataExtension, in db: Database) throws -> DataExtension {
        let de = stored.definition
        try checkUnique(name: de.name, externalKey: de.externalKey, except: nil, in: db)
        try stored.insert(in: db, now: clock())
        try stored.rowTable.create(in: db)
        return de
    }

    /// Changes the name, external key or description.
    @discardableResult
    public func editDataExtension(
        _ reference: DataExtensionReference, name: String? = nil, externalKey: String? = nil,
        description: String? = nil
    ) throws -> DataExtension {
        if let name { try DefinitionRules.checkName(name, of: "data extension") }
        if let externalKey { try DefinitionRules.checkName(externalKey, of: "external key") }
        return try changeDefinition(of: reference, action: "update") { stored, db in
            var de = stored.definition
            de.name = name?.trimmingCharacters(in: .whitespaces) ?? de.name
            de.externalKey = externalKey?.trimmingCharacters(in: .whitespaces) ?? de.externalKey
            de.description = description ?? de.description
            try checkUnique(name: de.name, externalKey: de.externalKey, except: de.id, in: db)
            stored.definition = de
            return "Edited the properties of data extension \(de.name)."
        }
    }

    /// Makes the data extension sendable, relating `fieldName` to Subscriber Key.
    @discardableResult
    public func makeSendable(_ reference: DataExtensionReference, relating fieldName: String) throws -> DataExtension {
        try changeDefinition(of: reference, action: "update") { stored, _ in
            guard let field = stored.definition.field(named: fieldName) else {
                throw DefinitionError.sendableFieldNotFound(fieldName)
            }
            try DefinitionRules.checkSendable(field)
            stored.definition.sendableFieldID = field.id
            return "Made \(stored.definition.name) sendable: \(field.name) relates to Subscriber Key."
        }
    }

    @discardableResult
    public func makeNotSendable(_ reference: DataExtensionReference) throws -> DataExtension {
        try changeDefinition(of: reference, action: "update") { stored, _ in
            stored.definition.sendableFieldID = nil
            return "Made \(stored.definition.name) not sendable."
        }
    }

    /// Adds a field. With rows present it must be nullable or have a default (which existing rows get).
    @discardableResult
    public func addField(_ field: Field, to reference: DataExtensionReference) throws -> DataExtension {
        try DefinitionRules.checkField(field)
        var field = field
        if field.isPrimaryKey { field.isRequired = true }
        return try changeDefinition(of: reference, action: "update") { stored, db in
            let de = stored.definition
            if de.fields.contains(where: { $0.id == field.id }) { field.id = UUID() }
            try DefinitionRules.checkFields(de.fields + [field])
            if de.rowCount > 0 {
                if field.isPrimaryKey {
                    throw DefinitionError.breaksStoredValues(
                        field: field.name, reason: "a primary key field can only be added while the data extension is empty")
                }
                if field.isRequired && field.defaultValue == nil {
                    throw DefinitionError.breaksStoredValues(
                        field: field.name,
                        reason: "the \(de.rowCount) existing records would have no value; make it nullable or give it a default")
                }
            }
            try stored.append(field, in: db)
            let table = stored.rowTable
            let value = field.defaultFieldValue(now: clock())
            if de.rowCount > 0 && !value.isNull {
                try db.execute(
                    sql: "UPDATE \(table.quotedName) SET \(table.quotedColumn(of: field)) = ?",
                    arguments: [value.databaseValue])
            }
            if field.isPrimaryKey { try table.createPrimaryKeyIndex(in: db) }
            return "Added field \(field.name) (\(field.typeDescription)) to \(de.name)."
        }
    }

    /// Changes a field's definition; refused, with the reason, when stored values would not survive it.
    @discardableResult
    public func changeField(named name: String, in reference: DataExtensionReference, to changed: Field) throws
        -> DataExtension
    {
        try DefinitionRules.checkField(changed)
        return try changeDefinition(of: reference, action: "update") { stored, db in
            var de = stored.definition
            guard let index = de.fields.firstIndex(where: { $0.isNamed(name) }) else {
                throw DefinitionError.fieldNotFound(dataExtension: de.name, field: name)
            }
            let old = de.fields[index]
            guard !old.isSystem else { throw DefinitionError.systemFieldReadOnly(field: old.name) }
            if old.type != changed.type { try requireNotLinkingContacts(old, in: db) }
            var new = changed
            new.id = old.id
            if new.isPrimaryKey { new.isRequired = true }
            de.fields[index] = new
            try DefinitionRules.checkFields(de.fields)
            if de.sendableFieldID == old.id { try DefinitionRules.checkSendable(new) }
            let table = stored.rowTable
            let typeChanged = old.type.columnDefinition != new.type.columnDefinition || old.type.name != new.type.name
            if de.rowCount > 0 {
                let shrinking = (new.length ?? Int.max) < (old.length ?? Int.max) ? new.length : nil
                try FieldChangeRules(old: old, new: new, rowCount: de.rowCount)
                    .check(extent: try table.storedExtent(of: old, lengthLimit: shrinking, in: db))
            }
            stored.definition = de
            if typeChanged {
                // Only reached with no rows (FieldChangeRules refuses otherwise): the column is
                // remade for the new type, after the key index that may cover it.
                if old.isPrimaryKey { try db.execute(sql: "DROP INDEX IF EXISTS \(table.primaryKeyIndexName)") }
                try table.dropColumn(for: old, in: db)
                try stored.rowTable.addColumn(for: new, in: db)
            }
            if old.isPrimaryKey != new.isPrimaryKey || typeChanged {
                do {
                    try stored.rowTable.createPrimaryKeyIndex(in: db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    throw DefinitionError.breaksStoredValues(
                        field: new.name, reason: "two records would share the same primary key")
                }
            }
            let renamed = old.name == new.name ? "" : " (now \(new.name))"
            return
                "Changed field \(old.name)\(renamed) of \(de.name) to \(new.typeDescription)\(new.isPrimaryKey ? ", primary key" : new.isRequired ? ", required" : "")."
        }
    }

    /// Removes a field and its stored values.
    @discardableResult
    public func removeField(named name: String, from reference: DataExtensionReference) throws -> DataExtension {
        try changeDefinition(of: reference, action: "update") { stored, db in
            var de = stored.definition
            guard let field = de.field(named: name) else {
                throw DefinitionError.fieldNotFound(dataExtension: de.name, field: name)
            }
            guard !field.isSystem else { throw DefinitionError.systemFieldReadOnly(field: field.name) }
            try requireNotLinkingContacts(field, in: db)
            if de.sendableFieldID == field.id {
                throw DefinitionError.fieldInUse(field: field.name, reason: "it relates to Subscriber Key")
            }
            if field.isPrimaryKey && de.rowCount > 0 {
                throw DefinitionError.fieldInUse(field: field.name, reason: "it is part of the primary key of stored records")
            }
            guard de.fields.count > 1 else { throw DefinitionError.noFields }
            let table = stored.rowTable
            if field.isPrimaryKey {
                try db.execute(sql: "DROP INDEX IF EXISTS \(table.primaryKeyIndexName)")
            }
            try table.dropColumn(for: field, in: db)
            de.fields.removeAll { $0.id == field.id }
            stored.definition = de
            if field.isPrimaryKey { try stored.rowTable.createPrimaryKeyIndex(in: db) }
            return "Removed field \(field.name) from \(de.name)."
        }
    }

    /// Deletes a data extension with all its records.
    public func deleteDataExtension(_ reference: DataExtensionReference) throws {
        try perform { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            if let trigger = try String.fetchOne(
                db, sql: "SELECT name FROM eventDefinition WHERE dataExtensionID = ?",
                arguments: [stored.definition.id.storageText])
            {
                throw DefinitionError.dataExtensionInUse(dataExtension: stored.definition.name, by: "trigger \(trigger)")
            }
            if let automation = try String.fetchOne(
                db,
                sql:
                    "SELECT a.name FROM automationActivity x JOIN automation a ON a.id = x.automationID WHERE x.dataExtensionID = ?",
                arguments: [stored.definition.id.storageText])
            {
                throw DefinitionError.dataExtensionInUse(dataExtension: stored.definition.name, by: "automation \(automation)")
            }
            try stored.rowTable.drop(in: db)
            try DataExtensionRecord.deleteOne(db, key: stored.definition.id.storageText)
            let de = stored.definition
            let line = JournalLine(
                entity: "dataExtension", action: "delete", entityIDs: [de.id.storageText],
                sentence: "Deleted data extension \(de.name) and its \(de.rowCount) record\(de.rowCount == 1 ? "" : "s").")
            return ((), line)
        }
    }

    /// Loads, lets `change` edit the stored definition (and its row table), saves, journals.
    private func changeDefinition(
        of reference: DataExtensionReference, action: String,
        _ change: (inout StoredDataExtension, Database) throws -> String
    ) throws -> DataExtension {
        try perform { db in
            var stored = try StoredDataExtension.load(reference, in: db)
            let sentence = try change(&stored, db)
            try stored.update(in: db, now: clock())
            let line = JournalLine(
                entity: "dataExtension", action: action, entityIDs: [stored.definition.id.storageText], sentence: sentence)
            return (try StoredDataExtension.load(.id(stored.definition.id), in: db).definition, line)
        }
    }

    private func requireNotLinkingContacts(_ field: Field, in db: Database) throws {
        if let group = try String.fetchOne(
            db,
            sql:
                "SELECT g.name FROM attributeGroupLink l JOIN attributeGroup g ON g.id = l.groupID WHERE l.contactKeyFieldID = ?",
            arguments: [field.id.storageText])
        {
            throw ContactModelError.fieldLinksContacts(field: field.name, group: group)
        }
    }

    private func checkUnique(name: String, externalKey: String, except id: UUID?, in db: Database) throws {
        let others = DataExtensionRecord.filter(Column("id") != (id?.storageText ?? ""))
        if try others.filter(Column("name") == name).fetchCount(db) > 0 {
            throw DefinitionError.duplicateDataExtensionName(name)
        }
        if try others.filter(Column("externalKey") == externalKey).fetchCount(db) > 0 {
            throw DefinitionError.duplicateExternalKey(externalKey)
        }
    }
}
