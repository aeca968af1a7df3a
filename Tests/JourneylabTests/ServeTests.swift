import Foundation
import LabModel
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `journeylab serve` as a user runs it: the binary, a temporary workspace, a free port.
@Suite struct ServeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-serve-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("workspace.sqlite").path }

    @Test func serveAnnouncesItselfTakesScriptCredentialsAndStopsOnCtrlC() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment["JOURNEYLAB_CLIENT_ID"] = "ci-client"
        environment["JOURNEYLAB_CLIENT_SECRET"] = "ci-secret"
        let serve = try ChildProcess(
            CommandLineTests.binary, ["serve", "--port", "0", "--workspace", path], environment: environment)
        try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
        let output = serve.outputSoFar
        let url = try #require(output.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        #expect(output.contains("App JourneyLab Scripts: client id ci-client, client secret ci-secret"))
        #expect(output.contains("Tokens: POST \(url)/v2/token"))
        #expect(Workspace.currentOwner(ofWorkspaceAt: path)?.serverURL == url)

        var request = URLRequest(url: URL(string: url + "/v2/token")!)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"grant_type":"client_credentials","client_id":"ci-client","client_secret":"ci-secret"}"#.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains(#""rest_instance_url":"\#(url)/""#))

        // The same port again is a clear error, not a crash.
        let port = try #require(url.split(separator: ":").last.map(String.init))
        let second = try ChildProcess.run(
            CommandLineTests.binary, ["serve", "--port", port, "--workspace", folder.appendingPathComponent("other.sqlite").path])
        #expect(second.status == 1)
        #expect(second.errorOutput.contains("Port \(port) on 127.0.0.1 is already in use"))

        serve.send(SIGINT)
        let ended = serve.waitForExit()
        #expect(ended.status == 0, "\(ended.errorOutput)")
        #expect(ended.output.hasSuffix("Stopped.\n"))
        #expect(Workspace.currentOwner(ofWorkspaceAt: path) == nil)
    }
}

extension ServeTests {
    @Test func listeningBeyondLoopbackWarns() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ChildProcess(CommandLineTests.binary, ["serve", "--host", "0.0.0.0", "--port", "0", "--workspace", path])
        try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
        serve.send(SIGINT)
        let ended = serve.waitForExit()
        #expect(ended.status == 0)
        #expect(ended.errorOutput.contains("Warning: listening on 0.0.0.0: other machines can reach the emulator"))
        let outOfRange = try ChildProcess.run(CommandLineTests.binary, ["serve", "--port", "70000", "--workspace", path])
        // A usage error: exit 2, the option and the range it takes named.
        #expect(outOfRange.status == 2)
        #expect(outOfRange.errorOutput.contains("The value '70000' is invalid for '--port <port>'"))
        #expect(outOfRange.errorOutput.contains("0 to 65535"))
    }
}

extension ServeTests {
    /// A line per request on the console, the rate limit announced and enforced, and quiet at
    /// `--log-level warning`.
    @Test func theConsoleLogsEachRequestAndTheRateLimitAnswers429() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let serve = try ChildProcess(
            CommandLineTests.binary, ["serve", "--port", "0", "--workspace", path, "--rate-limit", "1/m"])
        try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
        #expect(serve.outputSoFar.contains("  Rate limit: 1/m — beyond it, 429 with Retry-After."))
        let url = try #require(
            serve.outputSoFar.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        var statuses: [Int] = []
        for _ in 0..<3 {
            let (_, response) = try await URLSession.shared.data(from: URL(string: url + "/interaction/v1/interactions?$page=2")!)
            statuses.append((response as? HTTPURLResponse)?.statusCode ?? 0)
        }
        #expect(statuses.first == 401 && statuses.contains(429), "\(statuses)")
        try waitUntil("the access log lines") { serve.outputSoFar.contains("→ 429 in") }
        let lines = serve.outputSoFar.split(separator: "\n")
        let first = try #require(lines.first { $0.contains("GET /interaction/v1/interactions?$page=2 → 401 in ") })
        // hh:mm:ss.mmm, then the request.
        #expect(first.count > 13 && first.prefix(12).allSatisfy { $0.isNumber || $0 == ":" || $0 == "." })
        #expect(first.hasSuffix(" ms"))
        serve.send(SIGINT)
        #expect(serve.waitForExit().status == 0)

        let quiet = try ChildProcess(
            CommandLineTests.binary, ["serve", "--port", "0", "--workspace", path, "--log-level", "warning"])
        try waitUntil(timeout: 30, "serve to start") { quiet.outputSoFar.contains("Press Ctrl-C to stop.") }
        let quietURL = try #require(
            quiet.outputSoFar.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init))
        _ = try await URLSession.shared.data(from: URL(string: quietURL + "/interaction/v1/interactions")!)
        quiet.send(SIGINT)
        let ended = quiet.waitForExit()
        #expect(!ended.output.contains("→ 401"), "\(ended.output)")
        #expect(ended.output.hasSuffix("Stopped.\n"))

        let refused = try ChildProcess.run(CommandLineTests.binary, ["serve", "--rate-limit", "fast", "--workspace", path])
        #expect(refused.status == 2)
        #expect(refused.errorOutput.contains("The value 'fast' is invalid for '--rate-limit <rate-limit>'"))
        #expect(refused.errorOutput.contains("20/s, or 600/m (one an hour to a million a second)"))
        let badLevel = try ChildProcess.run(CommandLineTests.binary, ["serve", "--log-level", "loud", "--workspace", path])
        #expect(badLevel.status == 2 && badLevel.errorOutput.contains("loud"))
    }
}
