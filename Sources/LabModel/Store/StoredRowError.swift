/// A stored row that cannot be read back as what its table holds: the workspace file was
/// changed outside JourneyLab, or a write went wrong. It names the table, the column and the
/// value, so the row can be found and put right with SQL; nothing is read in its place.
public enum StoredRowError: Error, Sendable, Hashable {
    /// `table.column` holds `value` (nil for NULL), which is not `expected` ("a journey status").
    case unreadable(table: String, column: String, value: String?, expected: String)
    /// The table has no such column: the file was not made by this version of JourneyLab.
    case missingColumn(table: String, column: String)
}

extension StoredRowError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unreadable(let table, let column, let value, let expected):
            "The workspace's \(table).\(column) holds \(value.map { "\"\($0)\"" } ?? "NULL"), which is not \(expected)."
        case .missingColumn(let table, let column):
            "The workspace's \(table) table has no column \(column): the file was not made by this version of JourneyLab."
        }
    }
}
