/// A table over a paged data source: a header with the sort marked, the rows on screen, the
/// selected row, recently changed cells highlighted (fading), and an "N of M" footer.
public struct Table {
    public var columns: [TableColumn]
    /// How long a changed cell stays marked: bright for the first half, then softer.
    public var highlightDuration: Duration = .seconds(3)
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
            minimums: columns.map(\.minimumWidth), available: area.width)
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
        let footer = count == 0 ? "No rows" : "\(Self.grouped(state.selected + 1)) of \(Self.grouped(count))"
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

    /// Each column gets what it wants when everything fits; otherwise every column keeps its
    /// minimum (as far as there is room) and the rest is shared in proportion to what each
    /// still wants. Columns that get no room at all are dropped from the right.
    static func widths(wanted: [Int], minimums: [Int], available: Int) -> [Int] {
        let gaps = gap * max(0, wanted.count - 1)
        if wanted.reduce(0, +) + gaps <= available { return wanted }
        var room = available - gaps
        var widths = zip(wanted, minimums).map { want, minimum -> Int in
            let given = max(0, min(min(want, minimum), room))
            room -= given
            return given
        }
        let extra = zip(wanted, widths).map { max(0, $0 - $1) }
        let totalExtra = extra.reduce(0, +)
        if totalExtra > 0, room > 0 {
            var handedOut = 0
            var extraSoFar = 0
            for index in widths.indices where extra[index] > 0 {
                extraSoFar += extra[index]
                let end = room * extraSoFar / totalExtra
                widths[index] += end - handedOut
                handedOut = end
            }
        }
        return widths
    }

    /// For tests: the column widths `render` would use.
    public static func widthsForTests(wanted: [Int], minimums: [Int], available: Int) -> [Int] {
        widths(wanted: wanted, minimums: minimums, available: available)
    }

    /// 1000000 → "1,000,000": the footer is read at a glance.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}
