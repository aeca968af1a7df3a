import Foundation
import LabModel
import TestSupport
import Testing

/// The built `journeylab` binary, run as a user would, on temporary workspaces.
@Suite struct CommandLineTests {
    /// The binary sits beside the test bundle in the build folder.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("journeylab").path

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeylab-cli-\(UUID().uuidString)")
    var path: String { folder.appendingPathComponent("workspace.sqlite").path }

    func journeylab(_ arguments: String...) throws -> ChildProcess.Result {
        try ChildProcess.run(Self.binary, arguments)
    }

    /// The seed's member DE with its three members, made sendable, in a closed workspace.
    func seededWorkspace() throws {
        let workspace = try Workspace(path: path)
        defer { workspace.close() }
        let de = try workspace.createDataExtension(SeedScenario.memberDataExtension(externalKey: "MEMBERS-KEY"))
        try workspace.addRecords(to: .id(de.id), rows: SeedScenario.members)
        try workspace.makeSendable(.id(de.id), relating: "EmailAddress")
    }

    /// A wrong value is a usage error, exit 2, naming the option and what it takes, before
    /// anything is opened: the README's promise.
    @Test func wrongOptionValuesAreUsageErrors() throws {
        let pace = try journeylab("app", "--pace", "fast", "--workspace", path)
        #expect(pace.status == 2)
        #expect(pace.errorOutput.contains("The value 'fast' is invalid for '--pace <pace>'"), "\(pace.errorOutput)")
        #expect(pace.errorOutput.contains("'instant', 'realistic' or 'stepped'"))
        let port = try journeylab("serve", "--port", "70000", "--workspace", path)
        #expect(port.status == 2)
        #expect(port.errorOutput.contains("The value '70000' is invalid for '--port <port>'"), "\(port.errorOutput)")
        #expect(port.errorOutput.contains("0 to 65535"))
        let rate = try journeylab("serve", "--rate-limit", "5/x", "--workspace", path)
        #expect(rate.status == 2 && rate.errorOutput.contains("'--rate-limit <rate-limit>'"), "\(rate.errorOutput)")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing was opened or created")
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try journeylab("--version")
        #expect(result.status == 0)
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test func statusJSONDescribesEveryDataExtension() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seededWorkspace()
        let result = try journeylab("status", "--json", "--workspace", path)
        #expect(result.status == 0, "\(result.errorOutput)")
        let status = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        #expect(status["workspace"] as? String == path)
        #expect(status["owner"] == nil || status["owner"] is NSNull)
        let des = status["dataExtensions"] as! [[String: Any]]
        #expect(des.count == 1)
        let members = des[0]
        #expect(members["name"] as? String == "Members")
        #expect(members["externalKey"] as? String == "MEMBERS-KEY")
        #expect(members["sendableField"] as? String == "EmailAddress")
        #expect(members["rowCount"] as? Int == 3)
        let fields = members["fields"] as! [[String: Any]]
        #expect(fields.map { $0["name"] as! String } == ["EmailAddress", "MemberID", "FirstName", "LastName", "Updated"])
        #expect(fields.map { $0["type"] as! String } == ["EmailAddress", "Number", "Text", "Text", "Boolean"])
        #expect(fields[0]["primaryKey"] as? Bool == true)
        #expect(fields[0]["length"] as? Int == 254)
        #expect(fields[4]["defaultValue"] as? String == "False")
    }

