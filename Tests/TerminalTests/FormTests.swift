import Terminal
import Testing

/// Forms driven by key scripts: typing, moving between fields, toggles and choices, errors as
/// you type and after a refused save — and what was typed is never lost.
@Suite struct FormTests {
    func fields() -> [FormField] {
        [
            FormField("Name"), FormField("Length", .number, value: "50"), FormField("Primary key", .boolean),
            FormField("Type", .choice(["Text", "Number", "Boolean"]), value: "Text"),
        ]
    }

    func type(_ text: String, into state: inout FormState) {
        for character in text { _ = state.handle(.character(character)) }
    }

    func render(_ state: FormState, columns: Int = 36, rows: Int = 6) -> Buffer {
        var buffer = Buffer(size: TerminalSize(columns: columns, rows: rows))
        Form().render(into: &buffer, area: buffer.bounds, state: state)
        return buffer
    }

    @Test func typingTabbingTogglingAndChoosing() {
        var state = FormState(fields: fields())
        type("Membrs", into: &state)
        _ = state.handle(.left)
        _ = state.handle(.left)
        type("e", into: &state)
        #expect(state.values[0] == "Members")
        _ = state.handle(.tab)
        _ = state.handle(.backspace)
        type("4", into: &state)
        _ = state.handle(.tab)
        _ = state.handle(.character(" "))
        _ = state.handle(.tab)
        _ = state.handle(.right)
        _ = state.handle(.right)
        #expect(state.values == ["Members", "54", "True", "Boolean"])
        _ = state.handle(.backTab)
        _ = state.handle(.character("f"))
        #expect(state.values[2] == "False" && state.focus == 2)
        _ = state.handle(.tab)
        _ = state.handle(.tab)
        #expect(state.focus == 0 && state.cursor == 7)
        _ = state.handle(.home)
        _ = state.handle(.delete)
        #expect(state.values[0] == "embers")
        // Enter and Esc are the owner's (a dialog saves, a wizard steps on).
        let enter = state.handle(.enter)
        let escape = state.handle(.escape)
        #expect(!enter && !escape)
    }

    @Test func theFormRendersLabelsValuesAndTheCursor() {
        var state = FormState(fields: fields())
        type("Members", into: &state)
        let buffer = render(state)
        #expect(
            buffer.lines == [
                "       Name  Members                ",
                "     Length  50                     ",
                "Primary key  [ ] False              ",
                "       Type  ‹ Text ›               ",
                "                                    ",
                "                                    ",
            ])
        #expect(buffer[x: 20, y: 0].style == Style(.selected))  // the cursor after "Members"
        #expect(buffer[x: 13, y: 0].style == Style(.normal, underline: true))
        #expect(buffer[x: 7, y: 0].style == Style(.accent, bold: true))  // the focused field's label
        #expect(buffer[x: 5, y: 1].style == Style(.normal))
    }

    @Test func aNumberIsCheckedAsItIsTypedAndTheTextStays() {
        var state = FormState(fields: fields())
        _ = state.handle(.tab)
        type("x", into: &state)
        #expect(state.fields[1].error == "\"50x\" is not a number")
        #expect(render(state).lines[2] == "             ✗ \"50x\" is not a number")
        _ = state.handle(.backspace)
        #expect(state.fields[1].error == nil && state.values[1] == "50")
        type(".5", into: &state)
        #expect(state.fields[1].error == nil)
    }

    @Test func aRefusedSaveKeepsEverythingTypedAndPointsAtTheProblem() {
        var state = FormState(fields: fields())
        type("Zoë 日本", into: &state)
        _ = state.handle(.tab)
        state.refuse(errors: [0: "A data extension named \"Zoë 日本\" already exists."])
        #expect(state.values == ["Zoë 日本", "50", "False", "Text"])
        #expect(state.focus == 0)
        let buffer = render(state, columns: 40)
        // The error wraps under the value, whole, and the fields below move down.
        #expect(
            Array(buffer.lines.prefix(4)) == [
                "       Name  Zoë 日本                   ",
                "             ✗ A data extension named   ",
                "             \"Zoë 日本\" already exists. ",
                "     Length  50                         ",
            ])
        #expect(Form().height(of: state, width: 40) == 6)
        #expect(Form().field(atY: 3, in: buffer.bounds, state: state) == 1)
        type("!", into: &state)
        #expect(state.fields[0].error == nil)
    }

    /// Curses sends a combining accent as its own key; it joins the letter before it.
    @Test func aCombiningMarkJoinsTheCharacterBeforeItAndTypingGoesOn() {
        var state = FormState(fields: [FormField("Name")])
        type("Zoe", into: &state)
        _ = state.handle(.character(Character(Unicode.Scalar(0x301)!)))
        type("y", into: &state)
        #expect(state.values == ["Zo\u{E9}y"] && state.cursor == 4)
        _ = state.handle(.backspace)
        _ = state.handle(.backspace)
        type("ë", into: &state)
        #expect(state.values == ["Zoë"] && state.cursor == 3)
        state.fields[0].value = "Z"
        _ = state.handle(.character("!"))
        #expect(state.values == ["Z!"])
    }

    @Test func aLongValueScrollsToKeepTheCursorInView() {
        var state = FormState(fields: [FormField("Key")])
        type("CONTACT-EVENT-f34a064a-32bb-f015", into: &state)
        let buffer = render(state, columns: 20, rows: 1)
        #expect(buffer.lines == ["Key  064a-32bb-f015 "])
        #expect(buffer[x: 19, y: 0].style == Style(.selected))
    }
}
