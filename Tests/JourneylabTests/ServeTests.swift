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
        #expect(outOfRange.status == 1)
        #expect(outOfRange.errorOutput.contains("--port takes 0 to 65535"))
    }
}
