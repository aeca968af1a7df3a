import Terminal
import Testing

@Suite struct TextEditorTests {
    static let size = TerminalSize(columns: 30, rows: 6)

    /// The keys a person presses to type `script`: "\n" is Enter.
    func keys(_ script: String) -> [Key] {
        script.map { $0 == "\n" ? .enter : .character($0) }
    }

    /// What each key press answered.
    @discardableResult
    func press(_ keys: [Key], on editor: inout TextEditor) -> [Bool] {
        keys.map { editor.handle($0) }
    }

    func render(_ editor: TextEditor, size: TerminalSize = size, focused: Bool = true, errorLineNumber: Int? = nil) -> Buffer {
        var buffer = Buffer(size: size)
        editor.render(into: &buffer, area: Rect(size: size), focused: focused, errorLineNumber: errorLineNumber)
        return buffer
    }

    /// Rows padded to the screen's width, as `Buffer.lines` has them.
    func screen(_ rows: [String], size: TerminalSize = size) -> [String] {
        (rows + Array(repeating: "", count: max(0, size.rows - rows.count))).map { TextFitting.pad($0, to: size.columns) }
    }

    func selectedColumns(_ buffer: Buffer, row: Int) -> [Int] {
        (0..<buffer.size.columns).filter { buffer[x: $0, y: row].style.role == .selected }
    }

