import ArgumentParser
import Foundation

@main
struct JourneyLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeylab",
        abstract: "Learn how events move contacts through Marketing Cloud journeys, hands-on, in a terminal.",
        discussion: """
            Everything lives in one workspace file (see --workspace). Examples:
              journeylab status --json
              journeylab serve --port 0
              journeylab reset --yes --workspace /tmp/class.sqlite
            """,
        version: "0.1.0",
        subcommands: [
            OpenApp.self, Status.self, Reset.self, Serve.self, TokenVerb.self, FireVerb.self, RowsVerb.self, JourneysVerb.self,
            TriggersVerb.self, AutomationVerb.self, TerminalCheck.self, KeysDoc.self, EngineDrill.self,
        ],
        defaultSubcommand: OpenApp.self
    )

    /// Exit codes: 0 ok, 1 a failure (an API error printed as Marketing Cloud gave it), 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
