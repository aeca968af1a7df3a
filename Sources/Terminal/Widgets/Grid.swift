/// Draws an editable grid: a header of column titles, then a line per row — a `✗` in the
/// gutter of a row with a problem, each cell drawn as a form draws its kind of field, cells
/// with problems in the error style. Rows scroll to keep the focused one in view.
public struct Grid {
    public init() {}

    static let gutterWidth = 2

    /// How many rows fit under the header.
    public func visibleRowCount(in area: Rect) -> Int { max(0, area.height - 1) }

    /// Where each column starts and how wide it is; the last takes the rest of the area. When
    /// the columns are wider than the area, the ones left of `first` are scrolled out (width 0).
    func columnSpans(_ columns: [GridColumn], in area: Rect, first: Int = 0) -> [(x: Int, width: Int)] {
        var x = area.x + Self.gutterWidth
        return columns.enumerated().map { index, column in
            guard index >= first else { return (x, 0) }
            let width = index == columns.count - 1 ? max(column.width, area.maxX - x) : column.width
            defer { x += width + 1 }
            return (x, max(0, min(width, area.maxX - x)))
        }
    }

    /// The first column drawn: the grid scrolls sideways just enough to show the focused one whole.
    func firstColumn(_ state: GridState, in area: Rect) -> Int {
        var first = 0
        while first < state.focus.column {
            let span = columnSpans(state.columns, in: area, first: first)[state.focus.column]
            if span.width >= min(state.columns[state.focus.column].width, area.width - Self.gutterWidth) { break }
            first += 1
        }
        return first
    }

    public func render(into buffer: inout Buffer, area: Rect, state: GridState, focused: Bool = true) {
        guard area.height > 0 else { return }
        let first = firstColumn(state, in: area)
        let spans = columnSpans(state.columns, in: area, first: first)
        // Columns scrolled out on the left are said so in the gutter.
        if first > 0 { buffer.write("◂", x: area.x, y: area.y, style: Style(.accent, bold: true), clip: area) }
        for (column, span) in zip(state.columns, spans) where span.width > 0 {
            buffer.write(
                TextFitting.truncate(column.title, to: span.width), x: span.x, y: area.y, style: Style(.title, bold: true),
                clip: area)
        }
        let visible = visibleRowCount(in: area)
        let top = state.focus.row < visible ? 0 : state.focus.row - visible + 1
        for row in state.rows.indices.dropFirst(top).prefix(visible) {
            let y = area.y + 1 + row - top
            let rowHasError = state.columns.indices.contains { state.errors[GridCell(row: row, column: $0)] != nil }
            if rowHasError { buffer.write("✗", x: area.x, y: y, style: Style(.error), clip: area) }
            for (column, span) in spans.enumerated() where span.width > 0 {
                let cell = GridCell(row: row, column: column)
                let isFocused = focused && cell == state.focus
                let value = state.rows[row][column]
                let hasError = state.errors[cell] != nil
                let cellArea = Rect(x: span.x, y: y, width: span.width, height: 1)
                switch state.columns[column].kind {
                case .text, .number:
                    Form.drawTyped(value, cursor: isFocused ? state.cursor : nil, in: &buffer, area: cellArea, error: hasError)
                case .boolean:
                    let mark = value == FormField.trueText ? "[x]" : "[ ]"
                    buffer.write(
                        mark, x: span.x, y: y, style: Style(isFocused ? .selected : (hasError ? .error : .normal)), clip: cellArea
                    )
                case .choice:
                    let shown = isFocused ? "‹\(value)›" : value
                    buffer.write(
                        TextFitting.truncate(shown, to: span.width), x: span.x, y: y,
                        style: Style(isFocused ? .selected : (hasError ? .error : .normal)), clip: cellArea)
                case .readOnly:
                    buffer.write(
                        TextFitting.truncate(value, to: span.width), x: span.x, y: y,
                        style: Style(isFocused ? .selected : .muted), clip: cellArea)
                }
            }
        }
    }
}
