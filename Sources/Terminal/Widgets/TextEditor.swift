/// A multi-line plain-text editor: the lines, a cursor, and the scroll that keeps the cursor in
/// view. It knows nothing of what the text means; the API console edits request bodies with it,
/// so Enter indents after "{" and "[" the way code editors do.
public struct TextEditor: Sendable, Hashable {
    /// A place in the text, 0-based: a line index and a column counted in grapheme clusters.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var description: String { "\(line):\(column)" }
    }

    /// What Tab inserts and Enter adds after an opening bracket.
    public static let indentUnit = "  "

    /// Never empty: an empty text is one empty line.
    public private(set) var lines: [String]
    public private(set) var cursor = Position(line: 0, column: 0)
    /// The first line shown.
    public private(set) var scrollTop = 0
    /// The first display column of the text shown, right of the gutter.
    public private(set) var scrollLeft = 0
    /// The editor's area, gutter included, as the screen lays it out: PageUp and PageDown move
    /// by its height, and the scroll keeps the cursor inside it.
    public var viewSize: TerminalSize {
        didSet { scrollToCursor() }
    }
    /// The display column ↑ and ↓ aim for, so passing a short line does not lose it.
    private var wantedX: Int?

    public init(text: String = "", viewSize: TerminalSize = TerminalSize(columns: 80, rows: 10)) {
        lines = Self.splitLines(text)
        self.viewSize = viewSize
    }

    /// The lines joined with "\n".
    public var text: String { lines.joined(separator: "\n") }

    // MARK: Editing

    /// Applies one key press.
    /// - Returns: whether the text or the cursor changed.
    public mutating func handle(_ key: Key) -> Bool {
        let changed: Bool
        if let action = WidgetKeys.editor.action(for: key) {
            switch action {
            case .up: return moveVertically(by: -1)
            case .down: return moveVertically(by: 1)
            case .pageUp: return page(by: -1)
            case .pageDown: return page(by: 1)
            case .newline: changed = breakLine()
            case .indent: changed = typeText(Self.indentUnit)
            case .deleteBackward: changed = deleteBackward()
            case .deleteForward: changed = deleteForward()
            case .left: changed = moveLeft()
            case .right: changed = moveRight()
            case .lineStart: changed = moveToColumn(0)
            case .lineEnd: changed = moveToColumn(lines[cursor.line].count)
            }
        } else if case .character(let character) = key {
            if Self.isLineBreak(character) {
                insert(String(character))
                return true
            }
            changed = typeText(String(character))
        } else {
            return false
        }
        wantedX = nil
        scrollToCursor()
        return changed
    }

    /// Inserts pasted text at the cursor exactly as given: line breaks ("\r\n" and "\r" read as
    /// "\n") split lines, and its indentation is kept, with nothing added.
    public mutating func insert(_ text: String) {
        let pieces = Self.splitLines(text)
        let (before, after) = splitCurrentLine()
        let last = pieces[pieces.count - 1]
        if pieces.count == 1 {
            lines[cursor.line] = before + last + after
        } else {
            lines[cursor.line] = before + pieces[0]
            lines.insert(contentsOf: pieces[1...].dropLast(), at: cursor.line + 1)
            lines.insert(last + after, at: cursor.line + pieces.count - 1)
        }
        let lastLine = cursor.line + pieces.count - 1
        let column = pieces.count == 1 ? (before + last).count : last.count
        cursor = Position(line: lastLine, column: min(column, lines[lastLine].count))
        wantedX = nil
        scrollToCursor()
    }

    /// Puts the cursor at `position`, clamped into the text: to show where an error is.
    public mutating func moveCursor(to position: Position) {
        let line = min(max(position.line, 0), lines.count - 1)
        cursor = Position(line: line, column: min(max(position.column, 0), lines[line].count))
        wantedX = nil
        scrollToCursor()
    }

    /// Types `text` (no line breaks) at the cursor. A closing bracket typed into a line's
    /// indentation steps it back out, so a body typed key by key lines up without fixing.
    private mutating func typeText(_ text: String) -> Bool {
        var (before, after) = splitCurrentLine()
        if text == "}" || text == "]", !before.isEmpty, before.allSatisfy({ $0 == " " }) {
            before.removeLast(min(Self.indentUnit.count, before.count))
        }
        lines[cursor.line] = before + text + after
        cursor.column = (before + text).count
        return true
    }

    /// Enter: the new line keeps the indentation, one level deeper after "{" or "[", and a
    /// closer right after the cursor moves to a line of its own at the outer level.
    private mutating func breakLine() -> Bool {
        let (before, after) = splitCurrentLine()
        let indent = String(before.prefix(while: Self.isIndentation))
        // Split past the indentation, the new line's indentation replaces the spaces after the cursor.
        let rest = before.count > indent.count ? String(after.drop(while: Self.isIndentation)) : after
        var newLines = [indent + rest]
        var column = indent.count
        if let opener = before.last(where: { !$0.isWhitespace }), opener == "{" || opener == "[" {
            let inner = indent + Self.indentUnit
            column = inner.count
            let closer: Character = opener == "{" ? "}" : "]"
            newLines = rest.first == closer ? [inner, indent + rest] : [inner + rest]
        }
        lines[cursor.line] = before
        lines.insert(contentsOf: newLines, at: cursor.line + 1)
        cursor = Position(line: cursor.line + 1, column: column)
        return true
    }

    private mutating func deleteBackward() -> Bool {
        if cursor.column > 0 {
            var line = lines[cursor.line]
            line.remove(at: line.index(line.startIndex, offsetBy: cursor.column - 1))
            lines[cursor.line] = line
            cursor.column -= 1
            return true
        }
        guard cursor.line > 0 else { return false }
        let joined = lines.remove(at: cursor.line)
        cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count)
        lines[cursor.line] += joined
        return true
    }

    private mutating func deleteForward() -> Bool {
        var line = lines[cursor.line]
        if cursor.column < line.count {
            line.remove(at: line.index(line.startIndex, offsetBy: cursor.column))
            lines[cursor.line] = line
            return true
        }
        guard cursor.line + 1 < lines.count else { return false }
        lines[cursor.line] += lines.remove(at: cursor.line + 1)
        return true
    }

    // MARK: Moving

    private mutating func moveLeft() -> Bool {
        if cursor.column > 0 {
            cursor.column -= 1
        } else if cursor.line > 0 {
            cursor = Position(line: cursor.line - 1, column: lines[cursor.line - 1].count)
        } else {
            return false
        }
        return true
    }

    private mutating func moveRight() -> Bool {
        if cursor.column < lines[cursor.line].count {
            cursor.column += 1
        } else if cursor.line + 1 < lines.count {
            cursor = Position(line: cursor.line + 1, column: 0)
        } else {
            return false
        }
        return true
    }

    private mutating func moveToColumn(_ column: Int) -> Bool {
        guard cursor.column != column else { return false }
        cursor.column = column
        return true
    }

    /// Up or down by `delta` lines towards the wanted column; past the first or last line, to
    /// its start or end.
    private mutating func moveVertically(by delta: Int) -> Bool {
        let target = min(max(cursor.line + delta, 0), lines.count - 1)
        guard target != cursor.line else {
            let changed = moveToColumn(delta < 0 ? 0 : lines[target].count)
            wantedX = nil
            scrollToCursor()
            return changed
        }
        let x = wantedX ?? displayX(of: cursor)
        cursor = Position(line: target, column: Self.column(in: lines[target], atDisplayX: x))
        wantedX = x
        scrollToCursor()
        return true
    }

    /// A page is the visible height: the view moves with the cursor, keeping its row on screen.
    private mutating func page(by direction: Int) -> Bool {
        let height = max(1, viewSize.rows)
        scrollTop = min(max(scrollTop + direction * height, 0), max(0, lines.count - height))
        return moveVertically(by: direction * height)
    }

    // MARK: Scrolling

    private mutating func scrollToCursor() {
        (scrollTop, scrollLeft) = offsets(for: viewSize)
    }

    /// The stored scroll moved as little as needed to show the cursor in an area of `size`.
    private func offsets(for size: TerminalSize) -> (top: Int, left: Int) {
        let rows = max(1, size.rows)
        var top = min(scrollTop, max(0, lines.count - rows))
        if cursor.line < top { top = cursor.line }
        if cursor.line >= top + rows { top = cursor.line - rows + 1 }
        let columns = max(1, size.columns - gutterWidth)
        let x = displayX(of: cursor)
        var left = scrollLeft
        if x < left { left = x }
        if x + cursorWidth > left + columns { left = x + cursorWidth - columns }
        return (top, left)
    }

    // MARK: Rendering

    /// The line numbers' column: right-aligned numbers and a space, at least 4 columns.
    public var gutterWidth: Int { max(3, String(lines.count).count) + 1 }

    /// Draws the visible lines with their numbers into `area`, and the cursor when `focused`.
    /// `errorLineNumber` (1-based, as the gutter shows) draws that line's number as an error.
    public func render(into buffer: inout Buffer, area: Rect, focused: Bool, errorLineNumber: Int? = nil) {
        buffer.fill(area)
        let gutter = min(area.width, gutterWidth)
        let textArea = Rect(x: area.x + gutter, y: area.y, width: area.width - gutter, height: area.height)
        let (top, left) = offsets(for: TerminalSize(columns: area.width, rows: area.height))
        for row in 0..<area.height where top + row < lines.count {
            let index = top + row
            let y = area.y + row
            let number = String(index + 1)
            let label = String(repeating: " ", count: max(0, gutterWidth - 1 - number.count)) + number + " "
            let style = Style(errorLineNumber == index + 1 ? .error : .muted)
            buffer.write(label, x: area.x, y: y, style: style, clip: Rect(x: area.x, y: y, width: gutter, height: 1))
            buffer.write(Self.displayText(lines[index]), x: textArea.x - left, y: y, clip: textArea)
        }
        guard focused else { return }
        let cursorCell = Rect(
            x: textArea.x + displayX(of: cursor) - left, y: area.y + cursor.line - top, width: cursorWidth, height: 1)
        buffer.setStyle(Style(.selected), in: cursorCell.clipped(to: textArea))
    }

    // MARK: Text measures

    /// Columns a character takes here: a tab shows as two spaces, and a character the terminal
    /// draws with no width (a control, a lone mark) as one space, so the cursor never hides.
    private static func cellWidth(_ character: Character) -> Int {
        character == "\t" ? 2 : max(1, TextWidth.of(character))
    }

    private static func displayText(_ line: String) -> String {
        line.reduce(into: "") { text, character in
            if TextWidth.of(character) > 0 {
                text.append(character)
            } else {
                text += String(repeating: " ", count: cellWidth(character))
            }
        }
    }

    private func displayX(of position: Position) -> Int {
        lines[position.line].prefix(position.column).reduce(0) { $0 + Self.cellWidth($1) }
    }

    /// The width of the character under the cursor; 1 at the end of a line.
    private var cursorWidth: Int {
        let line = lines[cursor.line]
        guard cursor.column < line.count else { return 1 }
        return Self.cellWidth(line[line.index(line.startIndex, offsetBy: cursor.column)])
    }

    /// The column of the character covering display column `x`, or the line's end.
    private static func column(in line: String, atDisplayX x: Int) -> Int {
        var used = 0
        var column = 0
        for character in line {
            let width = cellWidth(character)
            if used + width > x { break }
            used += width
            column += 1
        }
        return column
    }

    private func splitCurrentLine() -> (before: String, after: String) {
        let line = lines[cursor.line]
        let index = line.index(line.startIndex, offsetBy: min(cursor.column, line.count))
        return (String(line[..<index]), String(line[index...]))
    }

    private static func isIndentation(_ character: Character) -> Bool {
        character == " " || character == "\t"
    }

    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    private static func splitLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: isLineBreak).map(String.init)
    }
}
