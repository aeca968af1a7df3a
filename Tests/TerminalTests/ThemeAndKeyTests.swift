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

    enum HelpOnly: Sendable, Hashable, CaseIterable { case help }

    static let helpMode = KeyMode<HelpOnly>(name: "global", summary: "Everywhere") { _ in
        KeyBinding([.character("?")], help: "Help", hint: "Help")
    }

    @Test func widgetsActOnTheKeysTheRegistryDocuments() {
        let registry = KeyRegistry(global: [Self.helpMode.erased], modes: WidgetKeys.all)
        #expect(registry.hints(for: [WidgetKeys.list.erased]).map { "\($0.keys) \($0.label)" } == ["↓ / j Move", "? Help"])
        for mode in WidgetKeys.all {
            for binding in mode.bindings { #expect(!binding.help.isEmpty, "\(mode.name)") }
        }
        // Every key the table documents moves it.
        for key in WidgetKeys.table.bindings.flatMap(\.binding.keys) {
            var state = TableState()
            state.selected = 5
            let handled = state.handle(key, rowCount: 10, visibleRows: 3)
            #expect(handled, "\(key)")
        }
        // And every key the editor documents does something in the middle of a text.
        for key in WidgetKeys.editor.bindings.flatMap(\.binding.keys) {
            var editor = TextEditor(text: "{\n  \"a\": 1,\n  \"b\": 2\n}", viewSize: TerminalSize(columns: 20, rows: 2))
            editor.moveCursor(to: TextEditor.Position(line: 1, column: 3))
            let handled = editor.handle(key)
            #expect(handled, "\(key)")
        }
        for key in WidgetKeys.list.bindings.flatMap(\.binding.keys) {
            var list = ListState()
            list.select(5, itemCount: 20, visibleHeight: 4)
            let handled = list.handle(key, itemCount: 20, visibleHeight: 4)
            #expect(handled, "\(key)")
        }
        for key in WidgetKeys.dialog.bindings.flatMap(\.binding.keys) {
            // From one button or the other, the key does something.
            let acts = [DialogButton.confirm, .cancel].contains { focus in
                var dialog = DialogState(focusedButton: focus)
                return dialog.handle(key) != nil || dialog.focusedButton != focus
            }
            #expect(acts, "\(key)")
        }
        // Every key the form documents is taken by a form (Enter and Esc are its owner's).
        for key in WidgetKeys.form.bindings.flatMap(\.binding.keys) {
            var form = FormState(fields: [FormField("Name", value: "Sam"), FormField("Updated", .boolean)])
            let handled = form.handle(key)
            #expect(handled, "\(key)")
        }
        for key in WidgetKeys.formDialog.bindings.flatMap(\.binding.keys) {
            var form = FormState(fields: [FormField("Name", value: "Sam")])
            let handled = form.handle(key)
            #expect(!handled, "\(key) is the dialog's, not the form's")
        }
        let markdown = registry.markdown(title: "Keys", introduction: "All of them.")
        #expect(markdown.contains("| ↑ / k | Select the row above |"))
        #expect(markdown.contains("## Forms"))
        #expect(Key.character(" ").helpName == "Space")
    }

    /// A footer says the keys in the words of the hint bar, so changing a key changes it too.
    @Test func dialogFootersComeFromTheBindings() {
        #expect(WidgetKeys.formDialog.footer(.save, .cancel) == "Enter Save · Esc Cancel")
        #expect(HelpScreen.footer == "Esc Close")
    }

    /// Two modes in force together may not bind one key twice; one mode may not either.
    @Test func aKeyBoundTwiceAmongModesActiveTogetherIsFound() {
        #expect(KeyRegistry.conflicts(among: [WidgetKeys.table.erased, Self.helpMode.erased]).isEmpty)
        let conflicts = KeyRegistry.conflicts(among: [WidgetKeys.table.erased, WidgetKeys.list.erased])
        #expect(conflicts.map(\.key).contains(.character("j")))
        #expect(
            conflicts.first?.description == "↑ is bound to \"table: Select the row above\" and to \"list: Select the item above\""
        )
        let doubled = AnyKeyMode(
            name: "doubled", summary: "Doubled",
            bindings: [KeyBinding([.enter], help: "Open"), KeyBinding([.enter], help: "Save")])
        #expect(KeyRegistry.conflicts(among: [doubled]).count == 1)
    }
}
