import ArgumentParser
import Screens
import Terminal

/// Hidden: shows the terminal check screen, for trying the terminal layer by hand and in tests.
struct TerminalCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Show a small screen that echoes keys and the terminal size.",
        shouldDisplay: false)

    func run() throws {
        let backend: CursesBackend
        do {
            backend = try CursesBackend()
        } catch let error as TerminalStartError {
            throw CommandFailure(error.description)
        }
        var screen = TerminalCheckScreen()
        RunLoop<Never>(backend: backend).run(update: { screen.update($0) }, view: { screen.view($0) })
    }
}
