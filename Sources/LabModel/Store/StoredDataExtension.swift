import Foundation
import GRDB

/// A data extension together with where its rows live: the row table and each field's column.
struct StoredDataExtension: Sendable {
    var definition: DataExtension
    let tableName: String
    var columns: [Field.ID: String]
    var nextColumnNumber: Int

    func column(of field: Field) -> String { columns[field.id]! }

    var rowTable: RowTable { RowTable(stored: self) }

    /// Appends `field` to the definition and its column to the row table.
    mutating func append(_ field: Field, in db: Database) throws {
        definition.fields.append(field)
        columns[field.id] = "c\(nextColumnNumber)"
        nextColumnNumber += 1
        try rowTable.addColumn(for: field, in: db)
    }

    /// Every page read starts here, so it uses cached statements and hand-written decoding.
    static func load(_ reference: DataExtensionReference, in db: Database) throws -> StoredDataExtension {
        let (column, value) = lookup(reference)
        let statement = try db.cachedStatement(sql: "SELECT * FROM dataExtension WHERE \(column) = ?")
        guard let record = try DataExtensionRecord.fetchOne(statement, arguments: [value]) else {
            throw DefinitionError.dataExtensionNotFound(reference)
        }
        return try assemble(record, fields: fieldRecords(of: record.id, in: db))
    }

    /// The `dataExtension` column and value a reference matches.
    private static func lookup(_ reference: DataExtensionReference) -> (column: String, value: String) {
        switch reference {
        case .id(let id): ("id", id.storageText)
        case .externalKey(let key): ("externalKey", key)
        case .name(let name): ("name", name)
        }
    }

    static func rowCount(_ reference: DataExtensionReference, in db: Database) throws -> Int {
        let (column, value) = lookup(reference)
        let statement = try db.cachedStatement(sql: "SELECT rowCount FROM dataExtension WHERE \(column) = ?")
        guard let count = try Int.fetchOne(statement, arguments: [value]) else {
            throw DefinitionError.dataExtensionNotFound(reference)
        }
        return count
    }

    static func loadAll(in db: Database) throws -> [StoredDataExtension] {
        let records = try DataExtensionRecord.order(Column("name").collating(.nocase)).fetchAll(db)
        let fields = Dictionary(grouping: try FieldRecord.order(Column("ordinal")).fetchAll(db), by: \.dataExtensionID)
        return records.map { assemble($0, fields: fields[$0.id] ?? []) }
    }

    private static func fieldRecords(of id: UUID, in db: Database) throws -> [FieldRecord] {
        let statement = try db.cachedStatement(sql: "SELECT * FROM dataExtensionField WHERE dataExtensionID = ? ORDER BY ordinal")
        return try FieldRecord.fetchAll(statement, arguments: [id.storageText])
    }

    private static func assemble(_ record: DataExtensionRecord, fields: [FieldRecord]) -> StoredDataExtension {
        let definition = DataExtension(
            id: record.id,
            name: record.name,
            externalKey: record.externalKey,
            description: record.description,
            sendableFieldID: record.sendableFieldID,
            fields: fields.map(\.field),
            rowCount: record.rowCount)
        let columns = Dictionary(uniqueKeysWithValues: fields.map { ($0.field.id, $0.columnName) })
        return StoredDataExtension(
            definition: definition, tableName: record.tableName, columns: columns,
            nextColumnNumber: record.nextColumnNumber)
    }

    /// Writes a new data extension's definition.
    func insert(in db: Database, now: Date) throws {
        let de = definition
        try DataExtensionRecord(
            id: de.id, name: de.name, externalKey: de.externalKey, description: de.description,
            sendableFieldID: de.sendableFieldID, tableName: tableName, rowCount: 0,
            nextColumnNumber: nextColumnNumber, createdAt: now, modifiedAt: now
        ).insert(db)
        try saveFields(in: db)
    }

    /// Writes the definition tables to match `definition` (the row table is changed separately).
    func update(in db: Database, now: Date) throws {
        let de = definition
        // rowCount belongs to the row-table triggers: never overwrite it from a possibly stale copy.
        try db.execute(
            sql: """
                UPDATE dataExtension SET name = ?, externalKey = ?, description = ?, sendableFieldID = ?,
                nextColumnNumber = ?, modifiedAt = ? WHERE id = ?
                """,
            arguments: [
                de.name, de.externalKey, de.description, de.sendableFieldID?.storageText, nextColumnNumber, now,
                de.id.storageText,
            ])
        try saveFields(in: db)
    }

    private func saveFields(in db: Database) throws {
        let de = definition
        try FieldRecord.filter(Column("dataExtensionID") == de.id.storageText)
            .filter(!de.fields.map(\.id.storageText).contains(Column("id"))).deleteAll(db)
        for (ordinal, field) in de.fields.enumerated() {
            try FieldRecord(field, dataExtensionID: de.id, ordinal: ordinal, columnName: column(of: field)).save(db)
        }
    }
}
