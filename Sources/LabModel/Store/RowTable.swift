import Foundation
import GRDB

/// The SQLite table that holds one data extension's rows: `_row` (the stable row id) and one
/// typed column per field, a unique index on the primary key, an index per field so sorted
/// pages are index walks, and triggers that keep `dataExtension.rowCount` current.
struct RowTable {
    let stored: StoredDataExtension

    private var table: String { stored.tableName.quotedDatabaseIdentifier }
    private var fields: [Field] { stored.definition.fields }
    private func column(_ field: Field) -> String { stored.column(of: field).quotedDatabaseIdentifier }

    // MARK: Schema

    func create(in db: Database) throws {
        let columns = fields.map { "\(column($0)) \($0.type.columnDefinition)" }
        try db.execute(sql: "CREATE TABLE \(table) (_row INTEGER PRIMARY KEY, \(columns.joined(separator: ", ")))")
        try createPrimaryKeyIndex(in: db)
        for field in fields { try createSortIndex(for: field, in: db) }
        // A lower-case GUID: hex digits and dashes only, safe to inline.
        let id = "'\(stored.definition.id.storageText)'"
        try db.execute(
            sql: """
                CREATE TRIGGER \("\(stored.tableName)_counted_insert".quotedDatabaseIdentifier) AFTER INSERT ON \(table)
                BEGIN UPDATE dataExtension SET rowCount = rowCount + 1 WHERE id = \(id); END;
                CREATE TRIGGER \("\(stored.tableName)_counted_delete".quotedDatabaseIdentifier) AFTER DELETE ON \(table)
                BEGIN UPDATE dataExtension SET rowCount = rowCount - 1 WHERE id = \(id); END;
                """)
    }

    func drop(in db: Database) throws {
        try db.execute(sql: "DROP TABLE \(table)")
    }

    func createPrimaryKeyIndex(in db: Database) throws {
        let key = stored.definition.primaryKey
        try db.execute(sql: "DROP INDEX IF EXISTS \(primaryKeyIndex)")
        guard !key.isEmpty else { return }
        try db.execute(sql: "CREATE UNIQUE INDEX \(primaryKeyIndex) ON \(table) (\(key.map(column).joined(separator: ", ")))")
    }

    func createSortIndex(for field: Field, in db: Database) throws {
        try db.execute(sql: "CREATE INDEX \(sortIndex(for: field)) ON \(table) (\(column(field)), _row)")
    }

    func addColumn(for field: Field, in db: Database) throws {
        try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column(field)) \(field.type.columnDefinition)")
        try createSortIndex(for: field, in: db)
    }

    func dropColumn(for field: Field, in db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS \(sortIndex(for: field))")
        try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN \(column(field))")
    }

    private var primaryKeyIndex: String { "\(stored.tableName)_primary_key".quotedDatabaseIdentifier }
    private func sortIndex(for field: Field) -> String {
        "\(stored.tableName)_\(stored.column(of: field))_sorted".quotedDatabaseIdentifier
    }

    // MARK: Rows

    /// A function that inserts one complete row (a value per field, in field order), reusing
    /// one prepared statement for every call.
    func inserter(in db: Database) throws -> ([FieldValue]) throws -> Void {
        let placeholders = Array(repeating: "?", count: fields.count).joined(separator: ", ")
        let statement = try db.cachedStatement(
            sql: "INSERT INTO \(table) (\(fields.map(column).joined(separator: ", "))) VALUES (\(placeholders))")
        return { row in try statement.execute(arguments: StatementArguments(row.map(\.databaseValue))) }
    }

    func update(rowID: Int64, setting values: [Field.ID: FieldValue], in db: Database) throws {
        let changed = fields.filter { values[$0.id] != nil }
        guard !changed.isEmpty else { return }
        let assignments = changed.map { "\(column($0)) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE \(table) SET \(assignments) WHERE _row = ?",
            arguments: StatementArguments(changed.map { values[$0.id]!.databaseValue } + [rowID.databaseValue]))
    }

    func delete(rowIDs: [Int64], in db: Database) throws -> Int {
        try db.execute(
            sql: "DELETE FROM \(table) WHERE _row IN (\(rowIDs.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(rowIDs))
        return db.changesCount
    }

    /// The row whose primary key has these values.
    func rowID(forKey key: [Field.ID: FieldValue], in db: Database) throws -> Int64? {
        let keyFields = stored.definition.primaryKey
        let condition = keyFields.map { "\(column($0)) = ?" }.joined(separator: " AND ")
        return try Int64.fetchOne(
            db, sql: "SELECT _row FROM \(table) WHERE \(condition)",
            arguments: StatementArguments(keyFields.map { (key[$0.id] ?? .null).databaseValue }))
    }

    func record(rowID: Int64, in db: Database) throws -> Record? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM \(table) WHERE _row = ?", arguments: [rowID])
            .map(record(from:))
    }

    var selection: String { (["_row"] + fields.map(column)).joined(separator: ", ") }

    func record(from row: Row) -> Record {
        var values: [Field.ID: FieldValue] = [:]
        for (index, field) in fields.enumerated() {
            values[field.id] = FieldValue(databaseValue: row[index + 1], type: field.type)
        }
        return Record(rowID: row[0], values: values)
    }

    /// The longest stored text, the count of nulls and the largest magnitude: what a field change must respect.
    func storedExtent(of field: Field, in db: Database) throws -> (longest: Int, nulls: Int, largest: Int64) {
        let c = column(field)
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT IFNULL(MAX(LENGTH(\(c))), 0), IFNULL(SUM(\(c) IS NULL), 0), IFNULL(MAX(ABS(\(c))), 0) FROM \(table)
                """)!
        return (row[0], row[1], row[2])
    }

    var quotedName: String { table }
    func quotedColumn(of field: Field) -> String { column(field) }
}

extension RowTable {
    private var contactTriggers: [String] {
        ["insert", "update"].map { "\(stored.tableName)_contacts_\($0)".quotedDatabaseIdentifier }
    }

    /// Makes every key in `field` a contact, now and on each later insert or change, in SQL,
    /// so bulk writes and the engine's set-based updates need no extra step.
    func captureContacts(from field: Field, now: Date, in db: Database) throws {
        let column = quotedColumn(of: field)
        try db.execute(
            sql:
                "INSERT OR IGNORE INTO contact (contactKey, createdAt) SELECT \(column), ? FROM \(quotedName) WHERE \(column) IS NOT NULL ORDER BY _row",
            arguments: [now])
        let createdAt = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
        try db.execute(
            sql: """
                CREATE TRIGGER \(contactTriggers[0]) AFTER INSERT ON \(quotedName) WHEN NEW.\(column) IS NOT NULL
                BEGIN INSERT OR IGNORE INTO contact (contactKey, createdAt) VALUES (NEW.\(column), \(createdAt)); END;
                CREATE TRIGGER \(contactTriggers[1]) AFTER UPDATE OF \(column) ON \(quotedName) WHEN NEW.\(column) IS NOT NULL
                BEGIN INSERT OR IGNORE INTO contact (contactKey, createdAt) VALUES (NEW.\(column), \(createdAt)); END;
                """)
    }

    func stopCapturingContacts(in db: Database) throws {
        for trigger in contactTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)") }
    }
}
