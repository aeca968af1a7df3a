import Terminal
import Testing

/// The editable grid driven by key scripts: typing across cells, Tab past the end starting a
/// row, choices picked by letter, rows added and deleted, problems drawn where they are.
@Suite struct GridTests {
    let columns = [
        GridColumn("Name", width: 8), GridColumn("Type", .choice(["Text", "Number", "Date", "Decimal"]), width: 9),
        GridColumn("Key", .boolean, width: 3), GridColumn("Default", width: 6),
    ]

    func type(_ text: String, into state: inout GridState) {
        for character in text { _ = state.handle(.character(character)) }
    }

    func render(_ state: GridState, columns width: Int = 36, rows: Int = 4) -> Buffer {
        var buffer = Buffer(size: TerminalSize(columns: width, rows: rows))
        Grid().render(into: &buffer, area: buffer.bounds, state: state)
        return buffer
    }

    @Test func typingAcrossCellsAndTabPastTheEndStartsARow() {
        var state = GridState(columns: columns)
        #expect(state.rows == [["", "Text", "False", ""]])
        type("Email", into: &state)
        _ = state.handle(.tab)
        _ = state.handle(.tab)
        _ = state.handle(.character(" "))
        _ = state.handle(.tab)
        type("x", into: &state)
        #expect(state.rows == [["Email", "Text", "True", "x"]])
        _ = state.handle(.tab)
        #expect(state.rows.count == 2 && state.focus == GridCell(row: 1, column: 0))
        // A blank last row does not grow another.
        for _ in 0..<4 { _ = state.handle(.tab) }
        #expect(state.rows.count == 2 && state.focus == GridCell(row: 1, column: 3))
        _ = state.handle(.backTab)
        _ = state.handle(.up)
        #expect(state.focus == GridCell(row: 0, column: 2))
        // Enter and Esc are the screen's.
        #expect(!state.handle(.enter) && !state.handle(.escape))
    }

    @Test func aLetterPicksTheNextChoiceStartingWithIt() {
        var state = GridState(columns: columns)
        _ = state.handle(.tab)
        _ = state.handle(.character("d"))
        #expect(state.focusedValue == "Date")
        _ = state.handle(.character("D"))
        #expect(state.focusedValue == "Decimal")
        _ = state.handle(.character("d"))
        #expect(state.focusedValue == "Date")
        _ = state.handle(.character("z"))
        #expect(state.focusedValue == "Date")
        _ = state.handle(.left)
        #expect(state.focusedValue == "Number")
        _ = state.handle(.character(" "))
        #expect(state.focusedValue == "Date")
    }

    @Test func rowsAreAddedBelowAndDeletedButOneAlwaysStays() {
        var state = GridState(columns: columns, rows: [["A"], ["B"]])
        #expect(state.rows[0] == ["A", "", "", ""])
        _ = state.handle(.control("n"))
        type("C", into: &state)
        #expect(state.rows.map { $0[0] } == ["A", "C", "B"])
        _ = state.handle(.control("d"))
        #expect(state.rows.map { $0[0] } == ["A", "B"] && state.focus.row == 1)
        _ = state.handle(.control("d"))
        _ = state.handle(.control("d"))
        #expect(state.rows == [state.blankRow] && state.isBlank(0))
    }

    @Test func editingInsideACellKeepsTheCursorWhereTheKeysPutIt() {
        var state = GridState(columns: columns)
        type("Membrs", into: &state)
        _ = state.handle(.left)
        _ = state.handle(.left)
        type("e", into: &state)
        _ = state.handle(.home)
        _ = state.handle(.delete)
        _ = state.handle(.end)
        _ = state.handle(.backspace)
        #expect(state.focusedValue == "ember" && state.cursor == 5)
        state.set("Zoë", at: GridCell(row: 0, column: 0))
        #expect(state.cursor == 3)
    }

    @Test func theGridDrawsHeadersCellsTheCursorAndProblems() {
        var state = GridState(columns: columns, rows: [["Email", "Text", "True", ""], ["Age", "Number", "False", "old"]])
        state.move(to: GridCell(row: 1, column: 3))
        state.errors = [GridCell(row: 1, column: 3): "not a number"]
        let buffer = render(state)
        #expect(
            buffer.lines == [
                "  Name     Type      Key Default    ",
                "  Email    Text      [x]            ",
                "✗ Age      Number    [ ] old        ",
                "                                    ",
            ])
        #expect(buffer[x: 0, y: 2].style == Style(.error))
        #expect(buffer[x: 25, y: 2].style == Style(.error, underline: true))
        #expect(buffer[x: 28, y: 2].style == Style(.selected))  // the cursor after "old"
        #expect(buffer[x: 2, y: 0].style == Style(.title, bold: true))
    }

    @Test func theFocusedRowStaysInView() {
        var state = GridState(columns: columns, rows: (1...6).map { ["F\($0)"] })
        state.move(to: GridCell(row: 5, column: 2))
        let buffer = render(state)
        #expect(buffer.lines[1].hasPrefix("  F4") && buffer.lines[3].hasPrefix("  F6"))
        #expect(buffer.lines[3].contains("[ ]"))
        #expect(buffer[x: 22, y: 3].style == Style(.selected))
    }

    /// Narrower than its columns, the grid scrolls sideways to show the focused cell whole, and
    /// says columns are hidden on the left; a long value out of focus ends in "…".
    @Test func aNarrowGridScrollsSidewaysToTheFocusedCell() {
        var state = GridState(columns: columns)
        type("EmailAddress", into: &state)
        #expect(render(state, columns: 24, rows: 2).lines == ["  Name     Type      Key", "  Address  Text      [ ]"])
        for _ in 0..<3 { _ = state.handle(.tab) }
        type("False", into: &state)
        let scrolled = render(state, columns: 24, rows: 2)
        #expect(scrolled.lines == ["◂ Type      Key Default ", "  Text      [ ] False   "])
        _ = state.handle(.backTab)
        _ = state.handle(.backTab)
        _ = state.handle(.backTab)
        #expect(render(state, columns: 24, rows: 2).lines[0] == "  Name     Type      Key", "back at the first column")
        _ = state.handle(.tab)
        #expect(render(state, columns: 24, rows: 2).lines[1] == "  EmailAd… ‹Text›    [ ]")
    }
}
