import Terminal

/// The navigation on the left: each Marketing Cloud app and its sections. Below
/// `foldingWidth` columns it folds away, so the screen keeps the whole width, and opens over
/// the screen's left side while it has the focus.
struct Navigation {
    static let width = 26
    static let foldingWidth = 100

    let sections: [AppSection]
    /// The open section.
    var selected = 0
    /// The section the keys are on while the navigation has the focus; opened on Enter.
    var cursor = 0
    private(set) var isFocused = false

    init(sections: [AppSection]) { self.sections = sections }

    var section: AppSection { sections[selected] }

    struct Line {
        let y: Int
        let text: String
        /// The section's index; nil for an app's heading.
        let section: Int?
    }

    func lines(in area: Rect) -> [Line] {
        var lines: [Line] = []
        var y = area.y + 1
        var app = ""
        for (index, section) in sections.enumerated() {
            if section.app != app {
                app = section.app
                lines.append(Line(y: y, text: app, section: nil))
                y += 1
            }
            lines.append(Line(y: y, text: "  " + section.name + (section.isBuilt ? "" : " (soon)"), section: index))
            y += 1
        }
        return lines
    }

    /// Takes the focus, the cursor on the open section.
    mutating func focus() { (isFocused, cursor) = (true, selected) }

    /// Opens section `index` (a click on it), the focus on it.
    mutating func open(_ index: Int) { (cursor, selected, isFocused) = (index, index, false) }

    /// Opens the section under the cursor and gives the focus back to it.
    mutating func openCursor() { (selected, isFocused) = (cursor, false) }

    /// Gives the focus back to the open section, choosing nothing.
    mutating func close() { (cursor, isFocused) = (selected, false) }

    /// - Returns: whether a section was opened.
    mutating func handle(_ action: NavigationAction) -> Bool {
        switch action {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(sections.count - 1, cursor + 1)
        case .open:
            openCursor()
            return true
        case .close: close()
        }
        return false
    }

    /// The section a click at row `y` lands on.
    func section(atY y: Int, in area: Rect) -> Int? {
        lines(in: area).first { $0.y == y }?.section
    }

    /// Draws the sections in `area`; folded, over the screen with a border on its right.
    func render(into buffer: inout Buffer, area: Rect, folded: Bool) {
        let list = folded ? Rect(x: area.x, y: area.y, width: area.width - 1, height: area.height) : area
        if folded {
            buffer.fill(list)
            buffer.fill(Rect(x: list.maxX, y: area.y, width: 1, height: area.height), with: "│", style: Style(.accent))
        }
        for line in lines(in: list) where line.y < list.maxY {
            let isCursor = isFocused && line.section == cursor
            let style: Style =
                if line.section == nil {
                    Style(.title, bold: true)
                } else if isCursor {
                    Style(.selected, bold: true)
                } else if line.section == selected {
                    Style(.accent, bold: true)
                } else {
                    Style(line.section.map { sections[$0].isBuilt } ?? false ? .normal : .muted)
                }
            if isCursor { buffer.fill(Rect(x: list.x, y: line.y, width: list.width, height: 1), style: style) }
            buffer.write(TextFitting.truncate(line.text, to: list.width), x: list.x, y: line.y, style: style, clip: list)
        }
    }
}
