import Foundation
import LabModel
import TestSupport
import Testing

/// The API verbs as a script runs them: the built binary against `journeylab serve` on a
/// seeded temporary workspace, found beside its lock, with `--json` output parsed.
extension TerminalSessions {
    @Suite struct APIVerbTests {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-verbs-\(UUID().uuidString)")
        var path: String { folder.appendingPathComponent("workspace.sqlite").path }

        /// Seeds the workspace, serves it, runs `body`, stops the server.
        func withServer(_ body: (SeedScenario.Configured) throws -> Void) throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let workspace = try Workspace(path: path)
            let seed = try SeedScenario.configure(
                workspace, triggerKey: RunningEmulator.seedTriggerKey, eventDataExternalKey: RunningEmulator.seedEventDataKey)
            try workspace.ensureApp(clientID: "verbs", clientSecret: "verbs-secret")
            workspace.close()
            let serve = try ChildProcess(CommandLineTests.binary, ["serve", "--port", "0", "--workspace", path])
            defer {
                serve.send(SIGINT)
                _ = serve.waitForExit()
            }
            try waitUntil(timeout: 30, "serve to start") { serve.outputSoFar.contains("Press Ctrl-C to stop.") }
            try body(seed)
        }

        func verb(_ arguments: String...) throws -> ChildProcess.Result {
            try ChildProcess.run(CommandLineTests.binary, arguments + ["--workspace", path])
        }

        func json(_ arguments: String...) throws -> Any {
            let result = try ChildProcess.run(CommandLineTests.binary, arguments + ["--workspace", path, "--json"])
            guard result.status == 0 else {
                throw ChildProcess.Failure(description: "\(arguments) exited \(result.status): \(result.errorOutput)")
            }
            return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        }

