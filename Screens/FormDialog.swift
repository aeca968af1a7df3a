import Terminal

/// A form in a framed box over the screen: a problem line when a save was refused, the fields,
/// and a line saying how to save or leave. The record form and the properties use it.
struct FormDialog {
    let title: String
    let state: FormState
    let problem: String?
    let hint: String
    var maximumWidth = 72

    func render(into buffer: inout Buffer, area: Rect) {
        // Fields, the problem line, the hint line, the border.
        let height = Form().height(of: state) + (problem == nil ? 0 : 1) + 4
        let box = area.centered(width: min(area.width, maximumWidth), height: min(area.height, height))
        let frame = Frame(title: title, focused: true)
        frame.render(into: &buffer, area: box)
        let inner = frame.inner(box)
        buffer.fill(inner)
        var y = inner.y
        if let problem {
            buffer.write("✗ " + problem, x: inner.x, y: y, style: Style(.error), clip: inner)
            y += 1
        }
        Form().render(into: &buffer, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y - 1), state: state)
        buffer.write(hint, x: inner.x, y: inner.maxY - 1, style: Style(.hint), clip: inner)
    }
}
