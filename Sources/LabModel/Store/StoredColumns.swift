import Foundation
import GRDB

/// A type a definition column is read back as, with what the column should hold when it does
/// not (for `StoredRowError`).
protocol StoredColumnValue {
    /// What a column of this type holds, after "which is not": "a journey status".
    static var storedMeaning: String { get }
    /// The value `stored` holds, or nil when it is not one.
    static func fromStored(_ stored: DatabaseValue) -> Self?
}

extension StoredColumnValue where Self: DatabaseValueConvertible {
    static func fromStored(_ stored: DatabaseValue) -> Self? { fromDatabaseValue(stored) }
}

/// One row of `table`, read column by column: a value that is not what the column holds
/// throws `StoredRowError` naming the table, the column and the value. (GRDB's subscripts stop
/// the process on such a value; its `decode` throws an error that names no table.)
struct StoredColumns {
    let row: Row
    let table: String

    init(_ row: Row, of table: String) {
        self.row = row
        self.table = table
    }

    func required<Value: StoredColumnValue>(_ column: String) throws -> Value {
        let stored = try value(of: column)
        guard let value = Value.fromStored(stored) else { throw unreadable(column, stored, expected: Value.storedMeaning) }
        return value
    }

    /// Nil for NULL; any other value must be one.
    func optional<Value: StoredColumnValue>(_ column: String) throws -> Value? {
        let stored = try value(of: column)
        if stored.isNull { return nil }
        guard let value = Value.fromStored(stored) else { throw unreadable(column, stored, expected: Value.storedMeaning) }
        return value
    }

    /// The error for `column`, read already, whose value is not `expected` ("an activity type").
    func unreadable(_ column: String, expected: String) -> StoredRowError {
        unreadable(column, row[column], expected: expected)
    }

    private func unreadable(_ column: String, _ stored: DatabaseValue, expected: String) -> StoredRowError {
        .unreadable(table: table, column: column, value: Self.text(of: stored), expected: expected)
    }

    private func value(of column: String) throws -> DatabaseValue {
        do {
            return try row.decode(DatabaseValue.self, forColumn: column)
        } catch is RowDecodingError {
            // Any stored value reads as a DatabaseValue: only a missing column fails.
            throw StoredRowError.missingColumn(table: table, column: column)
        }
    }

    private static func text(of stored: DatabaseValue) -> String? {
        switch stored.storage {
        case .null: nil
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): "<\(data.count)-byte blob>"
        }
    }
}

extension FetchableRecord where Self: TableRecord {
    /// `row` read as a row of this record's table.
    static func columns(of row: Row) -> StoredColumns { StoredColumns(row, of: databaseTableName) }
}

extension String: StoredColumnValue {
    static let storedMeaning = "text"
}

extension Int: StoredColumnValue {
    static let storedMeaning = "a whole number"
}

extension Bool: StoredColumnValue {
    static let storedMeaning = "a boolean"
}

extension Date: StoredColumnValue {
    static let storedMeaning = "a date"
}

extension UUID: StoredColumnValue {
    static let storedMeaning = "an id"

    /// Ids are stored as `storageText` writes them. (GRDB's own reading takes 16-byte blobs
    /// too, which the workspace never writes, and parses text with `sscanf`.)
    static func fromStored(_ stored: DatabaseValue) -> UUID? {
        guard case .string(let text) = stored.storage else { return nil }
        return UUID(storageText: text)
    }
}
