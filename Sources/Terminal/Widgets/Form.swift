/// Draws a form: labels in a column, each value after it, the focused one with its cursor,
/// and a field's error on the line below it.
public struct Form {
    public init() {}

    /// The rows a form needs: one per field, one more per error.
    public func height(of state: FormState) -> Int { state.fields.count + state.fields.filter { $0.error != nil }.count }

    /// The field a click at screen row `y` lands on.
    public func field(atY y: Int, in area: Rect, state: FormState) -> Int? {
        var row = area.y
        for (index, field) in state.fields.enumerated() {
            if y == row { return index }
            row += field.error == nil ? 1 : 2
        }
        return nil
    }

    public func render(into buffer: inout Buffer, area: Rect, state: FormState, focused: Bool = true) {
        let labelWidth = min(state.fields.map { TextWidth.of($0.label) }.max() ?? 0, max(0, area.width / 3))
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
                buffer.write("‹ \(field.value) ›", x: valueX, y: y, style: Style(isFocused ? .selected : .normal), clip: area)
            case .readOnly:
                let shown = (field.value.isEmpty ? "—" : field.value) + "  (read-only)"
                buffer.write(shown, x: valueX, y: y, style: Style(isFocused ? .selected : .muted), clip: area)
            }
            y += 1
            if let error = field.error, y < area.maxY {
                buffer.write(
                    "✗ " + TextFitting.truncate(error, to: max(0, valueWidth - 2)), x: valueX, y: y, style: Style(.error),
                    clip: area)
                y += 1
            }
        }
    }

    /// An underlined input area; the text scrolls sideways to keep the cursor in view. Grid
    /// cells draw the same way.
    static func drawTyped(_ value: String, cursor: Int?, in buffer: inout Buffer, area: Rect, error: Bool) {
        guard area.width > 0 else { return }
        buffer.fill(area, style: Style(error ? .error : .normal, underline: true))
        let characters = Array(value)
        var start = 0
        if let cursor {
            // Widths are per character: enough for the window to follow the cursor.
            while TextWidth.of(String(characters[start..<min(cursor, characters.count)])) >= area.width { start += 1 }
        }
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
        if let cursor, cursor >= characters.count, x < area.maxX {
            buffer.write(" ", x: x, y: area.y, style: Style(.selected), clip: area)
        }
    }
}
