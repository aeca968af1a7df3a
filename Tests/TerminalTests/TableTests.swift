import Terminal
import Testing

/// The table over paged sources: what shows at fixed sizes, how selection and scrolling move
/// over 100 and 1,000,000 rows, and how changed cells are marked and fade.
@Suite struct TableTests {
    /// Rows computed on demand, as a data extension's pages are: only the window is built.
    struct CountingSource: TableDataSource {
        let rowCount: Int
        func rows(in range: Range<Int>) -> [TableRow] {
            range.map { TableRow(id: "\($0)", cells: ["member\($0)@lab.test", "\($0)", $0 % 2 == 0 ? "True" : "False"]) }
        }
    }

    let table = Table(columns: [
        TableColumn("EmailAddress", minimumWidth: 8), TableColumn("MemberID", alignment: .right), TableColumn("Updated"),
    ])

    func render(_ source: some TableDataSource, _ state: TableState, columns: Int = 40, rows: Int = 6) -> Buffer {
        var buffer = Buffer(size: TerminalSize(columns: columns, rows: rows))
        table.render(into: &buffer, area: buffer.bounds, source: source, state: state)
        return buffer
    }

    @Test func aSmallTableShowsHeaderRowsAndFooter() {
        var state = TableState()
        state.sortColumn = 1
        let buffer = render(CountingSource(rowCount: 3), state, columns: 44)
        #expect(
            buffer.lines == [
                "EmailAddress      MemberID ▲  Updated       ",
                "member0@lab.test           0  True          ",
                "member1@lab.test           1  False         ",
                "member2@lab.test           2  True          ",
                "                                            ",
                "                                      1 of 3",
            ])
        #expect(buffer[x: 0, y: 0].style == Style(.title, bold: true))
        #expect(buffer[x: 0, y: 1].style.role == .selected && buffer[x: 43, y: 1].style.role == .selected)
        #expect(buffer[x: 0, y: 2].style.role == .normal)
    }

    @Test func narrowScreensShrinkColumnsAndTruncateWithAnEllipsis() {
        let buffer = render(CountingSource(rowCount: 2), TableState(), columns: 24, rows: 4)
        #expect(
            buffer.lines == [
                "EmailAd…  Membe…  Updat…", "member0…       0  True  ", "member1…       1  False ", "                  1 of 2",
            ])
        #expect(render(CountingSource(rowCount: 0), TableState(), columns: 24, rows: 3).lines.last == "                 No rows")
    }

    @Test func selectionAndScrollingOverAHundredRows() {
        let source = CountingSource(rowCount: 100)
        let visible = table.visibleRowCount(in: Rect(x: 0, y: 0, width: 40, height: 6))
        #expect(visible == 4)
        var state = TableState()
        for _ in 0..<5 { _ = state.handle(.down, rowCount: 100, visibleRows: visible) }
        #expect(state.selected == 5 && state.offset == 2)
        #expect(render(source, state).lines[1...4].map { $0.prefix(9) } == ["member2@l", "member3@l", "member4@l", "member5@l"])
        _ = state.handle(.pageDown, rowCount: 100, visibleRows: visible)
        #expect(state.selected == 8 && state.offset == 5)
        _ = state.handle(.character("G"), rowCount: 100, visibleRows: visible)
        #expect(state.selected == 99 && state.offset == 96)
        #expect(render(source, state).lines.last?.hasSuffix("100 of 100") == true)
        _ = state.handle(.down, rowCount: 100, visibleRows: visible)
        #expect(state.selected == 99)
        _ = state.handle(.character("k"), rowCount: 100, visibleRows: visible)
        _ = state.handle(.home, rowCount: 100, visibleRows: visible)
        #expect(state.selected == 0 && state.offset == 0)
        state.scroll(by: 10, rowCount: 100, visibleRows: visible)
        #expect(state.offset == 10 && state.selected == 10)
        state.scroll(by: -3, rowCount: 100, visibleRows: visible)
        #expect(state.offset == 7 && state.selected == 10)
        let handled = state.handle(.character("x"), rowCount: 100, visibleRows: visible)
        #expect(!handled)
        let area = Rect(x: 0, y: 0, width: 40, height: 6)
        #expect(table.row(atY: 2, in: area, state: state, rowCount: 100) == 8)
        #expect(table.row(atY: 0, in: area, state: state, rowCount: 100) == nil)
        #expect(table.row(atY: 5, in: area, state: state, rowCount: 100) == nil)
        // The source shrank to 9 rows: render draws rows 5–8, and a click lands where it drew.
        #expect(table.row(atY: 1, in: area, state: state, rowCount: 9) == 5)
    }

    @Test func aMillionRowsOnlyFetchTheWindow() {
        let source = CountingSource(rowCount: 1_000_000)
        var state = TableState()
        _ = state.handle(.end, rowCount: source.rowCount, visibleRows: 4)
        #expect(state.selected == 999_999 && state.offset == 999_996)
        let buffer = render(source, state, columns: 48)
        #expect(buffer.lines[4].hasPrefix("member999999@lab.test    999999  False"))
        #expect(buffer.lines[5].hasSuffix("1,000,000 of 1,000,000"))
        _ = state.handle(.pageUp, rowCount: source.rowCount, visibleRows: 4)
        #expect(state.selected == 999_996 && state.offset == 999_996)
        state.scroll(by: -500_000, rowCount: source.rowCount, visibleRows: 4)
        #expect(state.offset == 499_996 && state.selected == 499_999)
    }

    /// The table marks the sorted column's direction in its header.
    @Test func theSortedColumnIsMarkedInTheHeader() {
        var seen: [String] = []
        for (column, ascending) in [(0, true), (0, false), (1, true), (1, false)] {
            var state = TableState()
            (state.sortColumn, state.ascending) = (column, ascending)
            seen.append(render(CountingSource(rowCount: 3), state, columns: 48).lines[0].withoutTrailingSpaces)
        }
        #expect(
            seen == [
                "EmailAddress ▲    MemberID  Updated", "EmailAddress ▼    MemberID  Updated",
                "EmailAddress      MemberID ▲  Updated", "EmailAddress      MemberID ▼  Updated",
            ])
        // `s` is no table key: a screen that sorts says so in its own mode.
        var state = TableState()
        let handled = state.handle(.character("s"), rowCount: 3, visibleRows: 4)
        #expect(!handled)
    }

    @Test func changedCellsAreHighlightedThenFade() {
        let now = ContinuousClock.now
        let rows = [
            TableRow(id: "a", cells: ["sam@lab.test", "1", "True"], changes: [2: now - .milliseconds(200)]),
            TableRow(id: "b", cells: ["sue@lab.test", "2", "True"], changes: [2: now - .seconds(2)]),
            TableRow(id: "c", cells: ["sid@lab.test", "3", "True"], changes: [2: now - .seconds(5)]),
        ]
        var buffer = Buffer(size: TerminalSize(columns: 40, rows: 5))
        var state = TableState()
        state.selected = 2
        table.render(into: &buffer, area: buffer.bounds, source: ArrayTableSource(rows), state: state, now: now)
        let updatedColumn = buffer.lines[0].distance(of: "Updated")
        #expect(buffer[x: updatedColumn, y: 1].style == Style(.highlight))
        #expect(buffer[x: updatedColumn, y: 2].style == Style(.accent, bold: true))
        #expect(buffer[x: updatedColumn, y: 3].style == Style(.selected))
        #expect(buffer[x: 0, y: 1].style == Style(.normal))
        // The words stay: meaning never rests on the highlight alone.
        #expect(buffer.lines[1].contains("True"))
    }

    @Test func columnWidthsShareWhatIsLeftByWhatEachStillWants() {
        #expect(Table.widthsForTests(wanted: [10, 5, 5], minimums: [4, 4, 4], available: 30) == [10, 5, 5])
        #expect(Table.widthsForTests(wanted: [20, 10, 4], minimums: [4, 4, 4], available: 24) == [8, 8, 4])
        #expect(Table.widthsForTests(wanted: [20, 10, 4], minimums: [4, 4, 4], available: 8) == [4, 2, 0])
        // A column marked to give way first shrinks to its minimum before the others move.
        #expect(Table.widthsForTests(wanted: [18, 36], minimums: [8, 8], available: 40, givingWayFirst: [1]) == [18, 20])
        #expect(Table.widthsForTests(wanted: [18, 36], minimums: [8, 8], available: 20, givingWayFirst: [1]) == [10, 8])
    }
}

extension String {
    fileprivate var withoutTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }
    fileprivate func distance(of part: String) -> Int {
        var index = startIndex
        var offset = 0
        while index < endIndex {
            if self[index...].hasPrefix(part) { return offset }
            index = self.index(after: index)
            offset += 1
        }
        return -1
    }
}
