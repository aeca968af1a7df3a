import Terminal

/// What the app's own keys do wherever keys are not text.
public enum GlobalAction: Sendable, Hashable, CaseIterable {
    case help, quit, focusNavigation, focusContent, switchPane
}

/// Keys the run loop answers whatever the screen does with the others.
public enum AlwaysAction: Sendable, Hashable, CaseIterable {
    case interrupt, suspend
}

/// What the navigation does with a key while it has the focus.
public enum NavigationAction: Sendable, Hashable, CaseIterable {
    case up, down, open, close
}

/// What a filter being typed does with a key; typed characters go into it.
public enum FilterAction: Sendable, Hashable, CaseIterable {
    case done, cancel, left, right, start, end, deleteBackward, deleteForward, eraseLine
}

/// What a dialog that only shows something (a copied value, a failure) does with a key.
public enum MessageAction: Sendable, Hashable, CaseIterable {
    case close
}

/// What a section not built yet does with a key.
public enum PlaceholderAction: Sendable, Hashable, CaseIterable {
    case back
}

/// Every key the app understands, by mode: the hint bar, dialog footers and the `?` screen
/// read it, and docs/keys.md is generated from it (`journeylab keys-doc`). Each screen's own
/// modes sit beside it in `AppKeys+Screens.swift`; a new screen adds its mode there and to
/// `registry`.
public enum AppKeys {
    public static let global = KeyMode<GlobalAction>(name: "global", summary: "Wherever keys are not text") { action in
        switch action {
        case .help: KeyBinding([.character("?")], help: "Show the keys of this screen", hint: "Help")
        case .quit: KeyBinding([.character("q")], help: "Quit JourneyLab (the workspace is saved)", hint: "Quit")
        case .focusNavigation:
            KeyBinding([.left, .character("h")], help: "To the navigation: the apps and their sections", hint: "Apps")
        case .focusContent:
            KeyBinding([.right, .character("l")], help: "Open the section chosen in the navigation, where it was")
        case .switchPane: KeyBinding([.tab, .backTab], help: "Between the navigation and the open section")
        }
    }

    public static let always = KeyMode<AlwaysAction>(name: "always", summary: "Everywhere, even while typing") { action in
        switch action {
        case .interrupt: KeyBinding([.control("c")], help: "Quit at once, from anywhere (the workspace is released)")
        case .suspend:
            KeyBinding([.control("z")], help: "Suspend to the shell with the emulator; `fg` comes back to the same screen")
        }
    }

    public static let navigation = KeyMode<NavigationAction>(name: "navigation", summary: "Navigation (left)") { action in
        switch action {
        case .up: KeyBinding([.up, .character("k")], help: "The section above")
        case .down: KeyBinding([.down, .character("j")], help: "The section below", hint: "Choose")
        case .open: KeyBinding([.enter], help: "Open the section at its first screen (→ / l: where it was)", hint: "Open")
        case .close: KeyBinding([.escape], help: "Back to the open section, choosing nothing", hint: "Back")
        }
    }

    public static let filter = KeyMode<FilterAction>(name: "filter", summary: "Filtering") { action in
        switch action {
        case .done: KeyBinding([.enter], help: "Apply the filter (an empty one shows every row)", hint: "Apply")
        case .cancel: KeyBinding([.escape], help: "Leave the filter as it was", hint: "Cancel")
        case .left: KeyBinding([.left], help: "Move the cursor left")
        case .right: KeyBinding([.right], help: "Move the cursor right")
        case .start: KeyBinding([.home], help: "Start of the line")
        case .end: KeyBinding([.end], help: "End of the line")
        case .deleteBackward: KeyBinding([.backspace], help: "Delete the character before the cursor")
        case .deleteForward: KeyBinding([.delete], help: "Delete the character at the cursor")
        case .eraseLine: KeyBinding([.control("u")], help: "Erase the whole line", hint: "Erase")
        }
    }

    public static let message = KeyMode<MessageAction>(name: "message", summary: "Messages (a copied value, a failure)") {
        action in
        switch action {
        case .close: KeyBinding([.enter, .escape], help: "Close the message", hint: "Close")
        }
    }

    public static let placeholder = KeyMode<PlaceholderAction>(name: "placeholder", summary: "Sections not built yet") {
        action in
        switch action {
        case .back: KeyBinding([.escape], help: "Back to the navigation", hint: "Back")
        }
    }

    public static let registry = KeyRegistry(
        global: [global.erased, always.erased],
        modes: [
            navigation.erased, dataExtensions.erased, wizardDetails.erased, wizardAttributes.erased, records.erased,
            sortChooser.erased, filter.erased, message.erased, placeholder.erased, terminalCheck.erased,
        ] + WidgetKeys.all)

    /// The text of docs/keys.md.
    public static var markdown: String {
        registry.markdown(
            title: "JourneyLab keys",
            introduction:
                "Generated from the app's key registry by `journeylab keys-doc > docs/keys.md`; a test fails when this file is stale. The hint bar at the bottom of each screen and the `?` screen show the same bindings."
        )
    }
}
