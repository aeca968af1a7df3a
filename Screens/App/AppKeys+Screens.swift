import Terminal

/// What the Data Extensions list does with a key.
public enum DataExtensionsAction: Sendable, Hashable, CaseIterable {
    case open, filter, new, properties, copy, back
}

/// What the Records screen does with a key.
public enum RecordsAction: Sendable, Hashable, CaseIterable {
    case add, filter, sort, edit, delete, back
}

/// What the first step of the data extension wizard does with a key.
public enum WizardDetailsAction: Sendable, Hashable, CaseIterable {
    case next, cancel
}

/// What the attributes step of the data extension wizard does with a key.
public enum WizardAttributesAction: Sendable, Hashable, CaseIterable {
    case create, back
}

/// What the sort chooser does with a key.
public enum SortChooserAction: Sendable, Hashable, CaseIterable {
    case choose, cancel
}

/// What the terminal check (`journeylab terminal-check`) does with a key; others are echoed.
public enum TerminalCheckAction: Sendable, Hashable, CaseIterable {
    case quit, erase
}

extension AppKeys {
    public static let terminalCheck = KeyMode<TerminalCheckAction>(
        name: "terminalCheck", summary: "Terminal check (journeylab terminal-check)"
    ) { action in
        switch action {
        case .quit: KeyBinding([.escape], help: "Quit the check (Ctrl-C too)", hint: "Quit")
        case .erase: KeyBinding([.backspace], help: "Erase the last character typed", hint: "Erase")
        }
    }

    public static let dataExtensions = KeyMode<DataExtensionsAction>(name: "dataExtensions", summary: "Data Extensions") {
        action in
        switch action {
        case .open: KeyBinding([.enter], help: "Open the data extension's records", hint: "Records")
        case .filter: KeyBinding([.character("/")], help: "Filter by name or external key", hint: "Filter")
        case .new: KeyBinding([.character("n")], help: "Create a data extension (details, then attributes)", hint: "New")
        case .properties:
            KeyBinding(
                [.character("p")], help: "Properties: make it sendable (relate a field to Subscriber Key)",
                hint: "Properties")
        case .copy:
            KeyBinding(
                [.character("c")], help: "Copy the external key (to the clipboard, and shown whole)", hint: "Copy key")
        case .back: KeyBinding([.escape], help: "Clear the filter; without one, back to the navigation")
        }
    }

    public static let records = KeyMode<RecordsAction>(name: "records", summary: "Records") { action in
        switch action {
        case .add: KeyBinding([.character("a")], help: "Add a record", hint: "Add")
        case .edit: KeyBinding([.enter, .character("e")], help: "Edit the selected record", hint: "Edit")
        case .delete: KeyBinding([.character("d")], help: "Delete the selected record (asks first)", hint: "Delete")
        case .sort: KeyBinding([.character("s")], help: "Sort by a column you pick (or row order)", hint: "Sort")
        case .filter:
            KeyBinding(
                [.character("/")], help: "Filter: Updated eq 'True', MemberID gt 3 and LastName like 'S%'",
                hint: "Filter")
        case .back:
            KeyBinding([.escape], help: "Clear the filter; without one, back to the data extensions", hint: "Back")
        }
    }

    public static let wizardDetails = KeyMode<WizardDetailsAction>(
        name: "wizardDetails", summary: "New data extension: details"
    ) { action in
        switch action {
        case .next: KeyBinding([.enter], help: "On to the attributes (once the name is right)", hint: "Next")
        case .cancel: KeyBinding([.escape], help: "Cancel: nothing is created (asks first when you typed)", hint: "Cancel")
        }
    }

    public static let wizardAttributes = KeyMode<WizardAttributesAction>(
        name: "wizardAttributes", summary: "New data extension: attributes"
    ) { action in
        switch action {
        case .create: KeyBinding([.enter], help: "Create the data extension (only when nothing is wrong)", hint: "Create")
        case .back: KeyBinding([.escape], help: "Back to the details, keeping the fields", hint: "Back")
        }
    }

    public static let sortChooser = KeyMode<SortChooserAction>(name: "sortChooser", summary: "Sort by") { action in
        switch action {
        case .choose: KeyBinding([.enter], help: "Sort by the column (the current one again: reverse)", hint: "Sort")
        case .cancel: KeyBinding([.escape], help: "Keep the order as it is", hint: "Cancel")
        }
    }
}
