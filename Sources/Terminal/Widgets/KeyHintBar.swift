/// One row of key hints, `q Quit · / Filter · ? Help`, cut with "…" when too long: it never wraps.
public struct KeyHintBar: Sendable {
    public var hints: [(keys: String, label: String)]

    public init(_ hints: [(keys: String, label: String)]) {
        self.hints = hints
    }

    /// The bar a key registry gives for the modes in use.
    public init(_ hints: [KeyHint]) {
        self.hints = hints.map { (keys: $0.keys, label: $0.label) }
    }

    static let keyStyle = Style(.accent, bold: true)
    static let labelStyle = Style(.hint)

    /// The whole bar before fitting it to a width.
    public var line: StyledLine {
        var line = StyledLine()
        for (position, hint) in hints.enumerated() {
            if position > 0 { line.append(" · ", style: Self.labelStyle) }
            line.append(hint.keys, style: Self.keyStyle)
            line.append(" " + hint.label, style: Self.labelStyle)
        }
        return line
    }

    /// Fills the area's first row in `.hint`, so the bar reads as one strip, then the hints.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: Self.labelStyle)
        buffer.write(line.truncated(to: area.width), x: area.x, y: area.y, clip: row)
    }
}
