import Terminal
import Testing

@Suite struct BufferTests {
    @Test func writingKeepsColumnsAlignedForWideText() {
        var buffer = Buffer(size: TerminalSize(columns: 12, rows: 3))
        buffer.write("Zoë 日本 😀", x: 0, y: 0)
        buffer.write("|", x: 11, y: 0)
        buffer.write("abc", x: 10, y: 1)
        buffer.write("日本", x: 9, y: 2)
        #expect(buffer.lines == ["Zoë 日本 😀|", "          ab", "         日 "])
        #expect(buffer[x: 5, y: 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: TerminalSize(columns: 6, rows: 1))
        buffer.write("日本語", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.lines == [" xy 語"])
    }

    @Test func clippingStopsAtTheRectangle() {
        var buffer = Buffer(size: TerminalSize(columns: 10, rows: 2))
        let written = buffer.write("Journey Builder", x: 2, y: 1, clip: Rect(x: 2, y: 1, width: 5, height: 1))
        #expect(written == 5)
        #expect(buffer.lines == ["          ", "  Journ   "])
        #expect(buffer.write("hidden", x: 0, y: 0, clip: Rect(x: 0, y: 1, width: 10, height: 1)) == 0)
    }

    @Test func fillAndStyleCoverTheirRectangleOnly() {
        var buffer = Buffer(size: TerminalSize(columns: 4, rows: 2))
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 5), with: "#", style: Style(.selected))
        #expect(buffer.lines == [" ## ", " ## "])
        #expect(buffer[x: 1, y: 1].style.role == .selected)
        #expect(buffer[x: 0, y: 1].style.role == .normal)
        buffer.setStyle(Style(.error, bold: true), in: Rect(x: 0, y: 0, width: 1, height: 1))
        #expect(buffer[x: 0, y: 0].style == Style(.error, bold: true))
    }

    @Test func theDescriptionShowsTheScreenForFailingTests() {
        var buffer = Buffer(size: TerminalSize(columns: 8, rows: 2))
        buffer.write("Members", x: 0, y: 1)
        #expect(buffer.description == "┌ 8×2 ┐\n│\n│Members\n└")
    }

    @Test func layoutsShareSpaceBetweenFixedAndFlexibleParts() {
        let screen = Rect(x: 0, y: 0, width: 100, height: 30)
        let rows = Layout.rows([.fixed(1), .flexible(1), .fixed(1)], in: screen)
        #expect(rows.map(\.height) == [1, 28, 1])
        #expect(rows.map(\.y) == [0, 1, 29])
        let columns = Layout.columns([.fixed(20), .flexible(1), .flexible(2)], in: rows[1])
        #expect(columns.map(\.width) == [20, 26, 54])
        #expect(columns.map(\.x) == [0, 20, 46])
        #expect(Layout.columns([.fixed(50), .fixed(80)], in: screen).map(\.width) == [50, 50])
        #expect(screen.centered(width: 40, height: 3) == Rect(x: 30, y: 13, width: 40, height: 3))
    }

    @Test func wideCharactersCutByAClipEdgeLeaveSpacesNotHalves() {
        var buffer = Buffer(size: TerminalSize(columns: 6, rows: 2))
        buffer.write("xxxxxx", x: 0, y: 0)
        buffer.write("日本", x: -1, y: 0)
        #expect(buffer.lines[0] == " 本xxx")
        buffer.write("日本", x: 0, y: 1)
        buffer.write("ab日", x: 0, y: 1, clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(buffer.lines[1] == "ab    ")
    }
}
