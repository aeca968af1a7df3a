import Terminal
import Testing

extension WidgetRenderTests {
    static let deleteDialog = Dialog(
        title: "Delete rows", message: "Delete 3 rows from Members? This cannot be undone.", confirmLabel: "Delete",
        state: DialogState())

    @Test func aDialogIsACentredBoxOverAnUntouchedBackground() {
        let buffer = Self.screen(40, 10, background: ".") { Self.deleteDialog.render(into: &$0, area: $1) }
        #expect(
            buffer.lines == [
                "........................................",
                "........................................",
                "┌ Delete rows ─────────────────────────┐",
                "│ Delete 3 rows from Members? This     │",
                "│ cannot be undone.                    │",
                "│                                      │",
                "│        [ Delete ]  [ Cancel ]        │",
                "└──────────────────────────────────────┘",
                "........................................",
                "........................................",
            ])
        #expect(buffer[x: 0, y: 2].style == Style(.accent))
        #expect(buffer[x: 2, y: 2].style == Style(.title, bold: true))
        #expect(buffer[x: 9, y: 6].style == Style(.normal))
        #expect(buffer[x: 21, y: 6].style == Style(.selected, bold: true), "Cancel has the focus to begin with")
        #expect(buffer[x: 30, y: 6].style == Style(.selected, bold: true))
        #expect(Self.deleteDialog.box(in: buffer.bounds) == Rect(x: 0, y: 2, width: 40, height: 6))
    }

    @Test func aShortDialogGivesUpMessageLinesBeforeItsButtons() {
        var dialog = Self.deleteDialog
        dialog.state.focusedButton = .confirm
        let buffer = Self.screen(40, 5) { dialog.render(into: &$0, area: $1) }
        #expect(
            buffer.lines == [
                "┌ Delete rows ─────────────────────────┐",
                "│ Delete 3 rows from Members? This     │",
                "│                                      │",
                "│        [ Delete ]  [ Cancel ]        │",
                "└──────────────────────────────────────┘",
            ])
        #expect(buffer[x: 9, y: 3].style == Style(.selected, bold: true))
        #expect(buffer[x: 21, y: 3].style == Style(.normal))
        let small = Dialog(title: "Quit?", message: "", state: DialogState())
        let compact = Self.screen(26, 5, background: ".") { small.render(into: &$0, area: $1) }
        #expect(
            compact.lines == [
                "..┌ Quit? ─────────────┐..",
                "..│                    │..",
                "..│ [ OK ]  [ Cancel ] │..",
                "..└────────────────────┘..",
                "..........................",
            ])
        let none = Self.screen(10, 2, background: ".") { buffer, _ in
            Self.deleteDialog.render(into: &buffer, area: Rect(x: 0, y: 0, width: 10, height: 0))
        }
        #expect(none.lines == ["..........", ".........."])
    }

    @Test func dialogKeysMoveTheFocusAndChoose() {
        var state = DialogState()
        #expect(state.handle(.left) == nil)
        #expect(state.focusedButton == .confirm)
        #expect(state.handle(.enter) == .confirm)
        #expect(state.handle(.tab) == nil)
        #expect(state.focusedButton == .cancel)
        #expect(state.handle(.backTab) == nil)
        #expect(state.focusedButton == .confirm)
        #expect(state.handle(.right) == nil)
        #expect(state.handle(.enter) == .cancel)
        #expect(state.handle(.escape) == .cancel)
        #expect(state.handle(.character("y")) == .confirm)
        #expect(state.handle(.character("n")) == .cancel)
        #expect(state.handle(.character("x")) == nil)
        #expect(state.focusedButton == .cancel)
    }

    @Test func clicksFindTheDialogButtons() {
        let area = Rect(x: 0, y: 0, width: 40, height: 10)
        let dialog = Self.deleteDialog
        #expect(
            [8, 9, 18, 19, 20, 21, 30, 31].map { dialog.button(at: $0, y: 6, in: area) } == [
                nil, .confirm, .confirm, nil, nil, .cancel, .cancel, nil,
            ])
        #expect(dialog.button(at: 9, y: 5, in: area) == nil)
    }

    // MARK: Help screen

    static let helpSections = [
        HelpSection(title: "Global", rows: [(keys: "q", description: "Quit"), (keys: "?", description: "Help")]),
        HelpSection(title: "Tables", rows: [(keys: "↑ / k", description: "Up"), (keys: "↓ / j", description: "Down")]),
        HelpSection(title: "Dialogs", rows: [(keys: "Enter", description: "Choose"), (keys: "Esc", description: "Cancel")]),
    ]

    @Test func theHelpScreenSetsSectionsInColumnsThatFit() {
        let help = HelpScreen(sections: Self.helpSections)
        let buffer = Self.screen(40, 10, background: ".") { help.render(into: &$0, area: $1) }
        #expect(
            buffer.lines == [
                "┌ Help ────────────────────────────────┐",
                "│ Global             Tables            │",
                "│ q  Quit            ↑ / k  Up         │",
                "│ ?  Help            ↓ / j  Down       │",
                "│                                      │",
                "│ Dialogs                              │",
                "│ Enter  Choose                        │",
                "│ Esc    Cancel                        │",
                "│ Esc Close                            │",
                "└──────────────────────────────────────┘",
            ])
        #expect(buffer[x: 2, y: 1].style == Style(.title, bold: true))
        #expect(buffer[x: 21, y: 2].style == Style(.accent, bold: true))
        #expect(buffer[x: 28, y: 2].style == Style(.normal))
        #expect(buffer[x: 2, y: 8].style == Style(.hint))
        #expect(help.maxScroll(in: buffer.bounds) == 0)
    }

    @Test func theHelpScreenScrollsAndNarrowsToOneColumn() {
        let area = Rect(x: 0, y: 0, width: 40, height: 6)
        let scrolled = HelpScreen(sections: Self.helpSections, scroll: 99)
        #expect(scrolled.lineCount(in: area) == 7)
        #expect(scrolled.maxScroll(in: area) == 4)
        let buffer = Self.screen(40, 6) { scrolled.render(into: &$0, area: $1) }
        #expect(
            buffer.lines == [
                "┌ Help ────────────────────────────────┐",
                "│ Dialogs                              │",
                "│ Enter  Choose                        │",
                "│ Esc    Cancel                        │",
                "│ Esc Close                            │",
                "└──────────────────────────────────────┘",
            ])
        let narrow = HelpScreen(sections: Self.helpSections)
        #expect(narrow.lineCount(in: Rect(x: 0, y: 0, width: 20, height: 8)) == 11)
        let column = Self.screen(20, 8) { narrow.render(into: &$0, area: $1) }
        #expect(
            column.lines == [
                "┌ Help ────────────┐",
                "│ Global           │",
                "│ q  Quit          │",
                "│ ?  Help          │",
                "│                  │",
                "│ Tables           │",
                "│ Esc Close · ↓ /… │",
                "└──────────────────┘",
            ])
    }

    @Test func helpRowsTooLongWrapUnderTheirDescriptionAndTinyAreasAreSafe() {
        let help = HelpScreen(sections: [
            HelpSection(title: "Dialogs", rows: [(keys: "Enter", description: "Press the focused button")])
        ])
        let buffer = Self.screen(20, 7) { help.render(into: &$0, area: $1) }
        #expect(Array(buffer.lines[2...4]) == ["│ Enter  Press the │", "│        focused   │", "│        button    │"])
        let none = Self.screen(4, 2, background: ".") { buffer, _ in
            help.render(into: &buffer, area: Rect(x: 0, y: 0, width: 4, height: 0))
        }
        #expect(none.lines == ["....", "...."])
        let tiny = Self.screen(1, 1, background: ".") { help.render(into: &$0, area: $1) }
        #expect(tiny.lines == [" "])
        #expect(help.maxScroll(in: Rect(x: 0, y: 0, width: 1, height: 1)) == 0)
    }
}
