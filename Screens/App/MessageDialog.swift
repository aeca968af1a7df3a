import Terminal

/// A message over the screen that only shows something: a copied value written out whole (for
/// terminals that ignore the clipboard request), or a failure no open screen could show. It
/// takes whole rows, with rules above and below and no side borders, so a mouse selection of
/// the value's line takes the value alone; the app releases the mouse while it is open.
struct MessageDialog {
    let title: String
    let message: String
    /// Shown whole, on lines of its own.
    var value: String?
    var note: String?
    var isFailure = false

    static func copied(_ request: CopyRequest) -> MessageDialog {
        MessageDialog(
            title: "Copied", message: "\(request.what), sent to the clipboard:", value: request.value,
            note:
                "Some terminals ignore the app's clipboard (tmux without set-clipboard, VTE terminals): select the line above with the mouse, or run `\(request.command)`."
        )
    }

    static func failure(_ title: String, _ reason: String) -> MessageDialog {
        MessageDialog(title: title, message: reason, isFailure: true)
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let width = min(area.width, 76)
        let inner = max(1, width - 2)
        var lines: [(String, Style)] = TextFitting.wrap(message, to: inner).map { ($0, Style(isFailure ? .error : .normal)) }
        if let value {
            lines.append(("", Style(.normal)))
            // A key has no spaces: it is broken at the width, never cut.
            lines += TextFitting.wrap(value, to: inner).map { ($0, Style(.accent, bold: true)) }
        }
        if let note {
            lines.append(("", Style(.normal)))
            lines += TextFitting.wrap(note, to: inner).map { ($0, Style(.muted)) }
        }
        // Whole rows: a line selected with the mouse holds nothing but what the dialog wrote.
        let centred = area.centered(width: width, height: min(area.height, lines.count + 2))
        let box = Rect(x: area.x, y: centred.y, width: area.width, height: centred.height)
        buffer.fill(box)
        let rule = Style(isFailure ? .error : .accent)
        buffer.write(Self.rule("── \(title) ", width: box.width), x: box.x, y: box.y, style: rule, clip: box)
        for (row, line) in lines.prefix(max(0, box.height - 2)).enumerated() {
            buffer.write(line.0, x: centred.x + 1, y: box.y + 1 + row, style: line.1, clip: box)
        }
        let footer = "── " + AppKeys.message.footer(.close) + " "
        buffer.write(Self.rule(footer, width: box.width), x: box.x, y: box.maxY - 1, style: rule, clip: box)
    }

    /// `text` followed by a line to exactly `width` columns.
    private static func rule(_ text: String, width: Int) -> String {
        let head = TextFitting.truncate(text, to: width)
        return head + String(repeating: "─", count: max(0, width - TextWidth.of(head)))
    }
}
