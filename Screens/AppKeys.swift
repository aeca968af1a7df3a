import Terminal

/// Every key the app understands, by mode: the hint bar and `?` screen read it, and
/// docs/keys.md is generated from it (`journeylab keys-doc`). Screens add their modes here.
public enum AppKeys {
    public static let global = KeyMode(
        name: "global", summary: "Everywhere",
        bindings: [
            KeyBinding("app.help", [.character("?")], help: "Show the keys of this screen", hint: "Help"),
            KeyBinding("app.quit", [.character("q")], help: "Quit from the top level; elsewhere, go back", hint: "Quit"),
            KeyBinding("app.interrupt", [.control("c")], help: "Quit at once, from anywhere (the workspace is released)"),
            KeyBinding("app.suspend", [.control("z")], help: "Suspend to the shell; `fg` comes back to the same screen"),
        ])

    public static let sidebar = KeyMode(
        name: "sidebar", summary: "Navigation (left)",
        bindings: [
            KeyBinding("sidebar.up", [.up, .character("k")], help: "The section above"),
            KeyBinding("sidebar.down", [.down, .character("j")], help: "The section below", hint: "Choose"),
            KeyBinding("sidebar.open", [.enter, .right, .tab], help: "Open the section", hint: "Open"),
        ])

    public static let dataExtensions = KeyMode(
        name: "dataExtensions", summary: "Data Extensions",
        bindings: [
            KeyBinding("dataExtensions.open", [.enter], help: "Open the data extension's records", hint: "Records"),
            KeyBinding("dataExtensions.filter", [.character("/")], help: "Filter by name or external key", hint: "Filter"),
            KeyBinding(
                "dataExtensions.new", [.character("n")], help: "Create a data extension (details, then attributes)", hint: "New"),
            KeyBinding(
                "dataExtensions.properties", [.character("p")],
                help: "Properties: make it sendable (relate a field to Subscriber Key)",
                hint: "Properties"),
            KeyBinding(
                "dataExtensions.copy", [.character("c")], help: "Copy the external key to the clipboard (OSC 52)",
                hint: "Copy key"),
            KeyBinding("dataExtensions.back", [.tab, .escape], help: "Back to the navigation"),
        ])

    public static let records = KeyMode(
        name: "records", summary: "Records",
        bindings: [
            KeyBinding("records.add", [.character("a")], help: "Add a record", hint: "Add"),
            KeyBinding("records.sort", [.character("s")], help: "Sort by a column you pick (or row order)", hint: "Sort"),
            KeyBinding(
                "records.filter", [.character("/")], help: "Filter: Updated eq 'True', MemberID gt 3 and …", hint: "Filter"),
            KeyBinding("records.edit", [.enter, .character("e")], help: "Edit the selected record", hint: "Edit"),
            KeyBinding("records.delete", [.character("d")], help: "Delete the selected record (asks first)", hint: "Delete"),
            KeyBinding("records.back", [.escape, .character("q")], help: "Back to the data extensions", hint: "Back"),
        ])

    public static let wizardDetails = KeyMode(
        name: "wizardDetails", summary: "New data extension: details",
        bindings: [
            KeyBinding("wizardDetails.next", [.enter], help: "On to the attributes (once the name is right)", hint: "Next"),
            KeyBinding("wizardDetails.cancel", [.escape], help: "Cancel: nothing is created", hint: "Cancel"),
        ])

    public static let wizardAttributes = KeyMode(
        name: "wizardAttributes", summary: "New data extension: attributes",
        bindings: [
            KeyBinding(
                "wizardAttributes.create", [.enter], help: "Create the data extension (only when nothing is wrong)",
                hint: "Create"),
            KeyBinding("wizardAttributes.back", [.escape], help: "Back to the details, keeping the fields", hint: "Back"),
        ])

    public static let sortChooser = KeyMode(
        name: "sortChooser", summary: "Sort by",
        bindings: [
            KeyBinding("sortChooser.choose", [.enter], help: "Sort by the column (the current one again: reverse)", hint: "Sort"),
            KeyBinding("sortChooser.cancel", [.escape], help: "Keep the order as it is", hint: "Cancel"),
        ])

    public static let filter = KeyMode(
        name: "filter", summary: "Filtering",
        bindings: [
            KeyBinding("filter.done", [.enter], help: "Keep the filter and go back to the list", hint: "Done"),
            KeyBinding("filter.clear", [.escape], help: "Clear the filter", hint: "Clear"),
            KeyBinding("filter.erase", [.backspace], help: "Erase the last character"),
        ])

    public static let registry = KeyRegistry(
        global: global,
        modes: [sidebar, dataExtensions, wizardDetails, wizardAttributes, records, sortChooser, filter] + WidgetKeys.all)

    /// The text of docs/keys.md.
    public static var markdown: String {
        registry.markdown(
            title: "JourneyLab keys",
            introduction:
                "Generated from the app's key registry by `journeylab keys-doc > docs/keys.md`; a test fails when this file is stale. The hint bar at the bottom of each screen and the `?` screen show the same bindings."
        )
    }
}
