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

    public static let registry = KeyRegistry(global: global, modes: WidgetKeys.all)

    /// The text of docs/keys.md.
    public static var markdown: String {
        registry.markdown(
            title: "JourneyLab keys",
            introduction:
                "Generated from the app's key registry by `journeylab keys-doc > docs/keys.md`; a test fails when this file is stale. The hint bar at the bottom of each screen and the `?` screen show the same bindings."
        )
    }
}
