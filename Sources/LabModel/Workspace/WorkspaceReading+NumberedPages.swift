import GRDB

/// A page by number, as REST callers ask for rows (`$page`, `$pageSize`), with the total.
public struct NumberedPage: Sendable, Hashable {
    public let records: [Record]
    /// How many records match, on every page.
    public let total: Int
}

extension WorkspaceReading {
    /// Records `offset..<offset+limit` in the sort's order (row order when nil), and how many match.
    /// Screens page by keyset (`rows(of:after:)`); this is for callers that can only say "page N".
    public func rows(
        of reference: DataExtensionReference, offset: Int, limit: Int, sortedBy sort: RecordSort? = nil,
        matching filter: RecordFilter? = nil
    ) throws -> NumberedPage {
        try database.read { db in
            let stored = try StoredDataExtension.load(reference, in: db)
            let table = stored.rowTable
            var order = "_row"
            if let sort {
                guard let field = stored.definition.field(named: sort.fieldName) else {
                    throw RecordError.unknownField(dataExtension: stored.definition.name, field: sort.fieldName)
                }
                let direction = sort.ascending ? "ASC" : "DESC"
                order = "\(table.quotedColumn(of: field)) \(direction), _row \(direction)"
            }
            let condition: (sql: String, arguments: StatementArguments) =
                try filter.map { try FilterSQL(table: table).condition(for: $0) } ?? ("1", [])
            let records = try Row.fetchAll(
                db,
                sql:
                    "SELECT \(table.selection) FROM \(table.quotedName) WHERE \(condition.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
                arguments: condition.arguments + [max(limit, 0), max(offset, 0)]
            ).map(table.record(from:))
            let total =
                filter == nil
                ? stored.definition.rowCount
                : try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table.quotedName) WHERE \(condition.sql)", arguments: condition.arguments)
                    ?? 0
            return NumberedPage(records: records, total: total)
        }
    }
}
