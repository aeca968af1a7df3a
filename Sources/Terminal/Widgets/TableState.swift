/// Where a table is: the selected row, the first row on screen, the sort. Kept by the screen
/// between frames; rendering never changes it.
public struct TableState: Sendable, Hashable {
    public var selected = 0
    /// The first row on screen.
    public var offset = 0
    public var sortColumn: Int?
    public var ascending = true

    public init() {}

    /// Moves the selection for a table key; false when the key is not one of them.
    /// `visibleRows` is what `Table.visibleRowCount(in:)` gives for the area.
    public mutating func handle(_ key: Key, rowCount: Int, visibleRows: Int) -> Bool {
        guard let action = WidgetKeys.table.action(for: key) else { return false }
        let page = max(1, visibleRows - 1)
        switch action {
        case .up: select(selected - 1, rowCount: rowCount, visibleRows: visibleRows)
        case .down: select(selected + 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp: select(selected - page, rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown: select(selected + page, rowCount: rowCount, visibleRows: visibleRows)
        case .first: select(0, rowCount: rowCount, visibleRows: visibleRows)
        case .last: select(rowCount - 1, rowCount: rowCount, visibleRows: visibleRows)
        }
        return true
    }

    /// Selects `row` (clamped) and scrolls just enough to show it.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        selected = max(0, min(row, rowCount - 1))
        keepSelectionVisible(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The mouse wheel: the window moves, and the selection with it when it would leave.
    public mutating func scroll(by rows: Int, rowCount: Int, visibleRows: Int) {
        let lastOffset = max(0, rowCount - visibleRows)
        offset = max(0, min(offset + rows, lastOffset))
        if selected < offset { selected = offset }
        if selected >= offset + visibleRows { selected = max(0, offset + visibleRows - 1) }
        selected = max(0, min(selected, rowCount - 1))
    }

    /// After the rows changed under it (filtered, deleted): back inside the table.
    public mutating func keepSelectionVisible(rowCount: Int, visibleRows: Int) {
        selected = max(0, min(selected, rowCount - 1))
        if selected < offset { offset = selected }
        if visibleRows > 0, selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        offset = max(0, min(offset, max(0, rowCount - visibleRows)))
    }
}
