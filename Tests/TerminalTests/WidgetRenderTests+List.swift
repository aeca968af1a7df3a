import Terminal
import Testing

extension WidgetRenderTests {
    static let hundredItems = (0..<100).map { "Item \($0)" }

    /// The state after each key, as (selected, offset), for a list of 100 items 5 rows high.
    static func positions(after keys: [Key], from start: ListState = ListState()) -> [String] {
        var state = start
        return keys.map { key in
            _ = state.handle(key, itemCount: 100, visibleHeight: 5)
            return "\(state.selected.map(String.init) ?? "-")@\(state.offset)"
        }
    }

    @Test func listKeysMoveTheSelectionAndKeepItInView() {
        let keys: [Key] = [
            .down, .character("j"), .down, .down, .down, .down, .pageDown, .pageDown, .up, .character("k"),
            .end, .up, .pageDown, .character("g"), .pageUp, .character("G"), .home, .pageUp,
        ]
        #expect(
            Self.positions(after: keys) == [
                "0@0", "1@0", "2@0", "3@0", "4@0", "5@1", "10@6", "15@11", "14@11", "13@11",
                "99@95", "98@95", "99@95", "0@0", "0@0", "99@95", "0@0", "0@0",
            ])
    }

    @Test func aFirstMoveSelectsTheTopItemInView() {
        #expect(Self.positions(after: [.down], from: ListState(selected: nil, offset: 40)) == ["40@40"])
        #expect(Self.positions(after: [.pageDown], from: ListState(selected: nil, offset: 40)) == ["40@40"])
        #expect(Self.positions(after: [.end], from: ListState(selected: nil, offset: 40)) == ["99@95"])
    }

    @Test func onlyListKeysAreHandled() {
        var state = ListState(selected: 3, offset: 0)
        let letter = state.handle(.character("x"), itemCount: 100, visibleHeight: 5)
        let enter = state.handle(.enter, itemCount: 100, visibleHeight: 5)
        #expect(!letter && !enter)
        #expect(state == ListState(selected: 3, offset: 0))
        let arrow = state.handle(.up, itemCount: 100, visibleHeight: 5)
        #expect(arrow)
        var empty = ListState()
        let arrowOnNothing = empty.handle(.down, itemCount: 0, visibleHeight: 5)
        #expect(arrowOnNothing, "a list key, even with nothing to move to")
        #expect(empty == ListState(selected: nil, offset: 0))
    }

    @Test func theWheelScrollsWithoutMovingTheSelection() {
        var state = ListState(selected: 2, offset: 0)
        state.scroll(by: 3, itemCount: 100, visibleHeight: 5)
        #expect(state == ListState(selected: 2, offset: 3))
        state.scroll(by: 1_000, itemCount: 100, visibleHeight: 5)
        #expect(state == ListState(selected: 2, offset: 95))
        state.scroll(by: -1_000, itemCount: 100, visibleHeight: 5)
        #expect(state == ListState(selected: 2, offset: 0))
        state.scroll(by: 3, itemCount: 4, visibleHeight: 5)
        #expect(state.offset == 0, "a list shorter than its area does not scroll")
    }

    @Test func aListHighlightsTheSelectedRowAcrossTheFullWidth() {
        var state = ListState()
        for key: Key in [.end, .up] { _ = state.handle(key, itemCount: 100, visibleHeight: 5) }
        let list = ListView(items: Self.hundredItems, state: state)
        let buffer = Self.screen(12, 5) { list.render(into: &$0, area: $1) }
        #expect(buffer.lines == ["Item 95     ", "Item 96     ", "Item 97     ", "Item 98     ", "Item 99     "])
        #expect(buffer[x: 0, y: 3].style == Style(.selected))
        #expect(buffer[x: 11, y: 3].style == Style(.selected))
        #expect(buffer[x: 11, y: 2].style == Style(.normal))
        #expect(buffer[x: 0, y: 4].style == Style(.normal))
    }

    @Test func clicksFindTheItemUnderARow() {
        let list = ListView(items: Self.hundredItems, state: ListState(selected: 0, offset: 3))
        let area = Rect(x: 0, y: 1, width: 12, height: 5)
        #expect([0, 1, 3, 5, 6].map { list.index(atRow: $0, in: area) } == [nil, 3, 5, 7, nil])
        let short = ListView(items: ["a", "b"], state: ListState())
        #expect([1, 2, 3].map { short.index(atRow: $0, in: area) } == [0, 1, nil])
    }

    @Test func longItemsAreCutAndAStaleOffsetIsClamped() {
        let items = ["A very long item name", "日本語のアイテム", "short"]
        let list = ListView(items: items, state: ListState(selected: 1, offset: 50))
        let buffer = Self.screen(10, 4, background: ".") { buffer, _ in
            list.render(into: &buffer, area: Rect(x: 0, y: 0, width: 10, height: 3))
        }
        #expect(buffer.lines == ["A very lo…", "日本語の… ", "short.....", ".........."])
        #expect(buffer[x: 9, y: 1].style == Style(.selected))
        let oneColumn = Self.screen(1, 1) { ListView(items: items, state: ListState()).render(into: &$0, area: $1) }
        #expect(oneColumn.lines == ["…"])
        let none = Self.screen(3, 1, background: ".") { buffer, _ in
            list.render(into: &buffer, area: Rect(x: 0, y: 0, width: 3, height: 0))
        }
        #expect(none.lines == ["..."])
        var state = ListState(selected: 80, offset: 78)
        state.clamp(itemCount: 10, visibleHeight: 5)
        #expect(state == ListState(selected: 9, offset: 5))
    }
}