    @Test func statusReadsAWorkspaceWhileAnotherProcessOwnsIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seededWorkspace()
        let owner = try Workspace(path: path)
        defer { owner.close() }
        owner.recordServerURL("http://127.0.0.1:7444")
        let result = try journeylab("status", "--workspace", path)
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output.contains("Owner      process \(getpid()), serving http://127.0.0.1:7444"))
        #expect(result.output.contains("Members   3 rows   sendable: EmailAddress → Subscriber Key"))
        #expect(result.output.contains("external key MEMBERS-KEY"))
        #expect(result.output.contains("EmailAddress  EmailAddress(254)  primary key"))
        #expect(result.output.contains("Updated       Boolean  default False"))
    }

    @Test func resetRefusesWhileOwnedNamingTheOwner() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seededWorkspace()
        let owner = try Workspace(path: path)
        let refused = try journeylab("reset", "--yes", "--workspace", path)
        #expect(refused.status == 1)
        #expect(refused.errorOutput.contains("in use by process \(getpid())"), "\(refused.errorOutput)")
        owner.close()
        #expect(try ReadOnlyWorkspace(path: path).dataExtensions().count == 1)

        let unconfirmed = try journeylab("reset", "--workspace", path)
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.errorOutput.contains("pass --yes"))

        let reset = try journeylab("reset", "--yes", "--workspace", path)
        #expect(reset.status == 0, "\(reset.errorOutput)")
        #expect(reset.output.contains("removed 1 data extension and 3 records"))
        let after = try journeylab("status", "--json", "--workspace", path)
        #expect(after.output.contains("\"exists\" : false"))
    }

    @Test func theWorkspaceComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try seededWorkspace()
        var environment = ProcessInfo.processInfo.environment
        environment["JOURNEYLAB_WORKSPACE"] = path
        let result = try ChildProcess.run(Self.binary, ["status", "--json"], environment: environment)
        #expect(result.output.contains("\"rowCount\" : 3"), "\(result.output)")
    }

    @Test func statusJSONListsTheWholeTutorialConfiguration() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace(path: path)
        let seed = try SeedScenario.configure(workspace)
        workspace.close()
        let result = try journeylab("status", "--json", "--workspace", path)
        #expect(result.status == 0, "\(result.errorOutput)")
        let status = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]

        let groups = status["attributeGroups"] as! [[String: Any]]
        #expect(groups.map { $0["name"] as! String } == ["Sausage Club"])
        let links = groups[0]["links"] as! [[String: Any]]
        #expect(links.map { $0["dataExtension"] as! String } == ["Members", "Member Preferences"])
        #expect(links[0]["contactKeyField"] as? String == "EmailAddress")
        #expect(links[0]["root"] as? Bool == true)
        #expect(links[1]["cardinality"] as? String == "Many")

        let events = status["events"] as! [[String: Any]]
        #expect(events.count == 1)
        #expect(events[0]["eventKey"] as? String == seed.trigger.key)
        #expect(events[0]["state"] as? String == "Running")

        let journeys = status["journeys"] as! [[String: Any]]
        #expect(journeys[0]["key"] as? String == "member-updates")
        let versions = journeys[0]["versions"] as! [[String: Any]]
        #expect(versions[0]["status"] as? String == "Published")
        #expect(versions[0]["entryMode"] as? String == "OnceAndDone")
        let trigger = versions[0]["trigger"] as! [String: Any]
        #expect(trigger["eventDefinitionKey"] as? String == seed.trigger.key)
        #expect(trigger["filter"] as? String == "Updated is False")
        #expect(versions[0]["activities"] as? [String] == ["Update Contact Data: Members.Updated = True"])

        let automations = status["automations"] as! [[String: Any]]
        #expect(automations[0]["activities"] as? [String] == ["Step 1: Fire Event: Members (objectTypeId 749)"])

        let apps = status["apps"] as! [[String: Any]]
        #expect(apps[0]["clientID"] as? String == seed.app.clientID)
        #expect(
            apps[0]["permissions"] as? [String] == [
                "Data Extensions Read", "Data Extensions Write", "Interactions Execute", "Interactions Read",
                "Interactions Write",
            ])
        #expect(apps[0]["clientSecret"] == nil)

        let text = try journeylab("status", "--workspace", path)
        #expect(text.output.contains("Journey Member Updates   key member-updates"))
        #expect(text.output.contains("    trigger Members not updated on Members where Updated is False"))
    }
}

extension CommandLineTests {
    /// docs/keys.md is what the key registry generates; regenerate it with
    /// `swift run journeylab keys-doc > docs/keys.md`.
    @Test func theKeysDocumentIsCurrent() throws {
        let generated = try journeylab("keys-doc")
        #expect(generated.status == 0)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let committed = try String(contentsOf: repository.appendingPathComponent("docs/keys.md"), encoding: .utf8)
        #expect(committed == generated.output, "docs/keys.md is stale: run `swift run journeylab keys-doc > docs/keys.md`")
    }
}
