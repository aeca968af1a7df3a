/// A table over a paged data source: a header with the sort marked, the rows on screen, the
/// selected row, recently changed cells highlighted (fading), and an "N of M" footer.
public struct Table {
    public var columns: [TableColumn]
    /// How long a changed cell stays marked unless a table says otherwise.
    public static let defaultHighlightDuration: Duration = .seconds(3)
    /// How long a changed cell stays marked: bright for the first half, then softer.
    public var highlightDuration = Table.defaultHighlightDuration
    static let gap = 2

    public init(columns: [TableColumn]) { self.columns = columns }

    /// Rows that fit between the header and the footer.
    public func visibleRowCount(in area: Rect) -> Int { max(0, area.height - 2) }

    /// The row position a click at screen row `y` lands on.
    public func row(atY y: Int, in area: Rect, state: TableState, rowCount: Int) -> Int? {
        // Where render drew the rows, after the source shrank under the stored offset.
        var state = state
        state.keepSelectionVisible(rowCount: rowCount, visibleRows: visibleRowCount(in: area))
        let index = state.offset + (y - area.y - 1)
        guard y > area.y, y < area.maxY - 1, index < rowCount else { return nil }
        return index
    }

    public func render(
        into buffer: inout Buffer, area: Rect, source: some TableDataSource, state: TableState,
        now: ContinuousClock.Instant = .now
    ) {
        guard area.height >= 1, area.width >= 1 else { return }
        buffer.fill(area)
        let count = source.rowCount
        var state = state
        let visible = visibleRowCount(in: area)
        state.keepSelectionVisible(rowCount: count, visibleRows: visible)
        let rows = count == 0 || visible == 0 ? [] : source.rows(in: state.offset..<min(count, state.offset + visible))
        let titles = columns.enumerated().map { index, column in
            column.title + (state.sortColumn == index ? (state.ascending ? " ▲" : " ▼") : "")
        }
        let widths = Self.widths(
            wanted: columns.indices.map { column in
                rows.reduce(TextWidth.of(titles[column])) {
                    max($0, TextWidth.of($1.cells.indices.contains(column) ? $1.cells[column] : ""))
                }
            },
            minimums: columns.map(\.minimumWidth), available: area.width,
            givingWayFirst: Set(columns.indices.filter { columns[$0].givesWayFirst }))
        drawRow(titles, widths: widths, y: area.y, in: &buffer, area: area) { _ in Style(.title, bold: true) }
        for (index, row) in rows.enumerated() {
            let y = area.y + 1 + index
            let isSelected = state.offset + index == state.selected
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.selected)) }
            drawRow(row.cells, widths: widths, y: y, in: &buffer, area: area) { column in
                if let changed = row.changes[column] {
                    let age = changed.duration(to: now)
                    if age < highlightDuration / 2 { return Style(.highlight) }
                    if age < highlightDuration { return Style(isSelected ? .selected : .accent, bold: true) }
                }
                return Style(isSelected ? .selected : .normal)
            }
        }
        guard area.height >= 2 else { return }
        let footer = count == 0 ? "No rows" : "\(NumberText.grouped(state.selected + 1)) of \(NumberText.grouped(count))"
        let fitted = TextFitting.truncate(footer, to: area.width)
        buffer.write(fitted, x: area.maxX - TextWidth.of(fitted), y: area.maxY - 1, style: Style(.muted), clip: area)
    }

    private func drawRow(
        _ cells: [String], widths: [Int], y: Int, in buffer: inout Buffer, area: Rect, style: (Int) -> Style
    ) {
        var x = area.x
        for (column, width) in widths.enumerated() where width > 0 {
            let text = TextFitting.truncate(cells.indices.contains(column) ? cells[column] : "", to: width)
            let start = columns[column].alignment == .right ? x + width - TextWidth.of(text) : x
            let cellStyle = style(column)
            if cellStyle.role == .highlight { buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: cellStyle) }
            buffer.write(text, x: start, y: y, style: cellStyle, clip: area)
            x += width + Self.gap
        }
    }

    /// Each column gets what it wants when everything fits. Otherwise the widest columns give
    /// way first, one cell at a time down to their minimums, so short columns stay whole (an
    /// email address stays readable next to a long id); if even the minimums do not fit,
    /// columns are cut from the right.
    static func widths(wanted: [Int], minimums: [Int], available: Int, givingWayFirst: Set<Int> = []) -> [Int] {
        var widths = wanted
        func used() -> Int {
            let shown = widths.filter { $0 > 0 }
            return shown.reduce(0, +) + gap * max(0, shown.count - 1)
        }
        var excess = used() - available
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > min(minimums[$0], wanted[$0]) }
            let first = shrinkable.filter(givingWayFirst.contains)
            let candidates = first.isEmpty ? shrinkable : first
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        for index in widths.indices.reversed() where used() > available {
            widths[index] = max(0, widths[index] - (used() - available))
        }
        return widths
    }

    /// For tests: the column widths `render` would use.
    public static func widthsForTests(wanted: [Int], minimums: [Int], available: Int, givingWayFirst: Set<Int> = []) -> [Int] {
        widths(wanted: wanted, minimums: minimums, available: available, givingWayFirst: givingWayFirst)
    }
}
