import Foundation
import Terminal
import Testing

/// Widgets drawn at fixed sizes and compared with the exact screen text; more tests in the
/// `WidgetRenderTests+….swift` files.
@Suite struct WidgetRenderTests {
    /// A `width` × `height` buffer, filled with `background` so tests see what a widget leaves alone.
    static func screen(
        _ width: Int, _ height: Int, background: Character = " ", draw: (inout Buffer, Rect) -> Void
    ) -> Buffer {
        var buffer = Buffer(size: TerminalSize(columns: width, rows: height))
        buffer.fill(buffer.bounds, with: background)
        draw(&buffer, buffer.bounds)
        return buffer
    }

    // MARK: Frame

    @Test func frameDrawsABoxWithItsTitleInTheTopBorder() {
        let frame = Frame(title: "Members")
        let buffer = Self.screen(12, 4) { frame.render(into: &$0, area: $1) }
        #expect(
            buffer.lines == [
                "┌ Members ─┐",
                "│          │",
                "│          │",
                "└──────────┘",
            ])
        #expect(buffer[x: 0, y: 0].style == Style(.muted))
        #expect(buffer[x: 11, y: 2].style == Style(.muted))
        #expect(buffer[x: 2, y: 0].style == Style(.title, bold: true))
        #expect(frame.inner(Rect(x: 0, y: 0, width: 12, height: 4)) == Rect(x: 1, y: 1, width: 10, height: 2))
    }

    @Test func frameTitlesAreCutWithAnEllipsisToFitTheBorder() {
        func top(_ title: String, width: Int) -> String {
            Self.screen(width, 2) { Frame(title: title).render(into: &$0, area: $1) }.line(0)
        }
        #expect(top("Members", width: 8) == "┌ Mem… ┐")
        #expect(top("Members", width: 6) == "┌ M… ┐")
        #expect(top("Members", width: 5) == "┌ … ┐")
        #expect(top("Members", width: 4) == "┌──┐")
        #expect(top("日本語タイトル", width: 12) == "┌ 日本語… ─┐")
    }

    @Test func aFocusedFrameDrawsItsBorderInTheAccentRoleWithinItsArea() {
        let buffer = Self.screen(10, 5, background: ".") { buffer, _ in
            Frame(title: "A", focused: true).render(into: &buffer, area: Rect(x: 2, y: 1, width: 6, height: 3))
        }
        #expect(
            buffer.lines == [
                "..........",
                "..┌ A ─┐..",
                "..│....│..",
                "..└────┘..",
                "..........",
            ])
        #expect(buffer[x: 2, y: 1].style == Style(.accent))
        #expect(buffer[x: 7, y: 3].style == Style(.accent))
    }

    @Test func aFrameTooSmallForABoxDrawsNothing() {
        for area in [
            Rect(x: 0, y: 0, width: 1, height: 3), Rect(x: 0, y: 0, width: 4, height: 1), Rect(x: 0, y: 0, width: 4, height: 0),
        ] {
            let buffer = Self.screen(4, 3, background: ".") { buffer, _ in Frame(title: "T").render(into: &buffer, area: area) }
            #expect(buffer.lines == ["....", "....", "...."])
        }
        #expect(Frame().inner(Rect(x: 3, y: 3, width: 1, height: 1)).isEmpty)
    }

    // MARK: Tabs

    static let tabTitles = ["Data Extensions", "Journeys", "Automations"]

    @Test func tabsShowEveryTitleWhenTheyFit() {
        let tabs = Tabs(titles: Self.tabTitles, selected: 1)
        let buffer = Self.screen(44, 1) { tabs.render(into: &$0, area: $1) }
        #expect(buffer.lines == [" Data Extensions │ Journeys │ Automations   "])
        #expect(buffer[x: 1, y: 0].style == Style(.muted))
        #expect(buffer[x: 17, y: 0].style == Style(.muted))
        #expect((18...27).allSatisfy { buffer[x: $0, y: 0].style == Style(.selected) })
        #expect(buffer[x: 28, y: 0].style == Style(.muted))
        let area = Rect(x: 0, y: 0, width: 44, height: 1)
        #expect(
            [0, 16, 17, 18, 27, 28, 29, 41, 42].map { tabs.index(atColumn: $0, in: area) } == [0, 0, nil, 1, 1, nil, 2, 2, nil])
    }

    @Test func tabsThatDoNotFitScrollToKeepTheSelectedOneInView() {
        func row(_ selected: Int, width: Int) -> String {
            Self.screen(width, 1) { Tabs(titles: Self.tabTitles, selected: selected).render(into: &$0, area: $1) }.line(0)
        }
        #expect(row(0, width: 25) == " Data Extensions        ›")
        #expect(row(1, width: 25) == "‹ Journeys │ Automations ")
        #expect(row(2, width: 25) == "‹ Journeys │ Automations ")
        #expect(row(0, width: 10) == " Data E… ›")
        #expect(row(1, width: 10) == "‹ Journ… ›")
        #expect(row(1, width: 1) == "›")
        let area = Rect(x: 5, y: 0, width: 25, height: 1)
        let tabs = Tabs(titles: Self.tabTitles, selected: 1)
        #expect([4, 5, 6, 15, 16, 17, 29, 30].map { tabs.index(atColumn: $0, in: area) } == [nil, 0, 1, 1, nil, 2, 2, nil])
        let first = Tabs(titles: Self.tabTitles, selected: 0)
        #expect(first.index(atColumn: 29, in: area) == 1, "the › marker stands for the next hidden tab")
    }

    @Test func tabsWithNothingToShowDrawNothing() {
        let empty = Self.screen(5, 1, background: ".") { Tabs(titles: [], selected: 0).render(into: &$0, area: $1) }
        #expect(empty.lines == ["....."])
        let flat = Self.screen(5, 1, background: ".") { buffer, _ in
            Tabs(titles: Self.tabTitles, selected: 9).render(into: &buffer, area: Rect(x: 0, y: 0, width: 5, height: 0))
        }
        #expect(flat.lines == ["....."])
        #expect(Tabs(titles: [], selected: 0).index(atColumn: 0, in: Rect(x: 0, y: 0, width: 5, height: 1)) == nil)
    }

    // MARK: Key hint bar

    static let hints = [
        KeyHint(keys: "q", label: "Quit"), KeyHint(keys: "/", label: "Filter"), KeyHint(keys: "?", label: "Help"),
    ]

    @Test func theKeyHintBarShowsKeysAndLabelsInOneRow() {
        let buffer = Self.screen(30, 2) { buffer, area in KeyHintBar(Self.hints).render(into: &buffer, area: area) }
        #expect(buffer.lines == ["q Quit · / Filter · ? Help    ", "                              "])
        #expect(buffer[x: 0, y: 0].style == Style(.accent, bold: true))
        #expect(buffer[x: 2, y: 0].style == Style(.hint))
        #expect(buffer[x: 7, y: 0].style == Style(.hint))
        #expect(buffer[x: 9, y: 0].style == Style(.accent, bold: true))
        #expect(buffer[x: 29, y: 0].style == Style(.hint), "the bar is one strip to the right edge")
        #expect(buffer[x: 0, y: 1].style == Style(.normal), "one row only")
    }

    @Test func aKeyHintBarTooLongIsCutWithAnEllipsisNotWrapped() {
        let buffer = Self.screen(12, 2) { KeyHintBar(Self.hints).render(into: &$0, area: $1) }
        #expect(buffer.lines == ["q Quit · / …", "            "])
        #expect(buffer[x: 11, y: 0].style == Style(.hint))
        let narrow = Self.screen(1, 1) { KeyHintBar(Self.hints).render(into: &$0, area: $1) }
        #expect(narrow.lines == ["…"])
        let none = Self.screen(3, 1, background: ".") { KeyHintBar([KeyHint]()).render(into: &$0, area: $1) }
        #expect(none.lines == ["   "])
    }

    /// However many hints a screen has, the pinned ones (help, quit) stay at the right end.
    @Test func pinnedHintsNeverFallOffTheBar() {
        let bar = KeyHintBar(Self.hints, pinned: [KeyHint(keys: "?", label: "Help")])
        #expect(Self.screen(40, 1) { bar.render(into: &$0, area: $1) }.lines == ["q Quit · / Filter · ? Help · ? Help     "])
        let narrow = Self.screen(24, 1) { bar.render(into: &$0, area: $1) }
        #expect(narrow.lines == ["q Quit · / Filte… ? Help"])
        #expect(narrow[x: 18, y: 0].style == Style(.accent, bold: true))
    }

    // MARK: Notice

    @Test func aNoticeWrapsOverTheRowsItHasAndSaysItsKindInASymbol() {
        let notice = Notice.error("MemberID: the value \"x7\" is not a whole number.")
        let buffer = Self.screen(24, 3, background: ".") { notice.render(into: &$0, area: $1) }
        #expect(buffer.lines == ["✗ MemberID: the value...", "\"x7\" is not a whole.....", "number.................."])
        #expect(buffer[x: 0, y: 0].style == Style(.error, bold: true))
        // Fewer rows than it needs: the last one says there is more.
        #expect(notice.lines(width: 24, limit: 2) == ["✗ MemberID: the value", "\"x7\" is not a whole num…"])
        #expect(Notice.success("Saved").lines(width: 24, limit: 2) == ["✓ Saved"])
        #expect(Notice.working("Saving…").kind.role == .accent && Notice.working("x").kind.symbol == "… ")
        #expect(Notice.plain("External key K").lines(width: 5, limit: 1) == ["Exte…"])
    }

    // MARK: Progress bar

    @Test func theProgressBarTakesTheWidthTheTextLeaves() {
        let bar = ProgressBar(completed: 600, total: 1_000)
        #expect(bar == ProgressBar(fraction: 0.6, label: "600/1,000"))
        let buffer = Self.screen(27, 1) { bar.render(into: &$0, area: $1) }
        #expect(buffer.lines == ["[██████░░░░] 60%  600/1,000"])
        #expect(buffer[x: 1, y: 0].style == Style(.success))
        #expect(buffer[x: 6, y: 0].style == Style(.success))
        #expect(buffer[x: 7, y: 0].style == Style(.muted))
        let wide = Self.screen(30, 1) { bar.render(into: &$0, area: $1) }
        #expect(wide.lines == ["[███████░░░░░░] 60%  600/1,000"])
    }

    /// The first row of `bar` drawn `width` columns wide.
    static func row(_ bar: ProgressBar, width: Int) -> String {
        screen(width, 1) { bar.render(into: &$0, area: $1) }.line(0)
    }

    @Test func aNarrowProgressBarShowsOnlyItsText() {
        let bar = ProgressBar(completed: 600, total: 1_000)
        #expect(Self.row(bar, width: 19) == "60%  600/1,000     ")
        #expect(Self.row(bar, width: 10) == "60%  600/…")
        #expect(Self.row(bar, width: 1) == "…")
        let long = ProgressBar(fraction: 0.5, label: "a label that leaves no room")
        #expect(Self.row(long, width: 34) == "50%  a label that leaves no room  ")
    }

    @Test func progressIsClampedAndRoundedDown() {
        #expect(Self.row(ProgressBar(fraction: 1.5), width: 20) == "[█████████████] 100%")
        #expect(ProgressBar(fraction: 1.5).percent == 100)
        #expect(ProgressBar(fraction: -1).percent == 0)
        #expect(ProgressBar(fraction: .nan).percent == 0)
        #expect(ProgressBar(fraction: 0.29).percent == 29)
        #expect(ProgressBar(fraction: 0.999).percent == 99)
        #expect(ProgressBar(completed: 0, total: 0).text == "0%  0/0")
        #expect(ProgressBar(completed: 1_234_567, total: 10_000_000).text == "12%  1,234,567/10,000,000")
        #expect(Self.row(ProgressBar(fraction: 0), width: 20) == "[░░░░░░░░░░░░░░░] 0%")
    }
}