    @Test func aBodyTypedKeyByKeyIsIndentedLikeACodeEditor() {
        var editor = TextEditor(viewSize: Self.size)
        press(keys("{\n\"name\": \"Zoë\",\n\"tags\": [\n\"a\"\n]\n}"), on: &editor)
        #expect(editor.text == "{\n  \"name\": \"Zoë\",\n  \"tags\": [\n    \"a\"\n  ]\n}")
        #expect(editor.lines.count == 6)
        #expect(editor.cursor == TextEditor.Position(line: 5, column: 1))
        let buffer = render(editor)
        #expect(
            buffer.lines
                == screen([
                    "  1 {", "  2   \"name\": \"Zoë\",", "  3   \"tags\": [", "  4     \"a\"", "  5   ]", "  6 }",
                ]))
        #expect(selectedColumns(buffer, row: 5) == [5])
        #expect(buffer[x: 2, y: 0].style.role == .muted)
        #expect(buffer[x: 4, y: 0].style.role == .normal)
        #expect(JSONSyntax.check(editor.text) == nil)
    }

    @Test func enterBetweenBracketsPutsTheCloserOnItsOwnLine() {
        var editor = TextEditor(text: "  \"a\": {}")
        press([.end, .left, .enter], on: &editor)
        #expect(editor.lines == ["  \"a\": {", "    ", "  }"])
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 4))
        press(keys("[]") + [.left, .enter], on: &editor)
        #expect(editor.lines == ["  \"a\": {", "    [", "      ", "    ]", "  }"])
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 6))
    }

    @Test func enterKeepsIndentationAndTabIndentsTwoSpaces() {
        var editor = TextEditor(text: "    \"a\": 1, \"b\": 2")
        press([.home] + Array(repeating: .right, count: 11) + [.enter], on: &editor)
        #expect(editor.lines == ["    \"a\": 1,", "    \"b\": 2"], "the space after the cursor gives way to the indentation")
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 4))
        press([.home, .right, .right, .enter], on: &editor)
        #expect(editor.lines == ["    \"a\": 1,", "  ", "    \"b\": 2"], "inside the indentation nothing moves")
        press([.home, .tab], on: &editor)
        #expect(editor.lines[2] == "      \"b\": 2")
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 2))
    }

    @Test func arrowsCrossLineEndsAndUpDownKeepTheWantedColumn() {
        var editor = TextEditor(text: "abcdef\nx\nabcdef")
        #expect(press([.left], on: &editor) == [false], "nothing before the start")
        #expect(press([.end, .right], on: &editor) == [true, true])
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 0))
        #expect(press([.left], on: &editor) == [true])
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 6))
        press([.left, .down], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 1))
        press([.down], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 5), "the column wanted on the first line")
        press([.up, .up], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 5))
        press([.up], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 0), "up on the first line goes to its start")
        press([.down, .down, .down], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 6), "down on the last line goes to its end")
        #expect(press([.right], on: &editor) == [false], "nothing after the end")
        #expect(press([.down], on: &editor) == [false])
    }

    @Test func homeAndEndGoToTheLineEnds() {
        var editor = TextEditor(text: "  \"key\": true\nnext")
        #expect(press([.end], on: &editor) == [true])
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 13))
        #expect(press([.end], on: &editor) == [false])
        #expect(press([.home], on: &editor) == [true])
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 0))
    }

    @Test func backspaceAtALineStartJoinsItToThePreviousLine() {
        var editor = TextEditor(text: "ab\ncd")
        press([.down, .home], on: &editor)
        #expect(press([.backspace], on: &editor) == [true])
        #expect(editor.lines == ["abcd"])
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 2))
        #expect(press([.backspace], on: &editor) == [true])
        #expect(editor.lines == ["acd"])
        press([.home], on: &editor)
        #expect(press([.backspace], on: &editor) == [false])
    }

    @Test func deleteAtALineEndJoinsTheNextLine() {
        var editor = TextEditor(text: "ab\ncd\n")
        press([.end], on: &editor)
        #expect(press([.delete], on: &editor) == [true])
        #expect(editor.lines == ["abcd", ""])
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 2))
        press([.home], on: &editor)
        #expect(press([.delete], on: &editor) == [true])
        #expect(editor.text == "bcd\n")
        press([.down], on: &editor)
        #expect(press([.delete], on: &editor) == [false])
        press([.backspace, .backspace], on: &editor)
        #expect(editor.text == "bc")
    }

    @Test func theViewScrollsToKeepTheCursorInside() {
        var editor = TextEditor(viewSize: Self.size)
        press(keys("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight"), on: &editor)
        #expect(editor.scrollTop == 2)
        #expect(render(editor).lines == screen(["  3 three", "  4 four", "  5 five", "  6 six", "  7 seven", "  8 eight"]))
        press(Array(repeating: .up, count: 5), on: &editor)
        #expect(editor.scrollTop == 2, "line 3 is still in view")
        press([.up], on: &editor)
        #expect(editor.scrollTop == 1)
        let buffer = render(editor)
        #expect(buffer.lines[0] == TextFitting.pad("  2 two", to: 30))
        #expect(selectedColumns(buffer, row: 0) == [7])
    }

    @Test func pagesMoveByTheVisibleHeight() {
        let text = (1...20).map { "line \($0)" }.joined(separator: "\n")
        var editor = TextEditor(text: text, viewSize: Self.size)
        press([.pageDown], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 6, column: 0))
        #expect(render(editor).lines[0] == TextFitting.pad("  7 line 7", to: 30))
        press([.pageDown, .pageDown], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 18, column: 0))
        #expect(editor.scrollTop == 14, "no blank rows past the end")
        #expect(press([.pageDown, .pageDown, .pageDown], on: &editor) == [true, true, false])
        #expect(editor.cursor == TextEditor.Position(line: 19, column: 7))
        press([.pageUp], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 13, column: 7))
        #expect(editor.scrollTop == 8)
    }

    @Test func longLinesScrollSideways() {
        var editor = TextEditor(text: String(repeating: "0123456789", count: 4), viewSize: Self.size)
        press([.end], on: &editor)
        #expect(editor.scrollLeft == 15)
        let buffer = render(editor, size: TerminalSize(columns: 30, rows: 1))
        #expect(buffer.lines == ["  1 5678901234567890123456789 "])
        #expect(selectedColumns(buffer, row: 0) == [29])
        press([.home], on: &editor)
        #expect(render(editor, size: TerminalSize(columns: 30, rows: 1)).lines == ["  1 01234567890123456789012345"])
    }

    @Test func wideCharactersTakeTwoColumnsAndOneCursorStep() {
        var editor = TextEditor(viewSize: Self.size)
        press(keys("日本 Zoë"), on: &editor)
        #expect(editor.text == "日本 Zoë")
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 6))
        var buffer = render(editor)
        #expect(buffer.lines[0] == TextFitting.pad("  1 日本 Zoë", to: 30))
        #expect(selectedColumns(buffer, row: 0) == [12])
        press(Array(repeating: .left, count: 5), on: &editor)
        buffer = render(editor)
        #expect(selectedColumns(buffer, row: 0) == [6, 7], "the cursor covers all of 本")
        press([.backspace], on: &editor)
        #expect(editor.text == "本 Zoë")

        editor = TextEditor(text: "日本語\nabcdef")
        press([.end, .left, .down], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 1, column: 4), "down by display column")
        press([.left, .up], on: &editor)
        #expect(editor.cursor == TextEditor.Position(line: 0, column: 1), "column 3 is inside 本")

        editor = TextEditor(text: "Zoe\u{301}")
        press([.end, .backspace], on: &editor)
        #expect(editor.text == "Zo", "a decomposed ë is one grapheme")
    }

    @Test func aWideCharacterCutByTheScrollShowsAsASpace() {
        let size = TerminalSize(columns: 7, rows: 1)
        var editor = TextEditor(text: "abc日x", viewSize: size)
        press([.end], on: &editor)
        #expect(editor.scrollLeft == 4)
        let buffer = render(editor, size: size)
        #expect(buffer.lines == ["  1  x "])
        #expect(selectedColumns(buffer, row: 0) == [6])
    }

    /// The tutorial's contact event body, as copied from the page (four-space indentation).
    static let tutorialBody = """
        {
            "ContactKey": "susan@sausage.com",
            "EventDefinitionKey": "CONTACT-EVENT-f34a064a",
            "Data": {
                "EmailAddress": "susan@sausage.com",
                "Preference": "frankfurter"
            }
        }
        """

    /// A screen holding one editor, fed by the run loop as the app would be.
    final class EditorScreen {
        var editor = TextEditor(viewSize: TextEditorTests.size)
        var updates = 0

        func update(_ input: RunLoopInput<Never>) -> RunLoopStep {
            updates += 1
            switch input {
            case .event(.key(.escape)): return .quit
            case .event(.key(let key)): return editor.handle(key) ? .redraw : .unchanged
            case .event(.paste(let text)):
                editor.insert(text)
                return .redraw
            default: return .unchanged
            }
        }

        func view(_ size: TerminalSize) -> Buffer {
            var buffer = Buffer(size: size)
            editor.render(into: &buffer, area: Rect(x: 0, y: 0, width: 30, height: 6), focused: true)
            return buffer
        }
    }

    @Test func aPasteArrivesWholeAndKeepsItsIndentation() {
        let backend = MemoryBackend(size: TerminalSize(columns: 80, rows: 24))
        backend.queue(paste: Self.tutorialBody)
        backend.queue(.key(.escape))
        let app = EditorScreen()
        RunLoop<Never>(backend: backend).run(update: app.update, view: app.view)
        #expect(app.updates == 2, "one event for the whole paste, one for Esc")
        #expect(app.editor.text == Self.tutorialBody)
        #expect(app.editor.cursor == TextEditor.Position(line: 7, column: 1))
        #expect(app.editor.scrollTop == 2)
        #expect(backend.screen?.line(0) == TextFitting.pad("  3     \"EventDefinitionKey\": ", to: 80))
        #expect(JSONSyntax.check(app.editor.text) == nil)

        // Typed key by key instead, Enter's indentation would add to the text's own.
        var typed = TextEditor()
        press(keys("{\n  \"a\": 1\n}"), on: &typed)
        #expect(typed.text == "{\n    \"a\": 1\n  }")
    }

    @Test func pastingInsideALineSplitsItAroundThePaste() {
        var editor = TextEditor(text: "ab")
        press([.right], on: &editor)
        editor.insert("X\r\n  Y\rZ")
        #expect(editor.lines == ["aX", "  Y", "Zb"])
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 1))
        editor.insert("日本")
        #expect(editor.lines == ["aX", "  Y", "Z日本b"])
        #expect(editor.cursor == TextEditor.Position(line: 2, column: 3))
        #expect(TextEditor(text: "").lines == [""])
        #expect(TextEditor(text: "a\n").lines == ["a", ""])
    }

    @Test func theGutterMarksTheErrorLineAndAnUnfocusedEditorHidesItsCursor() {
        let editor = TextEditor(text: "{\n  \"a\": 1\n  \"b\": 2\n}", viewSize: Self.size)
        let buffer = render(editor, focused: false, errorLineNumber: 3)
        #expect(buffer.lines == screen(["  1 {", "  2   \"a\": 1", "  3   \"b\": 2", "  4 }"]))
        #expect((0..<4).map { buffer[x: $0, y: 2].style.role } == [.error, .error, .error, .error])
        #expect(buffer[x: 2, y: 1].style.role == .muted)
        #expect(selectedColumns(buffer, row: 0).isEmpty)
        let error = JSONSyntax.check(editor.text)
        #expect(error?.line == 3)
        var moved = editor
        moved.moveCursor(to: TextEditor.Position(line: (error?.line ?? 1) - 1, column: (error?.column ?? 1) - 1))
        #expect(moved.cursor == TextEditor.Position(line: 2, column: 2))
    }

    @Test func aThousandLinesWidenTheGutter() {
        let editor = TextEditor(text: String(repeating: "\n", count: 999) + "last", viewSize: Self.size)
        #expect(editor.gutterWidth == 5)
        var end = editor
        end.moveCursor(to: TextEditor.Position(line: 999, column: 99))
        #expect(end.cursor == TextEditor.Position(line: 999, column: 4))
        #expect(render(end).lines[5] == TextFitting.pad("1000 last", to: 30))
    }
}
