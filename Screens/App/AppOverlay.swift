import Terminal

/// What the shell shows over everything, with the keys while it is open.
enum AppOverlay {
    /// The `?` screen, scrolled down this many rows.
    case help(scroll: Int)
    case message(MessageDialog)

    /// The `?` screen for the modes of what has the focus, then the mouse and the app's keys.
    static func help(for modes: [AnyKeyMode], scroll: Int = 0) -> HelpScreen {
        HelpScreen(
            sections: AppKeys.registry.helpSections(for: modes + [WidgetKeys.mouse.erased]), scroll: scroll, title: "Keys")
    }

    /// Whether it shows text to select with the mouse (the app then leaves the mouse alone).
    var showsText: Bool {
        if case .message = self { return true }
        return false
    }

    /// A key for the overlay. - Returns: the overlay after it (nil: closed) and an app key the
    /// shell performs; `?` closes the help, the app's other keys close it and act.
    func handle(_ key: Key, helpLimit limit: Int) -> (AppOverlay?, GlobalAction?) {
        switch self {
        case .help(let scroll):
            if let action = WidgetKeys.help.action(for: key) {
                let page = 10
                let moves: [HelpAction: Int] = [
                    .scrollUp: -1, .scrollDown: 1, .pageUp: -page, .pageDown: page, .top: -limit, .bottom: limit,
                ]
                return (action == .close ? nil : .help(scroll: min(limit, max(0, scroll + (moves[action] ?? 0)))), nil)
            }
            guard let action = AppKeys.global.action(for: key) else { return (self, nil) }
            return (nil, action == .help ? nil : action)
        case .message:
            return (AppKeys.message.action(for: key) != nil ? nil : self, nil)
        }
    }
}
