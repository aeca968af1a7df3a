import Terminal
import Testing

@Suite struct ThemeAndKeyTests {
    @Test func theThemeFollowsTheTerminalAndNoColor() {
        #expect(Theme.choose(colorCount: 256, environment: [:], noColor: false) == .extended)
        #expect(Theme.choose(colorCount: 8, environment: [:], noColor: false) == .basic)
        #expect(Theme.choose(colorCount: 0, environment: [:], noColor: false) == .monochrome)
        #expect(Theme.choose(colorCount: 256, environment: ["NO_COLOR": ""], noColor: false) == .monochrome)
        #expect(Theme.choose(colorCount: 256, environment: [:], noColor: true) == .monochrome)
    }

    /// Without colors, every role that means something still looks different from plain text.
    @Test func meaningNeverRestsOnColorAlone() {
        let plain = Theme.monochrome.appearance(of: .normal)
        for role in StyleRole.allCases where role != .normal {
            let look = Theme.monochrome.appearance(of: role)
            #expect(look != plain, "\(role)")
            #expect(look.foreground == nil && look.background == nil)
        }
        #expect(Theme.monochrome.appearance(of: .selected).reverse)
        #expect(Theme.monochrome.appearance(of: .error) != Theme.monochrome.appearance(of: .warning))
        for theme in [Theme.basic, .extended] {
            #expect(theme.appearance(of: .error).bold && theme.appearance(of: .error).foreground != nil)
        }
    }

    @Test func widgetsActOnTheKeysTheRegistryDocuments() {
        let registry = KeyRegistry(
            global: KeyMode(
                name: "global", summary: "Everywhere",
                bindings: [KeyBinding("app.help", [.character("?")], help: "Help", hint: "Help")]),
            modes: WidgetKeys.all)
        #expect(registry.hints(for: ["table"]).map { "\($0.keys) \($0.label)" } == ["↓ / j Move", "s Sort", "? Help"])
        for mode in WidgetKeys.all {
            for binding in mode.bindings { #expect(!binding.help.isEmpty, "\(binding.id)") }
        }
        // Every key the table documents moves it.
        for key in WidgetKeys.table.bindings.flatMap(\.keys) {
            var state = TableState()
            state.selected = 5
            let handled = state.handle(key, rowCount: 10, visibleRows: 3, columnCount: 2)
            #expect(handled, "\(key)")
        }
        // And every key the editor documents does something in the middle of a text.
        for key in WidgetKeys.editor.bindings.flatMap(\.keys) {
            var editor = TextEditor(text: "{\n  \"a\": 1,\n  \"b\": 2\n}", viewSize: TerminalSize(columns: 20, rows: 2))
            editor.moveCursor(to: TextEditor.Position(line: 1, column: 3))
            let handled = editor.handle(key)
            #expect(handled, "\(key)")
        }
        for key in WidgetKeys.list.bindings.flatMap(\.keys) {
            var list = ListState()
            list.select(5, itemCount: 20, visibleHeight: 4)
            let handled = list.handle(key, itemCount: 20, visibleHeight: 4)
            #expect(handled, "\(key)")
        }
        for key in WidgetKeys.dialog.bindings.flatMap(\.keys) {
            // From one button or the other, the key does something.
            let acts = [DialogAction.confirm, .cancel].contains { focus in
                var dialog = DialogState(focusedButton: focus)
                return dialog.handle(key) != nil || dialog.focusedButton != focus
            }
            #expect(acts, "\(key)")
        }
        let markdown = registry.markdown(title: "Keys", introduction: "All of them.")
        #expect(markdown.contains("| ↑ / k | Select the row above |"))
        #expect(markdown.contains("## Forms"))
        #expect(Key.character(" ").helpName == "Space")
    }
}
