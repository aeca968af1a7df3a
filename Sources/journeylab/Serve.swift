import ArgumentParser
import Foundation
import LabModel
import LabServer
import Logging
import NIOCore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the Marketing Cloud REST emulator over a workspace.",
        discussion: """
            Serves the tutorial's REST calls (tokens, contactEvents, events, data extension rows) on \
            127.0.0.1, and runs the event engine. Prints the base URL and each app's client id and secret. \
            JOURNEYLAB_CLIENT_ID and JOURNEYLAB_CLIENT_SECRET make sure an app with those credentials and \
            every permission exists (for scripts and CI). Each request is logged on one line; \
            --log-level warning keeps the console quiet. --rate-limit answers requests beyond the rate \
            with Marketing Cloud's 429 (errorcode 50100, Retry-After), to try retry code. Ctrl-C stops it. Examples:
              journeylab serve
              journeylab serve --port 0 --workspace /tmp/class.sqlite --pace realistic
              journeylab serve --rate-limit 5/s --log-level debug
            """)

    @OptionGroup var options: WorkspaceOptions
    @Option(help: "The port to listen on, 0 to 65535; 0 picks a free one.") var port = PortNumber(EmulatorAddress.defaultPort)
    @Option(help: "The address to listen on. Anything but loopback lets other machines use your apps' credentials.")
    var host = "127.0.0.1"
    @Option(help: "Access-token lifetime in seconds (default: Marketing Cloud's 1079; 3600 for /v1/requestToken).")
    var tokenLifetime: Double?
    @Option(help: "How fast events move contacts: instant, realistic or stepped.") var pace = Pace.instant
    @Option(help: "Answer 429 beyond this many requests: 20/s, or 600/m (one an hour to a million a second). Default: no limit.")
    var rateLimit: RateLimit?
    @Option(
        help: ArgumentHelp(
            "What the console shows: trace, debug, info (a line per request), notice, warning, error or critical.",
            valueName: "level"))
    var logLevel: Logger.Level = .info

    // A synchronous command: with an async root command, the terminal verbs' run loop would run
    // on a concurrency thread, where job-control signals (Ctrl-Z) are not handled as at the top level.
    func run() throws {
        let port = port.value
        let address = EmulatorAddress(host: host, port: port)
        if !address.isLoopback {
            FileHandle.standardError.write(
                Data(
                    "Warning: listening on \(host): other machines can reach the emulator and use your apps' credentials.\n".utf8)
            )
        }
        if port != 0 && EmulatorAddress.isFree(port: port, host: host) == false {
            throw CommandFailure(
                "Port \(port) on \(host) is already in use. Pick another with --port, or --port 0 for a free one.")
        }
        let workspace = try Workspace(path: options.path)
        defer { workspace.close() }
        try ScriptCredentials.ensureApp(in: workspace)
        workspace.engine.settings.pace = pace
        workspace.engine.start()
        let apps = try workspace.apps()
        let console = Logger(label: "journeylab.serve") { _ in ConsoleLogHandler(logLevel: logLevel) }
        let server = EmulatorServer(
            workspace: workspace, address: address, tokenLifetime: tokenLifetime,
            logLevel: logLevel == .info ? .notice : logLevel,
            rateLimit: rateLimit, accessLog: console)
        do {
            try runBlocking {
                try await server.run(stopOn: true) { url in
                    workspace.recordServerURL(url)
                    var lines = [
                        "JourneyLab emulator on \(url) (workspace \(workspace.path))",
                        "  REST base URL: \(url)/",
                        "  Tokens: POST \(url)/v2/token, or the legacy POST \(url)/v1/requestToken",
                    ]
                    if apps.isEmpty {
                        lines.append(
                            "  No apps yet: create one in the app, or set JOURNEYLAB_CLIENT_ID and JOURNEYLAB_CLIENT_SECRET.")
                    }
                    for app in apps {
                        lines.append("  App \(app.name): client id \(app.clientID), client secret \(app.clientSecret)")
                    }
                    if let rateLimit { lines.append("  Rate limit: \(rateLimit) — beyond it, 429 with Retry-After.") }
                    lines.append("Press Ctrl-C to stop.")
                    print(lines.joined(separator: "\n"))
                    fflush(nil)
                }
                await workspace.engine.stop()
            }
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandFailure(
                "Port \(port) on \(host) is already in use. Pick another with --port, or --port 0 for a free one.")
        }
        workspace.recordServerURL(nil)
        print("Stopped.")
    }
}

/// `--log-level info`: swift-log's level names.
extension Logger.Level: @retroactive ExpressibleByArgument {}
