/// Draws an editable grid: a header of column titles, then a line per row — a `✗` in the
/// gutter of a row with a problem, each cell drawn as a form draws its kind of field, cells
/// with problems in the error style. Rows scroll to keep the focused one in view.
public struct Grid {
    public init() {}

    static let gutterWidth = 2

    /// How many rows fit under the header.
    public func visibleRowCount(in area: Rect) -> Int { max(0, area.height - 1) }

    /// Where each column starts and how wide it is; the last takes the rest of the area.
    func columnSpans(_ columns: [GridColumn], in area: Rect) -> [(x: Int, width: Int)] {
        var x = area.x + Self.gutterWidth
        return columns.enumerated().map { index, column in
            let width = index == columns.count - 1 ? max(column.width, area.maxX - x) : column.width
            defer { x += width + 1 }
            return (x, max(0, min(width, area.maxX - x)))
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, state: GridState, focused: Bool = true) {
        guard area.height > 0 else { return }
        let spans = columnSpans(state.columns, in: area)
        for (column, span) in zip(state.columns, spans) {
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
            for (column, span) in spans.enumerated() {
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
