/// The keys the widgets themselves understand; screens add their own modes to the registry.
public enum WidgetKeys {
    public static let table = KeyMode(
        name: "table", summary: "Tables",
        bindings: [
            KeyBinding("table.up", [.up, .character("k")], help: "Select the row above", hint: nil),
            KeyBinding("table.down", [.down, .character("j")], help: "Select the row below", hint: "Move"),
            KeyBinding("table.pageUp", [.pageUp], help: "Up one screen of rows"),
            KeyBinding("table.pageDown", [.pageDown], help: "Down one screen of rows"),
            KeyBinding("table.first", [.home, .character("g")], help: "First row"),
            KeyBinding("table.last", [.end, .character("G")], help: "Last row"),
            KeyBinding("table.sort", [.character("s")], help: "Sort by the next column (again: reverse)", hint: "Sort"),
        ])

    public static let form = KeyMode(
        name: "form", summary: "Forms",
        bindings: [
            KeyBinding("form.next", [.tab, .down], help: "Next field", hint: "Next field"),
            KeyBinding("form.previous", [.backTab, .up], help: "Previous field"),
            KeyBinding("form.left", [.left], help: "Move the cursor left; previous choice"),
            KeyBinding("form.right", [.right], help: "Move the cursor right; next choice"),
            KeyBinding("form.start", [.home], help: "Start of the field"),
            KeyBinding("form.end", [.end], help: "End of the field"),
            KeyBinding("form.deleteBackward", [.backspace], help: "Delete the character before the cursor"),
            KeyBinding("form.deleteForward", [.delete], help: "Delete the character at the cursor"),
            KeyBinding("form.toggle", [.character(" ")], help: "Switch a True/False field; next choice"),
            KeyBinding("form.submit", [.enter], help: "Save", hint: "Save"),
            KeyBinding("form.cancel", [.escape], help: "Cancel, keeping nothing", hint: "Cancel"),
        ])

    public static let grid = KeyMode(
        name: "grid", summary: "Grids (one row per item)",
        bindings: [
            KeyBinding("grid.next", [.tab], help: "Next cell; past the last cell, a new row", hint: "Next cell"),
            KeyBinding("grid.previous", [.backTab], help: "Previous cell"),
            KeyBinding("grid.up", [.up], help: "Same cell of the row above"),
            KeyBinding("grid.down", [.down], help: "Same cell of the row below"),
            KeyBinding("grid.left", [.left], help: "Move the cursor left; previous choice"),
            KeyBinding("grid.right", [.right], help: "Move the cursor right; next choice"),
            KeyBinding("grid.start", [.home], help: "Start of the cell"),
            KeyBinding("grid.end", [.end], help: "End of the cell"),
            KeyBinding("grid.deleteBackward", [.backspace], help: "Delete the character before the cursor"),
            KeyBinding("grid.deleteForward", [.delete], help: "Delete the character at the cursor"),
            KeyBinding(
                "grid.toggle", [.character(" ")],
                help: "Switch a yes/no cell; next choice (a letter picks the choice starting with it)"),
            KeyBinding("grid.addRow", [.control("n"), .insert], help: "New row below this one", hint: "New row"),
            KeyBinding("grid.deleteRow", [.control("d")], help: "Delete this row", hint: "Delete row"),
        ])

    public static let editor = KeyMode(
        name: "editor", summary: "JSON editor",
        bindings: [
            KeyBinding("editor.move", [.up, .down, .left, .right], help: "Move the cursor, across line ends"),
            KeyBinding("editor.line", [.home, .end], help: "Start or end of the line"),
            KeyBinding("editor.page", [.pageUp, .pageDown], help: "Up or down one screen"),
            KeyBinding("editor.newline", [.enter], help: "New line, keeping the indentation"),
            KeyBinding("editor.indent", [.tab], help: "Two spaces"),
            KeyBinding("editor.delete", [.backspace, .delete], help: "Delete; at a line end, join the lines"),
        ])

    public static let list = KeyMode(
        name: "list", summary: "Lists",
        bindings: [
            KeyBinding("list.up", [.up, .character("k")], help: "Select the item above"),
            KeyBinding("list.down", [.down, .character("j")], help: "Select the item below", hint: "Move"),
            KeyBinding("list.pageUp", [.pageUp], help: "Up one screen"),
            KeyBinding("list.pageDown", [.pageDown], help: "Down one screen"),
            KeyBinding("list.first", [.home, .character("g")], help: "First item"),
            KeyBinding("list.last", [.end, .character("G")], help: "Last item"),
        ])

    public static let dialog = KeyMode(
        name: "dialog", summary: "Dialogs",
        bindings: [
            KeyBinding("dialog.left", [.left], help: "Focus the confirming button"),
            KeyBinding("dialog.right", [.right], help: "Focus the cancelling button"),
            KeyBinding("dialog.switch", [.tab, .backTab], help: "Switch between the buttons"),
            KeyBinding("dialog.choose", [.enter], help: "Press the focused button", hint: "Choose"),
            KeyBinding("dialog.confirm", [.character("y"), .character("Y")], help: "Confirm"),
            KeyBinding("dialog.cancel", [.escape, .character("n"), .character("N")], help: "Cancel", hint: "Cancel"),
        ])

    public static let help = KeyMode(
        name: "help", summary: "Help screen",
        bindings: [
            KeyBinding("help.scroll", [.up, .down, .pageUp, .pageDown], help: "Scroll"),
            KeyBinding("help.close", [.escape, .character("?")], help: "Close the help", hint: "Close"),
        ])

    public static let mouse = KeyMode(
        name: "mouse", summary: "Mouse (off with --no-mouse)",
        bindings: [
            KeyBinding("mouse.click", [], help: "Click a row or a tab: select it (keys: arrows, Tab)"),
            KeyBinding("mouse.wheel", [], help: "Wheel: scroll tables and lists (keys: PgUp / PgDn)"),
        ])

    public static let all = [table, list, form, grid, editor, dialog, help, mouse]
}
