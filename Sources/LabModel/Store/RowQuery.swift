import GRDB

/// Reads one page of a row table by keyset: `(sort column, _row)` past the cursor, so any
/// page costs the same index walk however deep it is. Nulls sort first ascending (as SQLite
/// orders them); the null region and the value region are read as separate segments so each
/// stays a plain index range.
struct RowQuery {
    let table: RowTable
    let sortField: Field?
    let ascending: Bool
    let filter: (sql: String, arguments: StatementArguments)?

    func page(from cursor: RecordCursor?, direction: PageDirection, limit: Int, in db: Database) throws -> RecordPage {
        let forward = direction == .forward
        let walkAscending = ascending == forward
        var records: [Record] = []
        var hasMore = false
        for segment in segments(after: cursor, walkAscending: walkAscending) {
            let wanted = limit + 1 - records.count
            guard wanted > 0 else { break }
            // Cached: a screen scrolling a table asks the same shapes of query again and again.
            let statement = try db.cachedStatement(
                sql:
                    "SELECT \(table.selection) FROM \(table.quotedName) WHERE \(segment.sql) ORDER BY \(order(walkAscending)) LIMIT ?"
            )
            let rows = try Row.fetchAll(statement, arguments: segment.arguments + [wanted])
            records += rows.map(table.record(from:))
        }
        if records.count > limit {
            records.removeLast(records.count - limit)
            hasMore = true
        }
        if !forward { records.reverse() }
        let first = records.first.map(cursor(for:))
        let last = records.last.map(cursor(for:))
        return RecordPage(
            records: records,
            next: forward ? (hasMore ? last : nil) : (cursor == nil ? nil : last),
            previous: forward ? (cursor == nil ? nil : first) : (hasMore ? first : nil))
    }

    private func cursor(for record: Record) -> RecordCursor {
        RecordCursor(sortValue: sortField.map { record[$0] }, rowID: record.rowID)
    }

    private func order(_ walkAscending: Bool) -> String {
        let direction = walkAscending ? "ASC" : "DESC"
        guard let sortField else { return "_row \(direction)" }
        return "\(table.quotedColumn(of: sortField)) \(direction), _row \(direction)"
    }

    private typealias Segment = (sql: String, arguments: StatementArguments)

    private func segments(after cursor: RecordCursor?, walkAscending: Bool) -> [Segment] {
        var segments: [Segment]
        if let cursor {
            segments = keysetSegments(after: cursor, walkAscending: walkAscending)
        } else {
            segments = [("1", [])]
        }
        if let filter {
            segments = segments.map { ("(\($0.sql)) AND (\(filter.sql))", $0.arguments + filter.arguments) }
        }
        return segments
    }

    private func keysetSegments(after cursor: RecordCursor, walkAscending: Bool) -> [Segment] {
        let rowComparison = walkAscending ? ">" : "<"
        guard let sortField else { return [("_row \(rowComparison) ?", [cursor.rowID])] }
        let column = table.quotedColumn(of: sortField)
        let isNull = "\(column) IS NULL"
        let nullsThenRow: Segment = ("\(isNull) AND _row \(rowComparison) ?", [cursor.rowID])
        let value = (cursor.sortValue ?? .null).databaseValue
        let valuesPast: Segment = ("(\(column), _row) \(rowComparison) (?, ?)", [value, cursor.rowID])
        switch (value.isNull, walkAscending) {
        case (true, true): return [nullsThenRow, ("\(column) IS NOT NULL", [])]
        case (true, false): return [nullsThenRow]
        case (false, true): return [valuesPast]
        case (false, false): return [valuesPast, (isNull, [])]
        }
    }
}
