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
        matching filter: Filter? = nil
    ) throws -> NumberedPage {
        try readSorted(reference, by: sort) { db, stored in
            NumberedPage(
                records: try records(in: stored, offset: offset, limit: limit, sortedBy: sort, matching: filter, db: db),
                total: try rowCount(in: stored, matching: filter, db: db))
        }
    }

    /// Records `offset..<offset+limit`, without counting. The rows before `offset` are walked,
    /// so deep offsets cost time: screens use it near the start and for jumps.
    public func records(
        of reference: DataExtensionReference, offset: Int, limit: Int, sortedBy sort: RecordSort? = nil,
        matching filter: Filter? = nil
    ) throws -> [Record] {
        try readSorted(reference, by: sort) { db, stored in
            try records(in: stored, offset: offset, limit: limit, sortedBy: sort, matching: filter, db: db)
        }
    }

    /// How many records match `filter`: the kept row count when nil, else a count of the matches.
    public func rowCount(of reference: DataExtensionReference, matching filter: Filter?) throws -> Int {
        try database.read { db in try rowCount(in: try StoredDataExtension.load(reference, in: db), matching: filter, db: db) }
    }

    private func rowCount(in stored: StoredDataExtension, matching filter: Filter?, db: Database) throws -> Int {
        guard let filter else { return stored.definition.rowCount }
        let table = stored.rowTable
        let condition = try FilterCompiler(rowsOf: table).rowCondition(for: filter)
        return try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM \(table.quotedName) WHERE \(condition.sql)", arguments: condition.arguments) ?? 0
    }

    private func records(
        in stored: StoredDataExtension, offset: Int, limit: Int, sortedBy sort: RecordSort?, matching filter: Filter?,
        db: Database
    ) throws -> [Record] {
        let table = stored.rowTable
        var order = "_row"
        if let field = try stored.sortField(for: sort) {
            let direction = (sort?.ascending ?? true) ? "ASC" : "DESC"
            order = "\(table.quotedColumn(of: field)) \(direction), _row \(direction)"
        }
        let condition: (sql: String, arguments: StatementArguments) =
            try filter.map { try FilterCompiler(rowsOf: table).rowCondition(for: $0) } ?? ("1", [])
        return try Row.fetchAll(
            db,
            sql:
                "SELECT \(table.selection) FROM \(table.quotedName) WHERE \(condition.sql) ORDER BY \(order) LIMIT ? OFFSET ?",
            arguments: condition.arguments + [max(limit, 0), max(offset, 0)]
        ).map(table.record(from:))
    }
}
