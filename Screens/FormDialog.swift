import Terminal

/// A form in a framed box over the screen: a problem line when a save was refused (wrapped,
/// so the reason reads whole), the fields, and the keys that save or leave, from the registry.
struct FormDialog {
    let title: String
    let state: FormState
    let problem: Notice?
    /// What the dialog's keys do, in the hint bar's words, after any note of the dialog's own.
    let footer: String
    var maximumWidth = 72

    static let problemLineLimit = 3

    func render(into buffer: inout Buffer, area: Rect) {
        // A column of the screen shows either side, so the box never touches what is beside it.
        let width = min(area.width - 2, maximumWidth)
        // A column of padding inside either border.
        let innerWidth = max(1, width - 4)
        let problemLines = problem?.lines(width: innerWidth, limit: Self.problemLineLimit) ?? []
        let footerLines = TextFitting.wrap(footer, to: innerWidth)
        let height = Form().height(of: state, width: innerWidth) + problemLines.count + footerLines.count + 2
        let box = area.centered(width: width, height: min(area.height, height))
        let frame = Frame(title: title, focused: true)
        frame.render(into: &buffer, area: box)
        buffer.fill(frame.inner(box))
        let inner = frame.inner(box).inset(horizontally: 1)
        var y = inner.y
        for line in problemLines {
            buffer.write(line, x: inner.x, y: y, style: Style(problem?.kind.role ?? .error), clip: inner)
            y += 1
        }
        let formArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y - footerLines.count))
        Form().render(into: &buffer, area: formArea, state: state)
        for (row, line) in footerLines.enumerated() {
            buffer.write(line, x: inner.x, y: inner.maxY - footerLines.count + row, style: Style(.hint), clip: inner)
        }
    }
}
