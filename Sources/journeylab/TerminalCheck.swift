import ArgumentParser
import Screens
import Terminal

/// Hidden: shows the terminal check screen, for trying the terminal layer by hand and in tests.
struct TerminalCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Show a small screen that echoes keys and the terminal size.",
        shouldDisplay: false)

    @Flag(help: "Draw without colors (bold, reverse and underline only), as NO_COLOR does.") var noColor = false
    @Flag(help: "Leave the mouse to the terminal (text selection); every mouse action has a key.") var noMouse = false

    func run() throws {
        let backend: CursesBackend
        do {
            backend = try CursesBackend(options: TerminalOptions(noColor: noColor, mouse: !noMouse))
        } catch let error as TerminalStartError {
            throw CommandFailure(error.description)
        }
        var screen = TerminalCheckScreen()
        RunLoop<Never>(backend: backend).run(update: { screen.update($0) }, view: { screen.view($0) })
    }
}
