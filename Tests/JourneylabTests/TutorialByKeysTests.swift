import Foundation
import LabModel
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The tutorial's first half by keystrokes alone, in the real app in tmux: the member data
/// extension created field by field, three members added, made sendable — checked with
/// `journeylab status --json`. Then, with the app still open, a script builds a journey and an
/// API event over the app's emulator, curl fires an event for a new member, and the Records
/// screen shows that member with `Updated` True.
extension TerminalSessions {
    @Suite struct TutorialByKeysTests {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-keys-\(UUID().uuidString)")
        var path: String { folder.appendingPathComponent("workspace.sqlite").path }
        static let credentials = ["JOURNEYLAB_CLIENT_ID": "class-client", "JOURNEYLAB_CLIENT_SECRET": "class-secret"]

        @Test func aTraineeBuildsTheMemberDataExtensionByKeysAndWatchesAnEventFlipItsFlag() async throws {
            defer { try? FileManager.default.removeItem(at: folder) }
            let tmux = try TmuxSession(
                command: "\(CommandLineTests.binary) --workspace '\(path)' --port 0", columns: 100, rows: 30,
                environment: Self.credentials)
            // The first screen waits on the app starting, which a busy machine makes slow.
            try tmux.waitFor(text: "No data extensions yet: n creates one.", timeout: 60)

            // The data extension: details, then five fields typed into the grid.
            try tmux.send("n")
            try tmux.waitFor(text: "1 Details")
            try tmux.send("Members", literal: true)
            try tmux.send("Enter")
            try tmux.waitFor(text: "Type the first field's name")
            try tmux.typeAttributeRow("EmailAddress", type: "e", primaryKey: true)
            try tmux.typeAttributeRow("MemberID", type: "n")
            try tmux.typeAttributeRow("FirstName")
            try tmux.typeAttributeRow("LastName")
            try tmux.typeAttributeRow("Updated", type: "b", defaultValue: "False", last: true)
            try tmux.waitFor(text: "✓ Enter creates Members with 5 fields.")
            try tmux.send("Enter")
            try tmux.waitFor(text: "✓ Created Members with 5 fields")

            // Three members through the record form.
            try tmux.send("Enter")
            try tmux.waitFor(text: "Members · 0 records")
            let members = [
                ("sam@sausage.com", "1", "Sam", "Sausage"), ("ida@sausage.com", "2", "Ida", "Ink"),
                ("lu@sausage.com", "3", "Lu", "Lime"),
            ]
            for (index, member) in members.enumerated() {
                try tmux.send("a")
                try tmux.waitFor(text: "New record")
                for (position, value) in [member.0, member.1, member.2, member.3].enumerated() {
                    if position > 0 { try tmux.send("Tab") }
                    try tmux.send(value, literal: true)
                }
                try tmux.send("Enter")
                try tmux.waitFor(text: "Members · \(index + 1) record")
            }

            // Sendable: EmailAddress relates to Subscriber Key.
            try tmux.send("Escape")
            try tmux.waitFor(text: "Data Extensions · 1 data extension")
            try tmux.send("p")
            try tmux.waitFor(text: "Send relationship")
            try tmux.send("Right")
            try tmux.send("Enter")
            try tmux.waitFor(text: "Members is sendable: EmailAddress relates to Subscriber Key.")

            // What the keys made, as a script reads it while the app holds the workspace.
            let status = try ChildProcess.run(CommandLineTests.binary, ["status", "--json", "--workspace", path])
            #expect(status.status == 0, "\(status.errorOutput)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
            let dataExtensions = try #require(report["dataExtensions"] as? [[String: Any]])
            #expect(dataExtensions.count == 1)
            let de = try #require(dataExtensions.first)
            #expect(de["name"] as? String == "Members")
            #expect(de["rowCount"] as? Int == 3)
            #expect(de["sendable"] as? Bool == true && de["sendableField"] as? String == "EmailAddress")
            let fields = try #require(de["fields"] as? [[String: Any]])
            #expect(fields.map { $0["name"] as? String } == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated"])
            #expect(fields.map { $0["type"] as? String } == ["EmailAddress", "Number", "Text", "Text", "Boolean"])
            #expect(fields.map { $0["primaryKey"] as? Bool } == [true, false, false, false, false])
            #expect(fields[4]["defaultValue"] as? String == "False")
            let deID = try #require(de["id"] as? String)

            // With the app open: a journey and an API event over its emulator.
            var serverURL: String?
            try waitUntil(timeout: 30, "the emulator's URL beside the lock") {
                serverURL = Workspace.currentOwner(ofWorkspaceAt: path)?.serverURL
                return serverURL != nil
            }
            let url = try #require(serverURL)
            let token = try #require(
                try await call(
                    "POST", url + "/v2/token",
                    #"{"grant_type":"client_credentials","client_id":"class-client","client_secret":"class-secret"}"#
                ).json["access_token"] as? String)
            let definition = try await call(
                "POST", url + "/interaction/v1/eventDefinitions",
                #"{"type":"APIEvent","name":"Member event","eventDefinitionKey":"member-event","dataExtensionId":"\#(deID)"}"#,
                token: token)
            #expect(definition.status == 200, "\(definition.json)")
            let fieldList = try await call("GET", url + "/data/v1/customobjects/\(deID)/fields", token: token)
            let updated = try #require(
                (fieldList.json["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "Updated" }?["id"] as? String)
            let criteria =
                #"<FilterDefinition><ConditionSet Operator=\"AND\" ConditionSetName=\"Individual Filter Grouping\"><Condition Key=\"Members.Updated\" Operator=\"Is\" UiMetaData=\"{}\"><Value><![CDATA[false]]></Value></Condition></ConditionSet></FilterDefinition>"#
            let journey = try await call(
                "POST", url + "/interaction/v1/interactions",
                """
                {"key":"member-updates","name":"Member updates","workflowApiVersion":1.0,
                 "triggers":[{"key":"TRIGGER","name":"Member event","type":"APIEvent",
                   "metaData":{"eventDefinitionKey":"member-event"},"configurationArguments":{"criteria":"\(criteria)"}}],
                 "activities":[{"key":"UPDATECONTACTDATAV2-1","name":"Mark updated","type":"UPDATECONTACTDATA",
                   "arguments":{"activityData":{"updateContactFields":[
                     {"dataExtensionId":"\(deID)","field":"\(updated)","value":"true"}]}}}]}
                """, token: token)
            #expect(journey.status == 200, "\(journey.json)")
            let journeyID = try #require(journey.json["id"] as? String)
            let publish = try await call(
                "POST", url + "/interaction/v1/interactions/publishAsync/\(journeyID)?versionNumber=1", "{}", token: token)
            let statusURL = try #require(publish.json["statusUrl"] as? String)
            var publishState = ""
            for _ in 0..<600 where publishState != "PublishCompleted" {
                publishState = try await call("GET", url + statusURL, token: token).json["status"] as? String ?? ""
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(publishState == "PublishCompleted")

            // Back in the records, curl fires the event for a new member; the row appears flipped.
            try tmux.send("Enter")
            try tmux.waitFor(text: "Members · 3 records · sendable")
            let fired = try ChildProcess.run(
                "/usr/bin/env",
                [
                    "curl", "-sS", "-X", "POST", url + "/interaction/v1/events", "-H", "Authorization: Bearer \(token)", "-H",
                    "Content-Type: application/json", "-d",
                    #"{"ContactKey":"nina@sausage.com","EventDefinitionKey":"member-event","Data":{"EmailAddress":"nina@sausage.com","MemberID":4,"FirstName":"Nina"}}"#,
                ])
            #expect(fired.status == 0 && fired.output.contains("eventInstanceId"), "\(fired.output)\(fired.errorOutput)")
            let screen = try tmux.waitFor("Nina to appear with Updated True") { screen in
                screen.split(separator: "\n").contains { $0.contains("nina@sausage.com") && $0.contains("True") }
            }
            #expect(screen.contains("Members · 4 records"))
            #expect(screen.split(separator: "\n").contains { $0.contains("sam@sausage.com") && $0.contains("False") })

            try tmux.send("Escape")
            try tmux.waitFor(text: "Data Extensions · 1 data extension")
            try tmux.send("q")
            try tmux.waitFor("the app to exit") { _ in (try? tmux.exitStatus()) == 0 }
            #expect(Workspace.currentOwner(ofWorkspaceAt: path) == nil)
        }

        private func call(_ method: String, _ url: String, _ body: String? = nil, token: String? = nil) async throws -> (
            status: Int, json: [String: Any]
        ) {
            var request = URLRequest(url: URL(string: url)!)
            request.httpMethod = method
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.httpBody = body.map { Data($0.utf8) }
            let (data, response) = try await URLSession.shared.data(for: request)
            let json = (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
        }
    }
}
