/// A column of an editable grid: its title, what its cells hold (the same kinds as a form
/// field), and how many columns wide it is drawn (the last one takes what is left).
public struct GridColumn: Sendable, Hashable {
    public var title: String
    public var kind: FormField.Kind
    public var width: Int

    public init(_ title: String, _ kind: FormField.Kind = .text, width: Int) {
        self.title = title
        self.kind = kind
        self.width = width
    }
}

public struct GridCell: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// A grid being filled in row by row, like a form whose fields repeat: the focused cell, the
/// cursor in it, and the problems the screen found, by cell. It never has fewer than one row.
/// Enter and Esc are left to the screen: the grid is usually one step of something larger.
public struct GridState: Sendable, Hashable {
    public let columns: [GridColumn]
    public private(set) var rows: [[String]]
    public private(set) var focus = GridCell(row: 0, column: 0)
    /// In the focused text or number cell, in characters.
    public private(set) var cursor = 0
    /// Drawn in the error style; the screen sets them after each change.
    public var errors: [GridCell: String] = [:]

    public init(columns: [GridColumn], rows: [[String]] = []) {
        self.columns = columns
        self.rows = []
        self.rows =
            rows.isEmpty ? [blankRow] : rows.map { row in columns.indices.map { row.indices.contains($0) ? row[$0] : "" } }
        cursor = self.rows[0].first?.count ?? 0
    }

    /// What a new row holds: empty text, `False`, each choice's first option.
    public var blankRow: [String] {
        columns.map { column in
            switch column.kind {
            case .boolean: FormField.falseText
            case .choice(let options): options.first ?? ""
            case .text, .number, .readOnly: ""
            }
        }
    }

    public func isBlank(_ row: Int) -> Bool { rows[row] == blankRow }

    public var focusedValue: String { rows[focus.row][focus.column] }

    /// Handles a key that edits or moves. - Returns: false for keys the grid leaves to the screen.
    public mutating func handle(_ key: Key) -> Bool {
        let kind = columns[focus.column].kind
        guard let action = WidgetKeys.grid.action(for: key) else {
            guard case .character(let character) = key else { return false }
            switch kind {
            case .text, .number: type { $0.insert(character) }
            case .boolean:
                if "tTyY1".contains(character) { set(FormField.trueText) }
                if "fFnN0".contains(character) { set(FormField.falseText) }
            case .choice(let options):
                // A letter picks the next option starting with it: `d` Date, `d` again Decimal.
                let matching = options.indices.filter { options[$0].lowercased().hasPrefix(character.lowercased()) }
                guard !matching.isEmpty else { return true }
                let current = options.firstIndex(of: focusedValue) ?? -1
                set(options[matching.first { $0 > current } ?? matching[0]])
            case .readOnly: break
            }
            return true
        }
        switch action {
        case .next: moveToNextCell()
        case .previous:
            let index = focus.row * columns.count + focus.column
            if index > 0 { move(to: GridCell(row: (index - 1) / columns.count, column: (index - 1) % columns.count)) }
        case .up: move(to: GridCell(row: max(0, focus.row - 1), column: focus.column))
        case .down: move(to: GridCell(row: min(rows.count - 1, focus.row + 1), column: focus.column))
        case .left: step(by: -1)
        case .right: step(by: 1)
        case .start: cursor = 0
        case .end: cursor = focusedValue.count
        case .deleteBackward: if kind.isTyped { type { $0.deleteBackward() } }
        case .deleteForward: if kind.isTyped { type { $0.deleteForward() } }
        case .toggle:
            // Space is a character in a typed cell.
            if kind.isTyped { type { $0.insert(" ") } } else { step(by: 1) }
        case .addRow:
            rows.insert(blankRow, at: focus.row + 1)
            move(to: GridCell(row: focus.row + 1, column: 0))
        case .deleteRow:
            rows.remove(at: focus.row)
            if rows.isEmpty { rows = [blankRow] }
            move(to: GridCell(row: min(focus.row, rows.count - 1), column: focus.column))
        }
        return true
    }

    /// Changes a cell from outside (a screen keeping cells consistent with each other).
    public mutating func set(_ value: String, at cell: GridCell) {
        guard rows.indices.contains(cell.row), columns.indices.contains(cell.column) else { return }
        rows[cell.row][cell.column] = value
        if cell == focus { cursor = min(cursor, value.count) }
    }

    /// Focuses a cell, the cursor at the end of its text.
    public mutating func move(to cell: GridCell) {
        guard rows.indices.contains(cell.row), columns.indices.contains(cell.column) else { return }
        focus = cell
        cursor = focusedValue.count
    }

    /// Tab past the last cell starts a new row, unless the last row is still blank.
    private mutating func moveToNextCell() {
        if focus.column + 1 < columns.count {
            move(to: GridCell(row: focus.row, column: focus.column + 1))
        } else if focus.row + 1 < rows.count {
            move(to: GridCell(row: focus.row + 1, column: 0))
        } else if !isBlank(focus.row) {
            rows.append(blankRow)
            move(to: GridCell(row: rows.count - 1, column: 0))
        }
    }

    private mutating func step(by delta: Int) {
        switch columns[focus.column].kind {
        case .text, .number: cursor = max(0, min(cursor + delta, focusedValue.count))
        case .boolean: set(focusedValue == FormField.trueText ? FormField.falseText : FormField.trueText)
        case .choice(let options) where !options.isEmpty:
            let current = options.firstIndex(of: focusedValue) ?? -1
            set(options[(current + delta + options.count) % options.count])
        case .choice, .readOnly: break
        }
    }

    private mutating func set(_ value: String) { rows[focus.row][focus.column] = value }

    private mutating func type(_ change: (inout TypedText) -> Void) {
        var text = TypedText(focusedValue, cursor: cursor)
        change(&text)
        cursor = text.cursor
        set(text.value)
    }
}
