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
        try ensureSortIndex(of: reference, for: sort)
        return try database.read { db in
            let records = try records(of: reference, offset: offset, limit: limit, sortedBy: sort, matching: filter, in: db)
            return NumberedPage(records: records, total: try rowCount(of: reference, matching: filter, in: db))
        }
    }

    /// Records `offset..<offset+limit`, without counting. The rows before `offset` are walked,
    /// so deep offsets cost time: screens use it near the start and for jumps.
    public func records(
        of reference: DataExtensionReference, offset: Int, limit: Int, sortedBy sort: RecordSort? = nil,
        matching filter: RecordFilter? = nil
    ) throws -> [Record] {
        try ensureSortIndex(of: reference, for: sort)
        return try database.read {
            try records(of: reference, offset: offset, limit: limit, sortedBy: sort, matching: filter, in: $0)
        }
    }

    /// How many records match `filter`: the kept row count when nil, else a count of the matches.
    public func rowCount(of reference: DataExtensionReference, matching filter: RecordFilter?) throws -> Int {
        try database.read { try rowCount(of: reference, matching: filter, in: $0) }
    }

    private func rowCount(of reference: DataExtensionReference, matching filter: RecordFilter?, in db: Database) throws -> Int {
        let stored = try StoredDataExtension.load(reference, in: db)
        guard let filter else { return stored.definition.rowCount }
        let table = stored.rowTable
        let condition = try FilterSQL(table: table).condition(for: filter)
        return try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \(table.quotedName) WHERE \(condition.sql)", arguments: condition.arguments) ?? 0
    }

    private func records(
        of reference: DataExtensionReference, offset: Int, limit: Int, sortedBy sort: RecordSort?, matching filter: RecordFilter?,
        in db: Database
    ) throws -> [Record] {
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
        return try Row.fetchAll(
            db,
            sql:
                "SELECT \(table.selection) FROM \(table.quotedName) WHERE \(condition.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
            arguments: condition.arguments + [max(limit, 0), max(offset, 0)]
        ).map(table.record(from:))
    }
}
