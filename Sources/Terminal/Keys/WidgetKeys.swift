/// What a table does with a key.
public enum TableAction: Sendable, Hashable, CaseIterable {
    case up, down, pageUp, pageDown, first, last
}

/// What a list does with a key.
public enum ListAction: Sendable, Hashable, CaseIterable {
    case up, down, pageUp, pageDown, first, last
}

/// What a form does with a key; typed characters go into the focused field. Saving and
/// leaving are the owner's keys (a dialog's, a wizard's step).
public enum FormAction: Sendable, Hashable, CaseIterable {
    case next, previous, left, right, start, end, deleteBackward, deleteForward, toggle
}

/// What a dialog holding a form does with Enter and Esc.
public enum FormDialogAction: Sendable, Hashable, CaseIterable {
    case save, cancel
}

/// What an editable grid does with a key; typed characters go into the focused cell.
public enum GridAction: Sendable, Hashable, CaseIterable {
    case next, previous, up, down, left, right, start, end, deleteBackward, deleteForward, toggle, addRow, deleteRow
}

/// What the text editor does with a key; typed characters are inserted.
public enum EditorAction: Sendable, Hashable, CaseIterable {
    case up, down, left, right, lineStart, lineEnd, pageUp, pageDown, newline, indent, deleteBackward, deleteForward
}

/// What a confirm dialog does with a key.
public enum DialogAction: Sendable, Hashable, CaseIterable {
    case focusConfirm, focusCancel, switchButton, choose, confirm, cancel
}

/// What the `?` screen does with a key.
public enum HelpAction: Sendable, Hashable, CaseIterable {
    case scrollUp, scrollDown, pageUp, pageDown, top, bottom, close
}

/// What the mouse does: documented beside the keys, bound to no key.
public enum MouseAction: Sendable, Hashable, CaseIterable {
    case click, wheel
}

/// The keys the widgets themselves understand; screens add their own modes to the registry.
public enum WidgetKeys {
    public static let table = KeyMode<TableAction>(name: "table", summary: "Tables") { action in
        switch action {
        case .up: KeyBinding([.up, .character("k")], help: "Select the row above")
        case .down: KeyBinding([.down, .character("j")], help: "Select the row below")
        case .pageUp: KeyBinding([.pageUp], help: "Up one screen of rows")
        case .pageDown: KeyBinding([.pageDown], help: "Down one screen of rows")
        case .first: KeyBinding([.home, .character("g")], help: "First row")
        case .last: KeyBinding([.end, .character("G")], help: "Last row")
        }
    }

    public static let form = KeyMode<FormAction>(name: "form", summary: "Forms") { action in
        switch action {
        case .next: KeyBinding([.tab, .down], help: "Next field", hint: "Next field")
        case .previous: KeyBinding([.backTab, .up], help: "Previous field")
        case .left: KeyBinding([.left], help: "Move the cursor left; previous choice")
        case .right: KeyBinding([.right], help: "Move the cursor right; next choice")
        case .start: KeyBinding([.home], help: "Start of the field")
        case .end: KeyBinding([.end], help: "End of the field")
        case .deleteBackward: KeyBinding([.backspace], help: "Delete the character before the cursor")
        case .deleteForward: KeyBinding([.delete], help: "Delete the character at the cursor")
        case .toggle: KeyBinding([.character(" ")], help: "Switch a True/False field; next choice")
        }
    }

    public static let formDialog = KeyMode<FormDialogAction>(name: "formDialog", summary: "Form dialogs") { action in
        switch action {
        case .save: KeyBinding([.enter], help: "Save what the form holds", hint: "Save")
        case .cancel: KeyBinding([.escape], help: "Cancel, keeping nothing", hint: "Cancel")
        }
    }

    public static let grid = KeyMode<GridAction>(name: "grid", summary: "Grids (one row per item)") { action in
        switch action {
        case .next: KeyBinding([.tab], help: "Next cell; past the last cell, a new row", hint: "Next cell")
        case .previous: KeyBinding([.backTab], help: "Previous cell")
        case .up: KeyBinding([.up], help: "Same cell of the row above")
        case .down: KeyBinding([.down], help: "Same cell of the row below")
        case .left: KeyBinding([.left], help: "Move the cursor left; previous choice")
        case .right: KeyBinding([.right], help: "Move the cursor right; next choice")
        case .start: KeyBinding([.home], help: "Start of the cell")
        case .end: KeyBinding([.end], help: "End of the cell")
        case .deleteBackward: KeyBinding([.backspace], help: "Delete the character before the cursor")
        case .deleteForward: KeyBinding([.delete], help: "Delete the character at the cursor")
        case .toggle:
            KeyBinding(
                [.character(" ")], help: "Switch a yes/no cell; next choice (a letter picks the choice starting with it)")
        case .addRow: KeyBinding([.control("n"), .insert], help: "New row below this one", hint: "New row")
        case .deleteRow: KeyBinding([.control("d")], help: "Delete this row", hint: "Delete row")
        }
    }

