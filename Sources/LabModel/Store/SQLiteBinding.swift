import GRDB
import GRDBSQLite

/// Binds field values straight to a prepared statement, with the same storage as
/// `FieldValue.databaseValue`.
enum SQLiteBinding {
    /// SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    static func bind(_ value: FieldValue, at index: Int32, to statement: OpaquePointer?) {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .text(let text): bind(text, at: index, to: statement)
        case .number(let number): sqlite3_bind_int64(statement, index, Int64(number))
        case .decimal(let decimal): sqlite3_bind_int64(statement, index, decimal.units)
        case .date(let date): bind(date.storageText, at: index, to: statement)
        case .boolean(let flag): sqlite3_bind_int64(statement, index, flag ? 1 : 0)
        }
    }

    static func bind(_ text: String, at index: Int32, to statement: OpaquePointer?) {
        // Native strings keep a terminating NUL, so this lends their bytes without copying.
        _ = text.withCString { sqlite3_bind_text(statement, index, $0, -1, transient) }
    }

    /// The error a step of `statement` stopped with, the statement reset for its next use.
    static func stepError(of statement: OpaquePointer?, sql: String) -> DatabaseError {
        let connection = sqlite3_db_handle(statement)
        let error = DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
            message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        sqlite3_reset(statement)
        return error
    }
}
