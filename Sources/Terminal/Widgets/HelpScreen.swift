/// A titled group of keys on the help screen.
public struct HelpSection: Sendable {
    public var title: String
    public var rows: [(keys: String, description: String)]

    public init(title: String, rows: [(keys: String, description: String)]) {
        self.title = title
        self.rows = rows
    }
}

/// The `?` overlay: every section in as many columns as the width allows, scrolled by
/// `scroll` rows, with a footer saying how to close it. Covers the whole area.
public struct HelpScreen: Sendable {
    public var sections: [HelpSection]
    public var scroll: Int
    public var title: String

    /// How to close it, in the registry's words.
    public static var footer: String { WidgetKeys.help.footer(.close) }
    static let columnGap = 3
    /// Between keys and their description.
    static let keyGap = 2

    public init(sections: [HelpSection], scroll: Int = 0, title: String = "Help") {
        self.sections = sections
        self.scroll = scroll
        self.title = title
    }

    /// The rows the sections take in `area`, before scrolling.
    public func lineCount(in area: Rect) -> Int {
        columns(width: Self.body(of: area).width).map(\.count).max() ?? 0
    }

    /// The largest useful `scroll` for `area`: the one that shows the last row at the bottom.
    public func maxScroll(in area: Rect) -> Int {
        max(0, lineCount(in: area) - Self.body(of: area).height)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let frame = Frame(title: title, focused: true)
        frame.render(into: &buffer, area: area)
        let body = Self.body(of: area)
        guard !body.isEmpty else { return }
        let columns = columns(width: body.width)
        let top = min(max(0, scroll), maxScroll(in: area))
        let columnWidth = Self.columnWidth(count: columns.count, width: body.width)
        for (number, column) in columns.enumerated() {
            let x = body.x + number * (columnWidth + Self.columnGap)
            let clip = Rect(x: x, y: body.y, width: columnWidth, height: body.height)
            for (row, line) in column.dropFirst(top).prefix(body.height).enumerated() {
                buffer.write(line, x: x, y: body.y + row, clip: clip)
            }
        }
        let more = top < maxScroll(in: area) ? " · \(WidgetKeys.help.binding(for: .scrollDown).keyNames) more below" : ""
        let footer = TextFitting.truncate(Self.footer + more, to: body.width)
        buffer.write(footer, x: body.x, y: body.maxY, style: Style(.hint), clip: frame.inner(area))
    }

    /// Inside the frame, a column of padding each side and the footer row below.
    private static func body(of area: Rect) -> Rect {
        let inner = area.inset(by: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1)
    }

    private static func columnWidth(count: Int, width: Int) -> Int {
        count > 0 ? max(1, (width - (count - 1) * columnGap) / count) : width
    }

    /// As many columns as fit the widest section unwrapped; each section goes to the shortest
    /// column so far, which keeps the columns even and the order reading left to right.
    private func columns(width: Int) -> [[StyledLine]] {
        guard width > 0, !sections.isEmpty else { return [] }
        let natural = sections.map(naturalWidth).max() ?? 0
        let fitting = (width + Self.columnGap) / (natural + Self.columnGap)
        let count = min(max(1, fitting), sections.count)
        let columnWidth = Self.columnWidth(count: count, width: width)
        var columns = Array(repeating: [StyledLine](), count: count)
        for section in sections {
            let shortest = columns.indices.min { columns[$0].count < columns[$1].count } ?? 0
            if !columns[shortest].isEmpty { columns[shortest].append(StyledLine()) }
            columns[shortest] += lines(of: section, width: columnWidth)
        }
        return columns
    }

    private func naturalWidth(of section: HelpSection) -> Int {
        let keys = section.rows.map { TextWidth.of($0.keys) }.max() ?? 0
        let descriptions = section.rows.map { TextWidth.of($0.description) }.max() ?? 0
        return max(TextWidth.of(section.title), keys + Self.keyGap + descriptions)
    }

    /// The title, then the keys in an aligned column and the descriptions, wrapped under
    /// themselves when they are wider than the column.
    private func lines(of section: HelpSection, width: Int) -> [StyledLine] {
        let keysWidth = min(section.rows.map { TextWidth.of($0.keys) }.max() ?? 0, max(1, width / 2))
        let descriptionWidth = max(1, width - keysWidth - Self.keyGap)
        var lines = [StyledLine(section.title, style: Style(.title, bold: true)).truncated(to: width)]
        for row in section.rows {
            for (index, piece) in TextFitting.wrap(row.description, to: descriptionWidth).enumerated() {
                let keys = index == 0 ? row.keys : ""
                var line = StyledLine(TextFitting.pad(keys, to: keysWidth), style: Style(.accent, bold: true))
                line.append(String(repeating: " ", count: Self.keyGap))
                line.append(piece)
                lines.append(line.truncated(to: width))
            }
        }
        return lines
    }
}
