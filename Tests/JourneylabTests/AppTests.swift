import Foundation
import LabModel
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `journeylab` as a trainee runs it, in a real terminal: the Members records open, an event
/// fired from outside over the emulator the app serves, and the new member appearing with
/// `Updated` True; quitting releases the workspace.
extension TerminalSessions {
    @Suite struct AppTests {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-app-\(UUID().uuidString)")
        var path: String { folder.appendingPathComponent("workspace.sqlite").path }

        @Test func anEventFiredFromOutsideShowsUpInTheOpenRecords() async throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let workspace = try Workspace(path: path)
            let seed = try SeedScenario.configure(workspace)
            workspace.close()

            let tmux = try TmuxSession(
                command: "\(CommandLineTests.binary) --workspace '\(path)' --port 0", columns: 100, rows: 30)
            try tmux.waitFor(text: "Data Extensions · 2 data extensions")
            let url = try #require(try waitForServer())
            try tmux.waitFor(text: "Emulator \(url)")
            // The external key, copied whole to the clipboard (tmux's buffer).
            try tmux.allowClipboard()
            try tmux.send("Down", "c")
            // Shown whole too, on a line of its own, for terminals that ignore the copy.
            let copied = try tmux.waitFor(text: "── Copied")
            #expect(
                copied.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == seed.members.externalKey })
            try waitUntil("the key in tmux's buffer") { (try? tmux.pasteBuffer()) == seed.members.externalKey }
            try tmux.send("Escape")
            try tmux.waitFor("the message to close") { !$0.contains("── Copied") }
            try tmux.send("Enter")
            try tmux.waitFor(text: "Members · 3 records · sendable")

            // A script elsewhere: a token for the tutorial's app, then the events call for a new member.
            let token =
                try await post(
                    url + "/v2/token",
                    #"{"grant_type":"client_credentials","client_id":"\#(seed.app.clientID)","client_secret":"\#(seed.app.clientSecret)"}"#
                )["access_token"] as? String
            let fired = try await post(
                url + "/interaction/v1/events",
                #"{"ContactKey":"nina@sausage.com","EventDefinitionKey":"\#(seed.trigger.key)","Data":{"EmailAddress":"nina@sausage.com"}}"#,
                token: token)
            #expect(fired["eventInstanceId"] != nil, "\(fired)")
            let screen = try tmux.waitFor("nina to appear with Updated True") { screen in
                screen.split(separator: "\n").contains { $0.contains("nina@sausage.com") && $0.contains("True") }
            }
            #expect(screen.contains("Members · 4 records"))

            try tmux.send("Escape")
            try tmux.waitFor(text: "Data Extensions · 2 data extensions")
            try tmux.send("q")
            try tmux.waitFor("the app to exit") { _ in (try? tmux.exitStatus()) == 0 }
            #expect(Workspace.currentOwner(ofWorkspaceAt: path) == nil)
        }

        /// A port someone else holds: the app still opens, and the status bar says why REST is off.
        @Test func aTakenPortIsReportedInTheStatusBar() throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let other = folder.appendingPathComponent("other.sqlite").path
            let serve = try ChildProcess(CommandLineTests.binary, ["serve", "--port", "0", "--workspace", other])
            defer {
                serve.send(SIGINT)
                _ = serve.waitForExit()
            }
            try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
            let port = try #require(
                serve.outputSoFar.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }?.split(separator: ":").last)
            let tmux = try TmuxSession(
                command: "\(CommandLineTests.binary) --workspace '\(path)' --port \(port)", columns: 100, rows: 30)
            try tmux.waitFor(text: "Emulator not running: port \(port) is taken; start with --port 0 for a free one")
            try tmux.send("q")
            try tmux.waitFor("the app to exit") { _ in (try? tmux.exitStatus()) == 0 }
        }

        private func waitForServer() throws -> String? {
            var url: String?
            try waitUntil(timeout: 30, "the emulator's URL beside the lock") {
                url = Workspace.currentOwner(ofWorkspaceAt: path)?.serverURL
                return url != nil
            }
            return url
        }

        private func post(_ url: String, _ body: String, token: String? = nil) async throws -> [String: Any] {
            var request = URLRequest(url: URL(string: url)!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.httpBody = Data(body.utf8)
            let (data, _) = try await URLSession.shared.data(for: request)
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }
    }
}

extension TerminalSessions.AppTests {
    /// Without a terminal the app says so and creates nothing; a workspace another process owns
    /// is named in one line after the terminal is given back.
    @Test func startingWithoutATerminalOrOnAnOwnedWorkspaceSaysWhy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let noTerminal = try ChildProcess.run(CommandLineTests.binary, ["--workspace", path])
        #expect(noTerminal.status == 1 && noTerminal.errorOutput.contains("need a terminal"), "\(noTerminal.errorOutput)")
        #expect(!FileManager.default.fileExists(atPath: path))

        let serve = try ChildProcess(CommandLineTests.binary, ["serve", "--port", "0", "--workspace", path])
        defer {
            serve.send(SIGINT)
            _ = serve.waitForExit()
        }
        try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
        let tmux = try TmuxSession(command: "\(CommandLineTests.binary) --workspace '\(path)'", columns: 100, rows: 30)
        try tmux.waitFor("the app to refuse") { _ in (try? tmux.exitStatus()) == 1 }
        #expect(try tmux.history().contains("process \(serve.pid)"))
    }
}
