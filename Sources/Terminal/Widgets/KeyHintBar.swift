/// One row of key hints, `/ Filter · a Add · ? Help · q Quit`, cut with "…" when too long; it
/// never wraps. Pinned hints (help, quit) are drawn at the right end whatever the width, so the
/// way to the rest of the keys never falls off.
public struct KeyHintBar: Sendable {
    public var hints: [KeyHint]
    public var pinned: [KeyHint]

    public init(_ hints: [KeyHint], pinned: [KeyHint] = []) {
        self.hints = hints
        self.pinned = pinned
    }

    static let keyStyle = Style(.accent, bold: true)
    static let labelStyle = Style(.hint)
    static let separator = " · "

    /// Hints joined as the bar shows them.
    static func line(_ hints: [KeyHint]) -> StyledLine {
        var line = StyledLine()
        for (position, hint) in hints.enumerated() {
            if position > 0 { line.append(separator, style: labelStyle) }
            line.append(hint.keys, style: keyStyle)
            line.append(" " + hint.label, style: labelStyle)
        }
        return line
    }

    /// The whole bar before fitting it to a width.
    public var line: StyledLine { Self.line(hints + pinned) }

    /// Fills the area's first row in `.hint`, so the bar reads as one strip, then the hints.
    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, style: Self.labelStyle)
        let whole = line
        if whole.width <= area.width || pinned.isEmpty {
            buffer.write(whole.truncated(to: area.width), x: area.x, y: area.y, clip: row)
            return
        }
        let right = Self.line(pinned).truncated(to: area.width)
        let left = Self.line(hints).truncated(to: max(0, area.width - right.width - 1))
        buffer.write(left, x: area.x, y: area.y, clip: row)
        buffer.write(right, x: area.maxX - right.width, y: area.y, clip: row)
    }
}