        @Test func aScriptFiresEventsAndWatchesTheFlagsWithTheVerbs() throws {
            try withServer { seed in
                let token = try #require(try json("token") as? [String: Any])
                #expect((token["accessToken"] as? String)?.isEmpty == false)
                #expect((token["restInstanceURL"] as? String)?.hasPrefix("http://127.0.0.1:") == true)

                let triggers = try #require(try json("triggers") as? [[String: Any]])
                #expect(triggers.contains { $0["eventDefinitionKey"] as? String == RunningEmulator.seedTriggerKey })
                let journeys = try #require(try json("journeys") as? [[String: Any]])
                #expect(journeys.first?["status"] as? String == "Published")
                #expect(journeys.first?["eventDefinitionKey"] as? String == RunningEmulator.seedTriggerKey)

                let membersKey = seed.members.externalKey
                let before = try #require(try json("rows", "list", membersKey, "--filter", "Updated eq 'True'") as? [String: Any])
                #expect(before["count"] as? Int == 0)

                let fired = try #require(
                    try json(
                        "fire", "contact-event", "--key", RunningEmulator.seedTriggerKey, "--contact", "sam@sausage.com",
                        "--de-name", "Member Preferences", "--de-key", RunningEmulator.seedEventDataKey, "Preference=frankfurter")
                        as? [String: Any])
                #expect(UUID(uuidString: fired["eventInstanceId"] as? String ?? "") != nil)
                // Journey Builder's criteria text reads as well as a $filter.
                try waitUntil("sam's flag to flip") {
                    let rows = try json("rows", "list", membersKey, "--filter", "Updated is True") as? [String: Any]
                    return rows?["count"] as? Int == 1
                }

                let upserted = try verb(
                    "rows", "upsert", membersKey, "EmailAddress=sid@sausage.com", "FirstName=Sid", "Updated=False")
                #expect(upserted.status == 0, "\(upserted.errorOutput)")
                #expect(upserted.output.contains("Upserted 1 row into Members"))
                let event = try json(
                    "fire", "event", "--key", RunningEmulator.seedTriggerKey, "--contact", "sid@sausage.com",
                    "EmailAddress=sid@sausage.com")
                #expect((event as? [String: Any])?["eventInstanceId"] != nil)

                let run = try #require(try json("automation", "run", seed.automation.name) as? [String: Any])
                #expect(run["status"] as? String == "Complete")
                let activities = try #require(run["activities"] as? [[String: Any]])
                #expect(activities.first?["rowsRead"] as? Int == 4)
                try waitUntil("every flag to be True") {
                    let rows = try json("rows", "list", membersKey, "--filter", "Updated eq 'False'") as? [String: Any]
                    return rows?["count"] as? Int == 0
                }

                let table = try verb("journeys")
                #expect(table.output.contains("Member Updates") && table.output.contains("Published"), "\(table.output)")
                let page = try verb("rows", "list", membersKey, "--page-size", "2")
                #expect(page.output.contains("Page 1 of 2 · 4 rows"), "\(page.output)")
                // Fields as the data extension declares them, in its order, as the Records screen.
                let header = try #require(page.output.split(separator: "\n").first)
                #expect(
                    header.split(separator: " ", omittingEmptySubsequences: true)
                        == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated", "eventinstanceid"], "\(page.output)")
            }
        }

        @Test func failuresSayWhatMarketingCloudSaidAndExitCodesTellThemApart() throws {
            try withServer { _ in
                let refused = try verb("fire", "event", "--key", RunningEmulator.seedTriggerKey, "--contact", "x@y.z")
                #expect(refused.status == 1)
                #expect(
                    refused.errorOutput.contains("Event Data contains errors: (errorcode 10006, HTTP 400)"),
                    "\(refused.errorOutput)")
                #expect(refused.errorOutput.contains("emailaddress"))
                let unknown = try verb("rows", "list", "NO-SUCH-KEY")
                #expect(unknown.status == 1 && unknown.errorOutput.contains("Data Extension with key NO-SUCH-KEY not found."))
                let wrongSecret = try verb("journeys", "--client-id", "verbs", "--client-secret", "nope")
                #expect(wrongSecret.status == 1 && wrongSecret.errorOutput.contains("invalid_client"))

                let usage = try verb("fire", "event", "--contact", "x@y.z")
                #expect(usage.status == 2)
                #expect(usage.errorOutput.contains("Missing expected argument '--key <key>'"), "\(usage.errorOutput)")
                let nan = try verb("automation", "run", "x", "--interval", "nan")
                #expect(nan.status == 2 && nan.errorOutput.contains("--interval takes 0.05 to 60 seconds."))
                let notAPair = try verb("rows", "upsert", "KEY", "EmailAddress")
                #expect(notAPair.status == 2 && notAPair.errorOutput.contains("\"EmailAddress\" is not Field=Value."))
                let badFilter = try verb("rows", "list", "KEY", "--filter", "Updated iz True")
                #expect(badFilter.status == 2, "\(badFilter.errorOutput)")
                #expect(
                    badFilter.errorOutput.contains(
                        "The filter \"Updated iz True\" is not valid: \"iz\" is not an operator"),
                    "\(badFilter.errorOutput)")
            }
            let nobody = try verb("journeys")
            #expect(nobody.status == 1)
            #expect(
                nobody.errorOutput.contains("No JourneyLab emulator is serving")
                    && nobody.errorOutput.contains("journeylab serve"))
        }

        /// In a terminal, the run shows a bar that ends full, then the activities' counts.
        @Test func anAutomationRunShowsItsProgressInATerminal() throws {
            try withServer { seed in
                let command = "'\(CommandLineTests.binary)' automation run '\(seed.automation.name)' --workspace '\(path)'"
                let terminal = try TmuxSession(command: command + "; echo exit=$?; sleep 30")
                let screen = try terminal.waitFor(text: "exit=0")
                #expect(screen.contains("[██████████████████████████████] 100%  3/3 rows · 3 entered · 0 skipped"), "\(screen)")
                #expect(screen.contains("Run of \(seed.automation.name): Complete"))
            }
        }

        @Test func everyVerbsHelpHasAnExampleAndCompletionScriptsExist() throws {
            let verbs = [
                ["token"], ["fire", "contact-event"], ["fire", "event"], ["rows", "list"], ["rows", "upsert"], ["journeys"],
                ["triggers"], ["automation", "run"],
            ]
            for verb in verbs {
                let help = try ChildProcess.run(CommandLineTests.binary, verb + ["--help"])
                #expect(help.status == 0)
                // An example line: `  journeylab <verb> …` under the discussion's "Example".
                let example = "  journeylab \(verb.joined(separator: " "))"
                #expect(help.output.contains("Example") && help.output.contains(example), "\(verb): \(help.output)")
                #expect(help.output.contains("--base-url") && help.output.contains("--json"))
            }
            let completion = try ChildProcess.run(CommandLineTests.binary, ["--generate-completion-script", "bash"])
            #expect(completion.status == 0 && completion.output.contains("automation"))
        }
    }
}
