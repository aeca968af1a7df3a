/// Draws a form: labels in a column, each value after it, the focused one with its cursor,
/// and a field's error below it, wrapped (up to three lines) so it reads whole.
public struct Form {
    public init() {}

    static let errorLineLimit = 3

    /// The rows a form needs at `width`: one per field, and its error's lines.
    public func height(of state: FormState, width: Int) -> Int {
        let valueWidth = Self.valueWidth(state, width: width)
        return state.fields.reduce(0) { $0 + 1 + Self.errorLines($1, valueWidth: valueWidth).count }
    }

    /// The field a click at screen row `y` lands on.
    public func field(atY y: Int, in area: Rect, state: FormState) -> Int? {
        let valueWidth = Self.valueWidth(state, width: area.width)
        var row = area.y
        for (index, field) in state.fields.enumerated() {
            if y == row { return index }
            row += 1 + Self.errorLines(field, valueWidth: valueWidth).count
        }
        return nil
    }

    private static func labelWidth(_ state: FormState, width: Int) -> Int {
        min(state.fields.map { TextWidth.of($0.label) }.max() ?? 0, max(0, width / 3))
    }

    private static func valueWidth(_ state: FormState, width: Int) -> Int {
        max(0, width - labelWidth(state, width: width) - 2)
    }

    private static func errorLines(_ field: FormField, valueWidth: Int) -> [String] {
        guard let error = field.error else { return [] }
        return Notice.error(error).lines(width: valueWidth, limit: errorLineLimit)
    }

    public func render(into buffer: inout Buffer, area: Rect, state: FormState, focused: Bool = true) {
        let labelWidth = Self.labelWidth(state, width: area.width)
        let valueX = area.x + labelWidth + 2
        let valueWidth = max(0, area.maxX - valueX)
        var y = area.y
        for (index, field) in state.fields.enumerated() where y < area.maxY {
            let isFocused = focused && index == state.focus
            let label = TextFitting.truncate(field.label, to: labelWidth)
            buffer.write(
                label, x: area.x + labelWidth - TextWidth.of(label), y: y,
                style: Style(isFocused ? .accent : .normal, bold: isFocused), clip: area)
            let valueArea = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            switch field.kind {
            case .text, .number:
                Self.drawTyped(
                    field.value, cursor: isFocused ? state.cursor : nil, in: &buffer, area: valueArea, error: field.error != nil)
            case .boolean:
                let on = field.value == FormField.trueText
                buffer.write(
                    (on ? "[x] " : "[ ] ") + field.value, x: valueX, y: y, style: Style(isFocused ? .selected : .normal),
                    clip: area)
            case .choice:
                buffer.write(
                    TextFitting.truncate("‹ \(field.value) ›", to: valueWidth), x: valueX, y: y,
                    style: Style(isFocused ? .selected : .normal), clip: area)
            case .readOnly:
                let shown = (field.value.isEmpty ? "—" : field.value) + "  (read-only)"
                buffer.write(
                    TextFitting.truncate(shown, to: valueWidth), x: valueX, y: y, style: Style(isFocused ? .selected : .muted),
                    clip: area)
            }
            y += 1
            for line in Self.errorLines(field, valueWidth: valueWidth) where y < area.maxY {
                buffer.write(line, x: valueX, y: y, style: Style(.error), clip: area)
                y += 1
            }
        }
    }

    /// An underlined input area; the text scrolls sideways to keep the cursor in view. Grid
    /// cells draw the same way.
    static func drawTyped(_ value: String, cursor: Int?, in buffer: inout Buffer, area: Rect, error: Bool) {
        guard area.width > 0 else { return }
        buffer.fill(area, style: Style(error ? .error : .normal, underline: true))
        guard let cursor else {
            // Not being typed in: a value too long for its place ends in "…", never mid-cut.
            let style = Style(error ? .error : .normal, underline: true)
            buffer.write(TextFitting.truncate(value, to: area.width), x: area.x, y: area.y, style: style, clip: area)
            return
        }
        let characters = Array(value)
        var start = 0
        // Widths are per character: enough for the window to follow the cursor.
        while TextWidth.of(String(characters[start..<min(cursor, characters.count)])) >= area.width { start += 1 }
        var x = area.x
        for (index, character) in characters.enumerated().dropFirst(start) {
            let width = TextWidth.of(character)
            if x + width > area.maxX { break }
            let isCursor = index == cursor
            buffer.write(
                String(character), x: x, y: area.y,
                style: Style(isCursor ? .selected : (error ? .error : .normal), underline: !isCursor), clip: area)
            x += width
        }
        if cursor >= characters.count, x < area.maxX {
            buffer.write(" ", x: x, y: area.y, style: Style(.selected), clip: area)
        }
    }
}
