/// A grid of cells that views draw into. Drawing never touches the terminal: a backend shows a
/// finished buffer, and tests compare buffers (or their text) directly.
public struct Buffer: Sendable, Hashable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.columns * size.rows))
    }

    public var bounds: Rect { Rect(size: size) }

    public subscript(x x: Int, y y: Int) -> Cell {
        get { cells[y * size.columns + x] }
        set { cells[y * size.columns + x] = newValue }
    }

    /// Writes `text` from (x, y), clipped to `clip` (default: the whole buffer).
    /// A wide grapheme that would straddle the clip edge is drawn as a space.
    /// - Returns: the columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).clipped(to: bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        var column = x
        for character in text {
            let width = TextWidth.of(character)
            guard width > 0 else { continue }
            if column >= area.maxX { break }
            if column < area.x {
                // The right half of a wide grapheme cut by the left edge shows as a space.
                if column + width > area.x { self[x: area.x, y: y] = Cell(" ", style: style) }
                column += width
                continue
            }
            if width == 2 && column + 1 >= area.maxX {
                clearWideNeighbours(x: column, y: y, width: 1)
                self[x: column, y: y] = Cell(" ", style: style)
                column += 1
                break
            }
            clearWideNeighbours(x: column, y: y, width: width)
            self[x: column, y: y] = Cell(character, style: style)
            if width == 2 { self[x: column + 1, y: y] = Cell(" ", style: style, isContinuation: true) }
            column += width
        }
        return max(0, column - max(x, area.x))
    }

    /// Sets every cell of `rect` to `character` in `style`.
    /// A character that is not one column wide fills with spaces.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let character = TextWidth.of(character) == 1 ? character : " "
        let area = rect.clipped(to: bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x: x, y: y] = Cell(character, style: style) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping its text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.clipped(to: bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { self[x: x, y: y].style = style }
        }
    }

    /// The text of row `y`, continuation cells skipped, trailing spaces kept.
    public func line(_ y: Int) -> String {
        String((0..<size.columns).compactMap { x in self[x: x, y: y].isContinuation ? nil : self[x: x, y: y].grapheme })
    }

    /// Every row as text.
    public var lines: [String] { (0..<size.rows).map(line) }

    /// Overwriting half of a wide grapheme leaves a blank where the other half was.
    private mutating func clearWideNeighbours(x: Int, y: Int, width: Int) {
        if self[x: x, y: y].isContinuation, x > 0 { self[x: x - 1, y: y] = .blank }
        let next = x + width
        if next < size.columns, self[x: next, y: y].isContinuation { self[x: next, y: y] = .blank }
    }
}

extension Buffer: CustomStringConvertible {
    /// The grid as lines with trailing spaces trimmed, framed so a failing test shows the screen.
    public var description: String {
        let rows = lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
        return "┌ \(size) ┐\n" + rows.map { "│" + $0 }.joined(separator: "\n") + "\n└"
    }
}