    public static let editor = KeyMode<EditorAction>(name: "editor", summary: "Text editor") { action in
        switch action {
        case .up: KeyBinding([.up], help: "Line above (at the top, the start of the text)")
        case .down: KeyBinding([.down], help: "Line below (at the bottom, the end of the text)")
        case .left: KeyBinding([.left], help: "Character before; at a line start, the end of the line above")
        case .right: KeyBinding([.right], help: "Character after; at a line end, the start of the line below")
        case .lineStart: KeyBinding([.home], help: "Start of the line")
        case .lineEnd: KeyBinding([.end], help: "End of the line")
        case .pageUp: KeyBinding([.pageUp], help: "Up one screen")
        case .pageDown: KeyBinding([.pageDown], help: "Down one screen")
        case .newline: KeyBinding([.enter], help: "New line, keeping the indentation")
        case .indent: KeyBinding([.tab], help: "Two spaces")
        case .deleteBackward: KeyBinding([.backspace], help: "Delete before the cursor; at a line start, join the lines")
        case .deleteForward: KeyBinding([.delete], help: "Delete at the cursor; at a line end, join the lines")
        }
    }

    public static let list = KeyMode<ListAction>(name: "list", summary: "Lists") { action in
        switch action {
        case .up: KeyBinding([.up, .character("k")], help: "Select the item above")
        case .down: KeyBinding([.down, .character("j")], help: "Select the item below", hint: "Move")
        case .pageUp: KeyBinding([.pageUp], help: "Up one screen")
        case .pageDown: KeyBinding([.pageDown], help: "Down one screen")
        case .first: KeyBinding([.home, .character("g")], help: "First item")
        case .last: KeyBinding([.end, .character("G")], help: "Last item")
        }
    }

    public static let dialog = KeyMode<DialogAction>(name: "dialog", summary: "Dialogs") { action in
        switch action {
        case .focusConfirm: KeyBinding([.left], help: "Focus the confirming button")
        case .focusCancel: KeyBinding([.right], help: "Focus the cancelling button")
        case .switchButton: KeyBinding([.tab, .backTab], help: "Switch between the buttons")
        case .choose: KeyBinding([.enter], help: "Press the focused button", hint: "Choose")
        case .confirm: KeyBinding([.character("y"), .character("Y")], help: "Confirm", hint: "Yes")
        case .cancel: KeyBinding([.escape, .character("n"), .character("N")], help: "Cancel", hint: "Cancel")
        }
    }

    public static let help = KeyMode<HelpAction>(name: "help", summary: "Help screen") { action in
        switch action {
        case .scrollUp: KeyBinding([.up, .character("k")], help: "Scroll up a line")
        case .scrollDown: KeyBinding([.down, .character("j")], help: "Scroll down a line")
        case .pageUp: KeyBinding([.pageUp], help: "Up one screen")
        case .pageDown: KeyBinding([.pageDown], help: "Down one screen")
        case .top: KeyBinding([.home, .character("g")], help: "The top")
        case .bottom: KeyBinding([.end, .character("G")], help: "The bottom")
        case .close: KeyBinding([.escape], help: "Close the help (? too)", hint: "Close")
        }
    }

    public static let mouse = KeyMode<MouseAction>(name: "mouse", summary: "Mouse (off with --no-mouse)") { action in
        switch action {
        case .click: KeyBinding([], help: "Click a row, a field or a section: select it (keys: arrows, Tab)")
        case .wheel: KeyBinding([], help: "Wheel: scroll tables and lists (keys: PgUp / PgDn)")
        }
    }

    public static let all = [
        table.erased, list.erased, form.erased, formDialog.erased, grid.erased, editor.erased, dialog.erased, help.erased,
        mouse.erased,
    ]
}
