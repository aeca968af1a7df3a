import ArgumentParser

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
        subcommands: [Status.self, Reset.self, Serve.self, TerminalCheck.self, EngineDrill.self]
    )
}
