import Foundation
import GRDB
import GRDBSQLite

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
    }

    /// Keeps `dataExtension.rowCount` current. Every insert and delete goes through this type and
    /// calls it once per statement batch, not per row: the count must never cost bulk imports a
    /// write per row (Benchmarks/README.md, "Why the speed layer is shaped as it is").
    func adjustRowCount(by change: Int, in db: Database) throws {
        try Self.adjustRowCount(ofDataExtension: stored.definition.id, by: change, in: db)
    }

    static func adjustRowCount(ofDataExtension id: UUID, by change: Int, in db: Database) throws {
        guard change != 0 else { return }
        try RawStatement("UPDATE dataExtension SET rowCount = rowCount + ? WHERE id = ?", in: db)
            .run(.integer(Int64(change)), .text(id.storageText))
    }

    func drop(in db: Database) throws {
        try db.execute(sql: "DROP TABLE \(table)")
    }

    /// (Re)creates the unique primary-key index; a lone key field's own sort index becomes redundant.
    func createPrimaryKeyIndex(in db: Database) throws {
        let key = stored.definition.primaryKey
        try db.execute(sql: "DROP INDEX IF EXISTS \(primaryKeyIndex)")
        if !key.isEmpty {
            try db.execute(sql: "CREATE UNIQUE INDEX \(primaryKeyIndex) ON \(table) (\(key.map(column).joined(separator: ", ")))")
        }
        if key.count == 1 { try db.execute(sql: "DROP INDEX IF EXISTS \(sortIndex(for: key[0]))") }
    }

    /// Indexes `field` as (value, row id) so sorted pages are index walks. Built the first time
    /// someone sorts by the field, then kept up by SQLite: every index slows bulk inserts (five
    /// of them made a million-row import eight times slower), so fields nobody sorts by have none.
    /// A single-field primary key's unique index already orders rows that way.
    /// - Returns: whether an index had to be built.
    @discardableResult
    func createSortIndex(for field: Field, in db: Database) throws -> Bool {
        guard !isPrimaryKeyAlone(field), try !hasSortIndex(for: field, in: db) else { return false }
        try db.execute(sql: "CREATE INDEX \(sortIndex(for: field)) ON \(table) (\(column(field)), _row)")
        return true
    }

    func hasSortIndex(for field: Field, in db: Database) throws -> Bool {
        if isPrimaryKeyAlone(field) { return true }
        return try Bool.fetchOne(
            db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
            arguments: ["\(stored.tableName)_\(stored.column(of: field))_sorted"]) ?? false
    }

    private func isPrimaryKeyAlone(_ field: Field) -> Bool {
        let key = stored.definition.primaryKey
        return key.count == 1 && key[0].id == field.id
    }

    func addColumn(for field: Field, in db: Database) throws {
        try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column(field)) \(field.type.columnDefinition)")
    }

    func dropColumn(for field: Field, in db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS \(sortIndex(for: field))")
        try db.execute(sql: "ALTER TABLE \(table) DROP COLUMN \(column(field))")
    }

    var primaryKeyIndexName: String { "\(stored.tableName)_primary_key".quotedDatabaseIdentifier }
    private var primaryKeyIndex: String { primaryKeyIndexName }
    private func sortIndex(for field: Field) -> String {
        "\(stored.tableName)_\(stored.column(of: field))_sorted".quotedDatabaseIdentifier
    }

    // MARK: Rows

    /// The statement `inserter` runs; callers that insert one row at a time may keep it.
    var insertSQL: String {
        let placeholders = Array(repeating: "?", count: fields.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(fields.map(column).joined(separator: ", "))) VALUES (\(placeholders))"
    }

    /// A function that inserts one complete row (a value per field, in field order), reusing
    /// one prepared statement for every call.
    ///
    /// Values are bound with SQLite's C API: building GRDB `StatementArguments` for every row
    /// (boxing, mapping, checking) was a quarter of a million-row import.
    func inserter(in db: Database, sql: String? = nil) throws -> ([FieldValue]) throws -> Void {
        let statement = try db.cachedStatement(sql: sql ?? insertSQL)
        let handle = statement.sqliteStatement
        let width = fields.count
        return { row in
            precondition(row.count == width)
            sqlite3_reset(handle)
            for (index, value) in row.enumerated() {
                SQLiteBinding.bind(value, at: Int32(index + 1), to: handle)
            }
            guard sqlite3_step(handle) == SQLITE_DONE else { throw SQLiteBinding.stepError(of: handle, sql: statement.sql) }
        }
    }

    func update(rowID: Int64, setting values: [Field.ID: FieldValue], in db: Database) throws {
        let changed = fields.filter { values[$0.id] != nil }
        guard !changed.isEmpty else { return }
        let assignments = changed.map { "\(column($0)) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE \(table) SET \(assignments) WHERE _row = ?",
            arguments: StatementArguments(changed.map { values[$0.id]!.databaseValue } + [rowID.databaseValue]))
    }

    /// Deletes rows by id, in chunks that stay under SQLite's limit on bound variables.
    func delete(rowIDs: Set<Int64>, in db: Database) throws -> Int {
        var deleted = 0
        for chunk in Array(rowIDs).chunked(into: 500) {
            try db.execute(
                sql: "DELETE FROM \(table) WHERE _row IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(chunk))
            deleted += db.changesCount
        }
        try adjustRowCount(by: -deleted, in: db)
        return deleted
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

    /// What a field change must respect: the longest stored text longer than `limit` (counted
    /// in characters, as validation counts), the number of nulls, and the largest stored magnitude.
    func storedExtent(of field: Field, lengthLimit limit: Int?, in db: Database) throws -> StoredExtent {
        let c = column(field)
        var extent = StoredExtent()
        extent.nulls = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(c) IS NULL") ?? 0
        if let limit, field.type.hasLength {
            // LENGTH counts code points, never fewer than characters: a cheap first cut.
            let candidates = try String.fetchAll(db, sql: "SELECT \(c) FROM \(table) WHERE LENGTH(\(c)) > ?", arguments: [limit])
            extent.longest = candidates.map(\.count).max() ?? 0
        }
        if case .decimal = field.type {
            extent.largest = try Int64.fetchOne(db, sql: "SELECT MAX(ABS(\(c))) FROM \(table)") ?? 0
        }
        return extent
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

/// The stored values a field change is checked against.
struct StoredExtent {
    var longest = 0
    var nulls = 0
    var largest: Int64 = 0
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
