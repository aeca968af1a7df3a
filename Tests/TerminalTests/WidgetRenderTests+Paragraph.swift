import Terminal
import Testing

extension WidgetRenderTests {
    static let lesson = """
        # Lesson 1
        Fire the **event** and watch `flags` flip.
        Second line joins.

        - first item wraps here
        * second
          continued
        1. one
        10. ten items that wrap
        ```json
        {"key": "value that is long"}

        \tindented
        ```
        ## Next
        Done.
        """

    @Test func markdownLaysOutEveryConstruct() {
        let lines = Paragraph(markdown: Self.lesson).lines(width: 20)
        #expect(
            lines.map(\.text) == [
                "Lesson 1",
                "",
                "Fire the event and",
                "watch flags flip.",
                "Second line joins.",
                "",
                "• first item wraps",
                "  here",
                "• second continued",
                "1. one",
                "10. ten items that",
                "    wrap",
                "  {\"key\": \"value th…",
                "",
                "      indented",
                "",
                "Next",
                "",
                "Done.",
            ])
        #expect(lines.allSatisfy { $0.width <= 20 })
        #expect(Paragraph(markdown: Self.lesson).lineCount(width: 20) == 19)
    }

    @Test func markdownStylesHeadingsBoldAndCode() {
        let lines = Paragraph(markdown: Self.lesson).lines(width: 20)
        #expect(lines[0] == StyledLine("Lesson 1", style: Style(.title, bold: true)))
        #expect(
            lines[2].spans == [
                StyledSpan("Fire the "), StyledSpan("event", style: Style(.normal, bold: true)), StyledSpan(" and"),
            ])
        #expect(lines[3].spans == [StyledSpan("watch "), StyledSpan("flags", style: Style(.accent)), StyledSpan(" flip.")])
        #expect(lines[12].spans == [StyledSpan("  "), StyledSpan("{\"key\": \"value th…", style: Style(.accent))])
        let buffer = Self.screen(20, 19) { Paragraph(markdown: Self.lesson).render(into: &$0, area: $1) }
        #expect(buffer[x: 0, y: 0].style == Style(.title, bold: true))
        #expect(buffer[x: 9, y: 2].style == Style(.normal, bold: true))
        #expect(buffer[x: 8, y: 2].style == Style(.normal))
        #expect(buffer[x: 6, y: 3].style == Style(.accent))
        #expect(buffer[x: 2, y: 12].style == Style(.accent))
        #expect(buffer[x: 19, y: 12].grapheme == "…")
    }

    @Test func aParagraphScrollsWithinItsArea() {
        let paragraph = Paragraph(markdown: Self.lesson)
        let area = Rect(x: 0, y: 0, width: 20, height: 5)
        #expect(paragraph.maxScroll(in: area) == 14)
        let scrolled = Self.screen(20, 5) { paragraph.render(into: &$0, area: $1, scroll: 12) }
        #expect(
            scrolled.lines == [
                "  {\"key\": \"value th…",
                "                    ",
                "      indented      ",
                "                    ",
                "Next                ",
            ])
        let pastTheEnd = Self.screen(20, 5) { paragraph.render(into: &$0, area: $1, scroll: 100) }
        #expect(pastTheEnd.lines.map { $0.trimmingTrailingSpaces() } == ["      indented", "", "Next", "", "Done."])
        let beforeTheStart = Self.screen(20, 2) { paragraph.render(into: &$0, area: $1, scroll: -3) }
        #expect(beforeTheStart.lines == ["Lesson 1            ", "                    "])
    }

    @Test func wideCharactersWrapByDisplayWidth() {
        let paragraph = Paragraph(markdown: "Zoë 日本語のテキスト と `コード`")
        #expect(paragraph.lines(width: 9).map(\.text) == ["Zoë", "日本語の", "テキスト", "と コード"])
        let buffer = Self.screen(9, 4) { paragraph.render(into: &$0, area: $1) }
        #expect(buffer.lines == ["Zoë      ", "日本語の ", "テキスト ", "と コード"])
        #expect(buffer[x: 3, y: 3].style == Style(.accent))
        #expect(buffer[x: 0, y: 3].style == Style(.normal))
        #expect(Paragraph(markdown: "- 日本語 日本語").lines(width: 8).map(\.text) == ["• 日本語", "  日本語"])
        #expect(Paragraph(markdown: "日本語").lines(width: 5).map(\.text) == ["日本", "語"])
    }

    @Test func unmatchedMarkersAndOtherSyntaxStayText() {
        let lines = Paragraph(markdown: "a **b and `c\n#not a heading\n#### deep\n-not a list").lines(width: 80)
        #expect(lines.map(\.text) == ["a **b and `c #not a heading #### deep -not a list"])
        #expect(lines[0].spans.count == 1)
        let bold = Paragraph(markdown: "**bold `code`** after").lines(width: 80)
        #expect(
            bold[0].spans == [
                StyledSpan("bold ", style: Style(.normal, bold: true)), StyledSpan("code", style: Style(.accent, bold: true)),
                StyledSpan(" after"),
            ])
        let unclosedFence = Paragraph(markdown: "```\nlet x = 1").lines(width: 80)
        #expect(unclosedFence.map(\.text) == ["  let x = 1"])
    }

    @Test func plainTextKeepsItsLineBreaksAndInterpretsNothing() {
        let paragraph = Paragraph(text: "one **two**\n\nthree", style: Style(.muted))
        #expect(paragraph.lines(width: 6).map(\.text) == ["one", "**two*", "*", "", "three"])
        #expect(paragraph.lines(width: 6)[0] == StyledLine("one", style: Style(.muted)))
    }

    @Test func tinyWidthsAndEmptyAreasDrawNothingTheyCannotFit() {
        let paragraph = Paragraph(markdown: Self.lesson)
        #expect(paragraph.lines(width: 0).isEmpty)
        #expect(paragraph.lineCount(width: -4) == 0)
        let narrow = paragraph.lines(width: 1)
        #expect(narrow.allSatisfy { $0.width <= 1 })
        #expect(narrow.prefix(3).map(\.text) == ["L", "e", "s"])
        let untouched = Self.screen(4, 2, background: ".") { buffer, _ in
            paragraph.render(into: &buffer, area: Rect(x: 0, y: 0, width: 4, height: 0))
            paragraph.render(into: &buffer, area: Rect(x: 1, y: 0, width: 0, height: 2))
        }
        #expect(untouched.lines == ["....", "...."])
        #expect(Paragraph(markdown: "").lines(width: 10).isEmpty)
        #expect(Paragraph(markdown: "\n\n# Title\n\n\n").lines(width: 10).map(\.text) == ["Title"])
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
