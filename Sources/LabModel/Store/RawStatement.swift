import GRDB
import GRDBSQLite

/// A value bound to a `RawStatement` parameter.
enum RawValue {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null

    static func text(_ text: String?) -> RawValue { text.map { .text($0) } ?? .null }
    static func integer(_ number: Int64?) -> RawValue { number.map { .integer($0) } ?? .null }
}

/// A statement prepared once per connection, bound and stepped through SQLite's C API. Every
/// firing runs a handful of small writes on the one writer thread all firings share; GRDB's
/// argument boxing and checks cost more there than the statements themselves.
struct RawStatement {
    private let statement: Statement

    init(_ sql: String, in db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds `values` to the parameters in order, runs the statement to its end, and returns
    /// the first column of its first row (nil when it returns none, or NULL).
    @discardableResult
    func run(_ values: RawValue...) throws -> Int64? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .text(let text): SQLiteBinding.bind(text, at: index, to: handle)
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        var first: Int64?
        var isFirstRow = true
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                if isFirstRow, sqlite3_column_type(handle, 0) != SQLITE_NULL { first = sqlite3_column_int64(handle, 0) }
                isFirstRow = false
            case SQLITE_DONE:
                sqlite3_reset(handle)
                return first
            default: throw SQLiteBinding.stepError(of: handle, sql: statement.sql)
            }
        }
    }
}
