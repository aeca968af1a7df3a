import Terminal

/// Which cells of a live table changed lately, so the table highlights them and the highlight
/// fades: a cell whose text differs from what was shown for the same row is marked; rows
/// that scroll into view are new to the screen, not changed.
struct CellHighlights {
    /// As long as the table draws a highlight.
    static let duration = Table.defaultHighlightDuration

    private var changed: [String: [Int: ContinuousClock.Instant]] = [:]
    private var lastShown: [String: [String]] = [:]

    /// The rows as the table shows them, marking cells that changed since they were last shown.
    mutating func rows(_ rows: [(id: String, cells: [String])], now: ContinuousClock.Instant) -> [TableRow] {
        let shown = rows.map { row in
            if let before = lastShown[row.id] {
                for (column, text) in row.cells.enumerated() where column >= before.count || before[column] != text {
                    changed[row.id, default: [:]][column] = now
                }
            }
            lastShown[row.id] = row.cells
            return TableRow(id: row.id, cells: row.cells, changes: changed[row.id] ?? [:])
        }
        // Rows long off screen need no memory of their values.
        if lastShown.count > 4 * max(rows.count, 50) {
            let ids = Set(rows.map(\.id))
            lastShown = lastShown.filter { ids.contains($0.key) }
        }
        return shown
    }

    /// Forgets highlights that have faded and gives `rows` the ones left.
    /// - Returns: whether anything was highlighted before (the table looks different now).
    mutating func fade(_ rows: inout [TableRow], now: ContinuousClock.Instant) -> Bool {
        guard !changed.isEmpty else { return false }
        for (id, columns) in changed {
            let fresh = columns.filter { $0.value.duration(to: now) < Self.duration }
            changed[id] = fresh.isEmpty ? nil : fresh
        }
        for index in rows.indices { rows[index].changes = changed[rows[index].id] ?? [:] }
        return true
    }
}
