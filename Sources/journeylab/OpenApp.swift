import ArgumentParser
import LabModel
import LabServer
import Terminal

/// The full-screen app: what `journeylab` runs without a verb.
struct OpenApp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Open the full-screen app (what `journeylab` alone does), with the emulator beside it.",
        discussion: """
            The emulator listens on 7444 (a free port when that one is taken); the status bar shows its URL. Examples:
              journeylab
              journeylab --workspace /tmp/class.sqlite --pace realistic
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Option(help: "The emulator's port, 0 to 65535 (7444, or a free one when it is taken; 0: any free port).")
    var port = PortNumber(EmulatorAddress.defaultPort)
    @Option(help: "How fast events move contacts: instant, realistic or stepped.") var pace = Pace.instant
    @Flag(help: "Draw without colors (bold, reverse and underline only), as NO_COLOR does.") var noColor = false
    @Flag(help: "Leave the mouse to the terminal (text selection); every mouse action has a key.") var noMouse = false

    func run() throws {
        try AppLauncher(
            path: workspace.path, port: port.value, pace: pace, terminal: TerminalOptions(noColor: noColor, mouse: !noMouse)
        ).run()
    }

}
