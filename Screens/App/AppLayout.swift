import Terminal

/// Where the shell puts things for a terminal size: the title row, the navigation and the
/// screen side by side (or the navigation folded over the screen below
/// `Navigation.foldingWidth` columns, so the screen keeps the width), the hint bar and the
/// status bar.
struct AppLayout {
    let title: Rect
    let body: Rect
    let hints: Rect
    let status: Rect
    let content: Rect
    /// Where the navigation is drawn; nil while it is folded away.
    let navigation: Rect?
    let isFolded: Bool

    init(size: TerminalSize, navigationIsFocused: Bool) {
        let rows = Layout.rows([.fixed(1), .flexible(1), .fixed(1), .fixed(1)], in: Rect(size: size))
        (title, body, hints, status) = (rows[0], rows[1], rows[2], rows[3])
        isFolded = size.columns < Navigation.foldingWidth
        if isFolded {
            content = body
            navigation =
                navigationIsFocused
                ? Rect(x: body.x, y: body.y, width: min(body.width, Navigation.width + 1), height: body.height) : nil
        } else {
            let columns = Layout.columns([.fixed(Navigation.width), .fixed(1), .flexible(1)], in: body)
            content = columns[2]
            navigation = columns[0]
        }
    }

    func drawTitle(_ text: String, into buffer: inout Buffer) {
        buffer.fill(title, style: Style(.title))
        buffer.write(TextFitting.truncate(text, to: title.width), x: title.x, y: title.y, style: Style(.title, bold: true))
        if !isFolded {
            buffer.fill(Rect(x: content.x - 1, y: body.y, width: 1, height: body.height), with: "│", style: Style(.muted))
        }
    }

    func drawStatus(_ context: AppContext, into buffer: inout Buffer) {
        buffer.fill(status, style: Style(.muted))
        let emulator =
            context.emulatorURL.map { "Emulator \($0)" }
            ?? context.emulatorProblem.map { "Emulator not running: \($0)" } ?? "Emulator starting…"
        let text = " \(emulator) · Engine pace \(context.pace.rawValue) · Workspace "
        // The path's end names the file: when it does not fit, its start gives way.
        let room = status.width - TextWidth.of(text)
        let path = context.workspace.path
        let shown = TextWidth.of(path) <= room ? path : "…" + String(path.suffix(max(0, room - 1)))
        buffer.write(TextFitting.truncate(text + shown, to: status.width), x: status.x, y: status.y, style: Style(.muted))
    }
}
